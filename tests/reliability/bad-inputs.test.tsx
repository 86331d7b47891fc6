import { render, screen } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigErrorPage } from '../../src/app/config-error-page';
import { loadConfig } from '../../src/app/config';
import type { FakeSymbiota } from '../../src/portal/fake-symbiota/fake-portal';
import { ImagingStation } from '../component/drivers/imaging-station';
import { UnprocessedStation } from '../component/drivers/unprocessed-station';
import { inStationLanguage } from '../support/intl';

/**
 * Bad input, typed or scanned into the screens as a technician would: each gets a clear message, short
 * enough to read (a long paste is not echoed back whole), and the portal is left exactly as it was.
 */
const PASTE = '1'.repeat(10_000);
const LONG_NAME = 'Smith'.repeat(2_000);

type Where = 'stamp' | 'barcode' | 'no-stamp' | 'accession';
interface BadInput {
  name: string;
  where: Where;
  input: string | { collector: string; number: string; date: string };
  says: RegExp;
}

const CASES: BadInput[] = [
  // Option 1: the stamp
  { name: 'letters', where: 'stamp', input: 'ABC', says: /"ABC" is not an accession number/ },
  {
    name: 'letter O for zero',
    where: 'stamp',
    input: '14O9',
    says: /letter O where a digit should be\. Did you mean 1409/,
  },
  { name: 'a space inside', where: 'stamp', input: '14 99', says: /has a space in it/ },
  { name: 'a minus sign', where: 'stamp', input: '-1499', says: /is not an accession number/ },
  { name: 'a plus sign', where: 'stamp', input: '+1499', says: /is not an accession number/ },
  { name: 'a decimal', where: 'stamp', input: '14.99', says: /is not an accession number/ },
  { name: 'a 10,000-character paste', where: 'stamp', input: PASTE, says: /\(10,000 characters\)/ },
  { name: 'an emoji', where: 'stamp', input: '1499😀', says: /is not an accession number/ },
  { name: 'right-to-left text', where: 'stamp', input: 'שלום', says: /is not an accession number/ },
  {
    name: 'a right-to-left override',
    where: 'stamp',
    input: '\u202E1499',
    says: /is not an accession number/,
  },
  {
    name: 'a barcode in the stamp field',
    where: 'stamp',
    input: 'DEMO0009001',
    says: /That is a barcode, not a stamped number/,
  },
  { name: 'too many digits', where: 'stamp', input: '123456789012', says: /12 characters long/ },
  // Option 1: the barcode, at the scan step of record 1 (stamp 1499)
  {
    name: 'a code of another pattern',
    where: 'barcode',
    input: 'XYZ123',
    says: /not one of this collection's barcodes/,
  },
  {
    name: 'the stamp scanned as the barcode',
    where: 'barcode',
    input: '1499',
    says: /looks like an accession number, not a barcode/,
  },
  {
    name: 'two scans run together',
    where: 'barcode',
    input: 'DEMO0009001DEMO0009002',
    says: /not one of this collection's barcodes/,
  },
  {
    name: 'a partial scan',
    where: 'barcode',
    input: 'DEMO000',
    says: /not one of this collection's barcodes/,
  },
  {
    name: 'Code 39 start and stop characters',
    where: 'barcode',
    input: '*DEMO0009001*',
    says: /not one of this collection's barcodes/,
  },
  {
    name: 'a scanner prefix the station was not told of',
    where: 'barcode',
    input: '#DEMO0009001',
    says: /not one of this collection's barcodes/,
  },
  {
    name: 'a scanner suffix the station was not told of',
    where: 'barcode',
    input: 'DEMO0009001$',
    says: /not one of this collection's barcodes/,
  },
  {
    name: 'a 10,000-character paste as the barcode',
    where: 'barcode',
    input: PASTE,
    says: /\(10,000 characters\)/,
  },
  {
    name: 'an emoji barcode',
    where: 'barcode',
    input: 'DEMO000900😀',
    says: /not one of this collection's barcodes/,
  },
  // Option 1 without a stamp: label dates and collector names
  {
    name: 'an impossible date',
    where: 'no-stamp',
    input: { collector: 'Smith', number: '212', date: '1961-02-30' },
    says: /has no day 30/,
  },
  {
    name: 'a future date',
    where: 'no-stamp',
    input: { collector: 'Smith', number: '212', date: '2099-07-14' },
    says: /is in the future/,
  },
  {
    name: 'an ambiguous date',
    where: 'no-stamp',
    input: { collector: 'Smith', number: '212', date: '03/04/61' },
    says: /could be|not a date this station can read|two-digit|year/,
  },
  {
    name: 'month 13',
    where: 'no-stamp',
    input: { collector: 'Smith', number: '212', date: '13/13/1961' },
    says: /not a real date|no month 13/,
  },
  {
    name: 'words for a date',
    where: 'no-stamp',
    input: { collector: 'Smith', number: '212', date: 'yesterday' },
    says: /not a date this station can read/,
  },
  {
    name: 'a wildcard in the name',
    where: 'no-stamp',
    input: { collector: 'Smith%', number: '212', date: '' },
    says: /not part of a name \(%\)/,
  },
  {
    name: 'a quoted name',
    where: 'no-stamp',
    input: { collector: '"Smith"', number: '212', date: '' },
    says: /not part of a name \("\)/,
  },
  {
    name: 'full-text operators',
    where: 'no-stamp',
    input: { collector: '+Smith -Jones', number: '212', date: '' },
    says: /not part of a name/,
  },
  {
    name: 'a trailing asterisk',
    where: 'no-stamp',
    input: { collector: 'Smith*', number: '212', date: '' },
    says: /not part of a name \(\*\)/,
  },
  {
    name: 'SQL in the name',
    where: 'no-stamp',
    input: { collector: "Smith'; DROP TABLE omoccurrences;", number: '212', date: '' },
    says: /not part of a name/,
  },
  {
    name: 'initials only',
    where: 'no-stamp',
    input: { collector: 'J. A.', number: '212', date: '' },
    says: /only initials/,
  },
  {
    name: 'digits in the name',
    where: 'no-stamp',
    input: { collector: 'Smith 212', number: '', date: '' },
    says: /has digits in it/,
  },
  {
    name: 'a 10,000-character name',
    where: 'no-stamp',
    input: { collector: LONG_NAME, number: '212', date: '' },
    says: /too long for a collector's name/,
  },
  {
    name: 'a last name alone',
    where: 'no-stamp',
    input: { collector: 'Smith', number: '', date: '' },
    says: /alone finds too many records/,
  },
  // Option 2: the stamp of the sheet on screen (DEMO0001231)
  { name: 'letters', where: 'accession', input: 'ABC', says: /"ABC" is not an accession number/ },
  { name: 'a space inside', where: 'accession', input: '51 20', says: /has a space in it/ },
  { name: 'a decimal', where: 'accession', input: '5120.0', says: /is not an accession number/ },
  { name: 'a minus sign', where: 'accession', input: '-5120', says: /is not an accession number/ },
  { name: 'a 10,000-character paste', where: 'accession', input: PASTE, says: /\(10,000 characters\)/ },
  { name: 'an emoji', where: 'accession', input: '5120🙂', says: /is not an accession number/ },
  { name: 'right-to-left text', where: 'accession', input: '\u202E5120', says: /is not an accession number/ },
  { name: 'the sheet barcode typed as the stamp', where: 'accession', input: 'DEMO0001231', says: /barcode/ },
  { name: 'letter O for zero', where: 'accession', input: '512O', says: /letter O where a digit should be/ },
];

const tally = { cases: 0, wroteSomething: 0 };
afterAll(() => {
  if (process.env['BAD_INPUTS_OUT']) writeFileSync(process.env['BAD_INPUTS_OUT'], JSON.stringify(tally));
});

/** What the portal holds, less what reading it may touch (edit locks). */
const holdings = (fake: FakeSymbiota) =>
  JSON.stringify({ ...fake.state, editLocks: [], session: null, phpSessionExpired: false });

let open: { close(): void } | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

/** A long paste arrives at once (a technician's Ctrl+V), not as 10,000 keystrokes. */
async function typeOrPaste(
  user: { keyboard(k: string): Promise<void>; paste(t: string): Promise<void> },
  text: string,
) {
  if (text.length > 200) {
    await user.paste(text);
    await user.keyboard('{Enter}');
  } else await user.keyboard(`${text}{Enter}`);
}

/** Opens the screen where the input goes and gets it ready; `type` then enters the bad input. */
async function prepare(c: BadInput): Promise<{ fake: FakeSymbiota; type: () => Promise<void> }> {
  if (c.where === 'accession') {
    const s = await UnprocessedStation.open();
    open = s;
    await s.sheet('DEMO0001231');
    return { fake: s.fake, type: () => typeOrPaste(s.user, c.input as string) };
  }
  const s = await ImagingStation.open();
  open = s;
  if (c.where === 'barcode') {
    await s.typeStamp('1499');
    await s.confirmCard();
    await s.press('{Enter}');
    await screen.findByLabelText(/^Barcode/);
    return { fake: s.fake, type: () => typeOrPaste(s.user, c.input as string) };
  }
  if (c.where === 'no-stamp') {
    const q = c.input as { collector: string; number: string; date: string };
    return {
      fake: s.fake,
      type: async () => {
        if (q.collector.length <= 200) return s.searchWithoutStamp(q.collector, q.number, q.date);
        await s.press('{Alt>}n{/Alt}');
        await s.user.paste(q.collector);
        await s.user.type(screen.getByLabelText('Collector number'), `${q.number}{Enter}`);
      },
    };
  }
  return { fake: s.fake, type: () => typeOrPaste(s.user, c.input as string) };
}

const shown = () =>
  [...screen.queryAllByRole('status'), ...screen.queryAllByRole('alert')]
    .map((n) => n.textContent ?? '')
    .join(' | ');

describe.each(CASES)('bad input in $where: $name', (c) => {
  it('gets a clear, short message and changes nothing in the portal', async () => {
    const { fake, type } = await prepare(c);
    const before = holdings(fake);
    const writes = fake.writesApplied;
    await type();
    const message = await screen.findByText(c.says).catch(() => null);
    // Anything the station would send has had time to go.
    await new Promise((r) => setTimeout(r, 100));
    const text = shown();
    tally.cases++;
    const wrote = fake.writesApplied !== writes || holdings(fake) !== before;
    if (wrote) tally.wroteSomething++;
    expect(message, `expected ${String(c.says)} in: ${text.slice(0, 300)}`).not.toBeNull();
    expect(text.length).toBeLessThan(1_200);
    expect(wrote).toBe(false);
  });
});

describe('a broken config.json', () => {
  it.each([
    ['not JSON at all', '{ "collectionId": 1, ', /not valid JSON|could not be read/i],
    ['a barcode pattern that is not a pattern', JSON.stringify({ barcode: { pattern: '(' } }), /barcode/i],
  ])(
    '(%s) stops the station with a message that says what to fix, before anything is sent',
    async (_name, body, says) => {
      const requests: string[] = [];
      const result = await loadConfig('./config.json', async (url) => {
        requests.push(String(url));
        return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
      });
      expect(result).toMatchObject({ ok: false, problems: expect.any(Array) });
      if (result.ok || 'missing' in result) return;
      render(<ConfigErrorPage url="./config.json" problems={result.problems} />, inStationLanguage);
      expect(
        screen.getByRole('heading', { name: /cannot start: its configuration is not valid/ }),
      ).toBeInTheDocument();
      expect(document.body.textContent).toMatch(says);
      expect(requests).toEqual(['./config.json']);
      tally.cases++;
    },
  );
});
