import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedDbJournal } from '../../src/journal/station-journal';
import { messyHerbarium } from '../support/messy-herbarium';
import { ImagingStation } from './drivers/imaging-station';

let station: ImagingStation | null = null;
afterEach(() => {
  station?.close();
  station = null;
});
const open = async (options: Parameters<typeof ImagingStation.open>[0] = {}) =>
  (station = await ImagingStation.open(options));

describe('link while imaging: a stamped specimen', () => {
  it('links in three inputs: stamp + Enter, Enter to confirm, scan', async () => {
    const s = await open();
    await waitFor(() => expect(s.stampField()).toHaveFocus());
    await s.typeStamp('1499');
    await s.confirmCard();
    expect(screen.getByText(/Searched 1499, 01499, 001499 — found 1 record: 1499/)).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /Record 1 found by stamped number/ })).toHaveTextContent(
      'J. Smith',
    );
    await s.press('{Enter}');
    expect(s.barcodeField()).toHaveFocus();
    await s.scan('DEMO0009001');
    await s.waitForSessionRow('DEMO0009001', /Linked/);
    expect(s.field(1, 'catalogNumber')).toBe('DEMO0009001');
    expect(s.fake.editsOf(1).map((e) => [e.fieldName, e.newValue])).toEqual([
      ['catalognumber', 'DEMO0009001'],
    ]);
    expect(s.notice()).toMatch(/DEMO0009001 → accession 1499, J. Smith 212/);
    expect(s.stampField()).toHaveFocus();
    expect(s.stampField()).toHaveValue('');
    expect(screen.getByLabelText('Throughput this session')).toHaveTextContent(
      '1 linked · — per hour · — s per specimen · 0 % escalated (0)',
    );
    await waitFor(async () =>
      expect(await indexedDbJournal().list()).toEqual([
        expect.objectContaining({
          action: 'link',
          user: 'tech',
          occid: 1,
          barcode: 'DEMO0009001',
          before: { catalognumber: null },
          after: { catalognumber: 'DEMO0009001' },
          outcome: 'done',
        }),
      ]),
    );
  });

  it('finds 0145 when 145 is typed, and says what it searched', async () => {
    const s = await open();
    await s.typeStamp('145');
    await s.confirmCard();
    expect(s.notice()).toContain('Searched 145, 0145, 00145, 000145 — found 1 record: 0145');
    expect(screen.getByRole('article')).toHaveTextContent('R. A. Darrow');
  });
});

const commentsOn = (s: ImagingStation, occid: number) =>
  s.fake.state.comments.filter((c) => c.occid === occid).map((c) => c.text);
const newestRecord = (s: ImagingStation) => s.fake.state.records[s.fake.state.records.length - 1]!;

describe('link while imaging: no stamp on the sheet', () => {
  it('finds the record by collector, number and label date and shows each field matching', async () => {
    const s = await open();
    await s.searchWithoutStamp('R. A. Darrow', '1311', 'Oct 19, 1959');
    await s.confirmCard();
    expect(s.notice()).toContain('Searched collector Darrow, number 1311, date 1959-10-19 — found 1 record');
    const card = screen.getByRole('article');
    expect(within(card).getAllByText('matches the sheet')).toHaveLength(3);
    await s.press('{Enter}');
    await s.scan('DEMO0009002');
    await s.waitForSessionRow('DEMO0009002', /Linked/);
    expect(s.field(9, 'catalogNumber')).toBe('DEMO0009002');
  });

  it('asks for a number or a date before searching a last name alone', async () => {
    const s = await open();
    await s.searchWithoutStamp('Smith', '', '');
    expect(s.notice()).toContain('Type the collector number or the date as well');
    expect(screen.queryByRole('heading', { name: /records answer/ })).not.toBeInTheDocument();
  });

  it('lists several records and lets the technician pick one with the arrow keys', async () => {
    const s = await open();
    await s.searchWithoutStamp('Smith', '', '7/14/1961');
    expect(await screen.findByRole('heading', { name: '2 records answer this search' })).toBeInTheDocument();
    const options = within(screen.getByRole('listbox', { name: 'Records found' })).getAllByRole('option');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringMatching(/J. Smith 212.*No barcode/),
      expect.stringMatching(/J. Smith 213.*Barcode DEMO0001241/),
    ]);
    await s.press('{ArrowDown}');
    expect(
      within(screen.getByRole('listbox', { name: 'Records found' })).getAllByRole('option')[1],
    ).toHaveAttribute('aria-selected', 'true');
    await s.press('{ArrowUp}{Enter}');
    expect(await screen.findByRole('article', { name: /Record 1 / })).toBeInTheDocument();
    await s.press('{Escape}');
    expect(await screen.findByRole('heading', { name: '2 records answer this search' })).toBeInTheDocument();
  });
});

describe('link while imaging: escalations', () => {
  it('no record: says what was searched, then escalates with the barcode and a note in one form', async () => {
    const s = await open();
    await s.typeStamp('9999');
    expect(await screen.findByRole('heading', { name: 'No record found' })).toBeInTheDocument();
    expect(s.notice()).toContain(
      'Searched 9999, 09999, 009999, then Other Catalog Numbers containing 9999 — no record found.',
    );
    await s.press('e');
    expect(s.barcodeField()).toHaveFocus();
    await s.scan('DEMO0009100');
    expect(screen.getByLabelText('Note for the supervisor')).toHaveFocus();
    await s.user.keyboard('stamp faint, could be 9899{Enter}');
    await s.waitForSessionRow('DEMO0009100', /Escalated/);
    const created = newestRecord(s);
    expect(created.fields['catalogNumber']).toBe('DEMO0009100');
    expect(created.fields['processingStatus']).toBe('expert required');
    expect(commentsOn(s, created.occid)).toEqual([
      '[Specimen Linker] Expert required (no-record) — no record found — stamp 9999; stamp faint, could be 9899',
    ]);
    expect(s.stampField()).toHaveFocus();
  });

  it('no record: Esc goes back to the stamp, kept and selected for correction', async () => {
    const s = await open();
    await s.typeStamp('9999');
    await screen.findByRole('heading', { name: 'No record found' });
    await s.press('{Escape}');
    expect(s.stampField()).toHaveFocus();
    expect(s.stampField()).toHaveValue('9999');
  });

  it('mismatch: E on the record card escalates with the record named as the candidate', async () => {
    const s = await open();
    await s.typeStamp('149');
    await s.confirmCard();
    await s.press('e');
    const reason = screen.getByRole('combobox', { name: 'Reason' });
    expect(reason).toHaveValue('');
    await s.scan('DEMO0009101');
    // No reason chosen yet: after the barcode, the reason list is next.
    expect(reason).toHaveFocus();
    await s.user.selectOptions(reason, 'data-mismatch');
    await s.user.keyboard('{Enter}sheet says Brown 35{Enter}');
    await s.waitForSessionRow('DEMO0009101', /Escalated/);
    const created = newestRecord(s);
    expect(created.fields['processingStatus']).toBe('expert required');
    expect(commentsOn(s, created.occid)[0]).toBe(
      '[Specimen Linker] Expert required (data-mismatch) — record data do not match the sheet (candidates: 149, record 11) — stamp 149; sheet says Brown 35',
    );
    expect(s.field(11, 'catalogNumber')).toBeNull();
    expect(s.fake.editsOf(11)).toEqual([]);
  });

  it('already barcoded: shows the barcode, offers no scan, and escalates instead of overwriting', async () => {
    const s = await open();
    await s.typeStamp('1500');
    await s.confirmCard();
    expect(screen.getByText(/This record already has barcode/)).toHaveTextContent('DEMO0001241');
    expect(screen.queryByRole('button', { name: /It matches/ })).not.toBeInTheDocument();
    await s.press('{Enter}');
    expect(screen.queryByLabelText(/^Barcode/)).not.toBeInTheDocument();
    await s.press('e');
    expect(screen.getByRole('combobox', { name: 'Reason' })).toHaveValue('already-barcoded');
    await s.scan('DEMO0009102');
    await s.press('{Enter}');
    await s.waitForSessionRow('DEMO0009102', /Escalated/);
    expect(s.field(6, 'catalogNumber')).toBe('DEMO0001241');
    expect(commentsOn(s, newestRecord(s).occid)[0]).toContain(
      'record already has a barcode (candidates: 1500, DEMO0001241, record 6)',
    );
  });

  it('writes the status alone when the collection turned portal comments off', async () => {
    const s = await open({ config: { escalationComments: false } });
    await s.typeStamp('9999');
    await screen.findByRole('heading', { name: 'No record found' });
    await s.press('e');
    await s.scan('DEMO0009103');
    await s.press('{Enter}');
    await s.waitForSessionRow('DEMO0009103', /Escalated/);
    expect(newestRecord(s).fields['processingStatus']).toBe('expert required');
    expect(s.fake.state.comments).toEqual([]);
  });
});

describe('link while imaging: the scan is checked before anything is written', () => {
  async function atScanStep(stamp = '1499') {
    const s = await open();
    await s.typeStamp(stamp);
    await s.confirmCard();
    await s.press('{Enter}');
    return s;
  }

  it('a barcode another record holds is refused by the guarded save, named, and can be reopened', async () => {
    const s = await atScanStep();
    await s.scan('DEMO0001231');
    const row = await s.waitForSessionRow('DEMO0001231', /Not saved/);
    expect(within(row).getByRole('alert')).toHaveTextContent(
      'Barcode DEMO0001231 is already on record 36. Check the label on the sheet: Reopen to scan it again or to escalate.',
    );
    expect(s.field(1, 'catalogNumber')).toBeNull();
    expect(s.fake.state.edits).toEqual([]);
    await s.user.click(within(row).getByRole('button', { name: 'Reopen DEMO0001231' }));
    expect(s.barcodeField()).toHaveFocus();
    expect(screen.queryByRole('row', { name: /DEMO0001231/ })).not.toBeInTheDocument();
    await s.scan('DEMO0009010');
    await s.waitForSessionRow('DEMO0009010', /Linked/);
    expect(s.field(1, 'catalogNumber')).toBe('DEMO0009010');
  });

  it('catches a stamp typed into the barcode field, and a code of another pattern', async () => {
    const s = await atScanStep();
    await s.scan('1499');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'looks like an accession number, not a barcode',
    );
    await s.scan('XYZ12');
    expect(await screen.findByRole('alert')).toHaveTextContent('is not one of this collection');
    expect(s.fake.state.edits).toEqual([]);
  });

  it('catches the same barcode scanned twice: into the stamp field, and for the next specimen', async () => {
    const s = await atScanStep();
    await s.scan('DEMO0009001');
    await s.waitForSessionRow('DEMO0009001', /Linked/);
    await s.scan('DEMO0009001');
    expect(s.notice()).toContain('DEMO0009001 was scanned again into the stamp field');
    await s.typeStamp('0145');
    await s.confirmCard();
    await s.press('{Enter}');
    await s.scan('DEMO0009001');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'DEMO0009001 was already scanned for accession 1499, J. Smith 212',
    );
    expect(s.field(2, 'catalogNumber')).toBeNull();
  });

  it('catches a scan made while focus is on a button, without pressing the button', async () => {
    const s = await atScanStep();
    screen.getByRole('button', { name: /Back to the record/ }).focus();
    await s.scan('DEMO0009004');
    await s.waitForSessionRow('DEMO0009004', /Linked/);
    expect(s.field(1, 'catalogNumber')).toBe('DEMO0009004');
  });

  it('gives the linked record the station status in the same save when configured', async () => {
    const s = await open({ config: { linkedStatus: 'stage 1' } });
    await s.typeStamp('1499');
    await s.confirmCard();
    await s.press('{Enter}');
    await s.scan('DEMO0009005');
    await s.waitForSessionRow('DEMO0009005', /Linked/);
    expect(s.field(1, 'processingStatus')).toBe('stage 1');
    expect(
      s.fake
        .editsOf(1)
        .map((e) => e.fieldName)
        .sort(),
    ).toEqual(['catalognumber', 'processingstatus']);
  });
});

describe('link while imaging: bad input', () => {
  it('explains a stamp that is not a number and suggests the digit for a letter O', async () => {
    const s = await open();
    await s.typeStamp('O145');
    expect(s.notice()).toContain('has the letter O where a digit should be. Did you mean 145?');
    expect(s.stampField()).toHaveValue('145');
    await s.user.clear(s.stampField());
    await s.typeStamp('abc');
    expect(s.notice()).toContain('is not an accession number');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('refuses an impossible label date', async () => {
    const s = await open();
    await s.searchWithoutStamp('Smith', '212', '2/30/1961');
    expect(s.notice()).toContain('"2/30/1961" is not a real date. Check the label.');
  });
});

describe('link while imaging: real collections are messier than the demo', () => {
  it('finds a number inside a multi-valued legacy string, and says so', async () => {
    const s = await open({ state: messyHerbarium() });
    await s.typeStamp('7001');
    await s.confirmCard();
    expect(s.notice()).toContain('found 1 record inside a longer value: "7001; Acc. 12"');
    await s.press('{Enter}');
    await s.scan('DEMO0009006');
    await s.waitForSessionRow('DEMO0009006', /Linked/);
    expect(s.field(101, 'catalogNumber')).toBe('DEMO0009006');
    expect(s.field(101, 'otherCatalogNumbers')).toBe('7001; Acc. 12');
  });

  it('reads "Herb. 7002 | 77" as holding 7002, and never takes 17003 or 70031 for 7003', async () => {
    const s = await open({ state: messyHerbarium() });
    await s.typeStamp('7002');
    await s.confirmCard();
    expect(screen.getByRole('article', { name: /Record 102 / })).toBeInTheDocument();
    await s.press('{Escape}');
    await s.user.clear(s.stampField());
    await s.typeStamp('7003');
    expect(await screen.findByRole('heading', { name: 'No record found' })).toBeInTheDocument();
  });

  it('shows both records when two series reused one accession number, and picks neither', async () => {
    const s = await open({ state: messyHerbarium() });
    await s.typeStamp('8800');
    expect(await screen.findByRole('heading', { name: '2 records answer this search' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('listbox', { name: 'Records found' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringContaining('L. Chen 4'), expect.stringContaining('F. Baker 902')]);
    await s.press('e');
    expect(screen.getByRole('combobox', { name: 'Reason' })).toHaveValue('several-candidates');
  });

  it('a second sheet of a specimen whose record already has the first sheet barcode is escalated', async () => {
    const s = await open({ state: messyHerbarium() });
    await s.typeStamp('8900');
    await s.confirmCard();
    expect(screen.getByText(/This record already has barcode/)).toHaveTextContent('DEMO0008901');
    await s.press('e');
    await s.scan('DEMO0008902');
    await s.press('{Enter}');
    await s.waitForSessionRow('DEMO0008902', /Escalated/);
    expect(s.field(107, 'catalogNumber')).toBe('DEMO0008901');
  });

  it('finds and links a record hidden from public view, and says it is hidden', async () => {
    const s = await open({ state: messyHerbarium() });
    await s.typeStamp('9100');
    await s.confirmCard();
    expect(screen.getByRole('article')).toHaveTextContent('hidden from public view');
    await s.press('{Enter}');
    await s.scan('DEMO0009007');
    await s.waitForSessionRow('DEMO0009007', /Linked/);
    expect(s.field(108, 'catalogNumber')).toBe('DEMO0009007');
  });
});

describe('link while imaging: failures never lose the barcode', () => {
  it('a technician who lost editor rights mid-session keeps the link with Retry, which works once rights are back', async () => {
    const s = await open();
    await s.typeStamp('1499');
    await s.confirmCard();
    await s.press('{Enter}');
    const tech = s.fake.state.users.find((u) => u.login === 'tech')!;
    tech.collEditor = [];
    await s.scan('DEMO0009008');
    const row = await s.waitForSessionRow('DEMO0009008', /Not saved/);
    expect(within(row).getByRole('alert')).toHaveTextContent(/editor rights/);
    expect(s.field(1, 'catalogNumber')).toBeNull();
    tech.collEditor = [1];
    await s.user.click(within(row).getByRole('button', { name: 'Retry DEMO0009008' }));
    await s.waitForSessionRow('DEMO0009008', /Linked/);
    expect(s.field(1, 'catalogNumber')).toBe('DEMO0009008');
  });

  it('a save that does not reach the portal waits in the outbox, says so, and goes out by itself', async () => {
    const s = await open();
    await s.typeStamp('1499');
    await s.confirmCard();
    await s.press('{Enter}');
    s.fake.injectFault('drop-request');
    await s.scan('DEMO0009009');
    const row = await s.waitForSessionRow('DEMO0009009', /Saving/);
    expect(await within(row).findByText(/could not be reached\. Next try in \d+ s/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Outbox' })).toHaveTextContent(/Offline.*1 write waits/);
    expect(s.field(1, 'catalogNumber')).toBeFalsy();
    await s.waitForSessionRow('DEMO0009009', /Linked/, 6000);
    expect(s.field(1, 'catalogNumber')).toBe('DEMO0009009');
    expect(s.fake.writesApplied).toBe(1);
    expect(screen.queryByRole('region', { name: 'Outbox' })).not.toBeInTheDocument();
  });

  it('a save the portal applied but whose answer was lost is read back and shown as saved, once', async () => {
    const s = await open();
    await s.typeStamp('1499');
    await s.confirmCard();
    await s.press('{Enter}');
    s.fake.injectFault('drop-answer');
    await s.scan('DEMO0009009');
    const row = await s.waitForSessionRow('DEMO0009009', /Linked/, 6000);
    expect(row).toHaveTextContent(/answer was lost; reading the record showed it saved, once/);
    expect(s.field(1, 'catalogNumber')).toBe('DEMO0009009');
    expect(s.fake.writesApplied).toBe(1);
    await waitFor(async () =>
      expect(await indexedDbJournal().list()).toEqual([
        expect.objectContaining({
          action: 'link',
          outcome: 'done',
          confirmedByReading: true,
          said: expect.objectContaining({ code: 'journal.done.barcode' }) as unknown,
        }),
      ]),
    );
  });
});

describe('link while imaging: an escalation whose comment does not get through', () => {
  it('keeps the created record as escalated, says the comment is missing, and journals it', async () => {
    const s = await open();
    await s.typeStamp('9999');
    await screen.findByRole('heading', { name: 'No record found' });
    await s.press('e');
    await s.scan('DEMO0009104');
    // The record is created; the comment after it is lost on the way, once.
    const create = s.fake.writesApplied;
    const { http, HttpResponse } = await import('msw');
    s.portal.server.use(http.post('*/individual/index.php', () => HttpResponse.error(), { once: true }));
    await s.press('{Enter}');
    const row = await s.waitForSessionRow('DEMO0009104', /Escalated/);
    expect(row).toHaveTextContent(/The comment on record \d+ is not posted yet: it waits in the outbox/);
    expect(newestRecord(s).fields['processingStatus']).toBe('expert required');
    expect(s.fake.state.comments).toEqual([]);
    // The outbox posts it by itself, once.
    await waitFor(() => expect(s.fake.state.comments).toHaveLength(1), { timeout: 6000 });
    expect(s.fake.writesApplied).toBe(create + 2);
    await waitFor(async () =>
      expect(await indexedDbJournal().list()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'escalation', barcode: 'DEMO0009104', outcome: 'done' }),
          expect.objectContaining({ action: 'comment', outcome: 'done' }),
        ]),
      ),
    );
  });
});
