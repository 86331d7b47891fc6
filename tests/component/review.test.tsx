import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedDbJournal } from '../../src/journal/station-journal';
import { UnprocessedStation } from './drivers/unprocessed-station';

let station: UnprocessedStation | null = null;
afterEach(() => {
  station?.close();
  station = null;
});

/** Two technicians' escalations from Option 2, and one record set to Expert Required by hand in the portal. */
async function withCases() {
  const s = (station = await UnprocessedStation.open());
  await s.sheet('DEMO0001231');
  await s.enterAccession('2310'); // duplicate already has an image
  await s.sheet('DEMO0001232');
  await s.sessionRow('DEMO0001231', /Escalated/);
  await s.leaveForLater('DEMO0001233', 'DEMO0001234');
  await s.enterAccession('1499');
  await screen.findByRole('region', { name: 'Merge preview' });
  await s.press('x');
  await s.user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'data-mismatch');
  await s.user.keyboard('{Enter}label faded{Enter}');
  await s.sessionRow('DEMO0001234', /Escalated/);
  s.fake.record(35)!.fields['processingStatus'] = 'expert required';
  // This technician also administers the collection, so the same station resolves the cases (others see
  // them read-only: review-roles.test.tsx).
  s.fake.grant('tech', 'CollAdmin', 1);
  await s.press('{Alt>}3{/Alt}');
  await screen.findByRole('heading', { name: '3 cases waiting for a supervisor' });
  return s;
}

const openCase = async (s: UnprocessedStation, barcode: string) => {
  const options = within(screen.getByRole('listbox', { name: 'Cases' })).getAllByRole('option');
  const index = options.findIndex((o) => o.textContent?.includes(barcode));
  const selected = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
  const steps = (index - selected + options.length) % options.length;
  for (let i = 0; i < steps; i++) await s.press('{ArrowDown}');
  await s.press('{Enter}');
  return screen.findByRole('heading', { name: `Case ${barcode}` });
};

describe('review: the supervisor queue', () => {
  it('lists each case with its reason, note and who sent it; hand-escalated ones say no reason was recorded', async () => {
    await withCases();
    const options = within(screen.getByRole('listbox', { name: 'Cases' }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/DEMO0001231.*duplicate already has an image.*tech.*stamp 2310/),
        expect.stringMatching(
          /DEMO0001234.*record data do not match the sheet.*tech.*stamp 1499; label faded/,
        ),
        expect.stringMatching(/DEMO0001236.*no reason recorded/),
      ]),
    );
    // When it was sent, in the station's one date style, not the portal's "2026-11-30 17:30:56".
    expect(options.join()).toMatch(/tech, [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M/);
    expect(options.join()).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it('merge into the live candidate: the barcode and image move, the status is put back, the case leaves', async () => {
    const s = await withCases();
    await openCase(s, 'DEMO0001234');
    const candidates = await screen.findByRole('list', { name: 'Candidates' });
    expect(await within(candidates).findByText(/Record 1: J. Smith 212/)).toBeInTheDocument();
    await s.press('m');
    expect(
      await screen.findByText(/DEMO0001234: Resolved: merged DEMO0001234 into record 1/),
    ).toBeInTheDocument();
    expect(s.record(34)).toBeNull();
    expect(s.record(1)).toMatchObject({ catalogNumber: 'DEMO0001234', status: null, media: [3] });
    // The portal's merge moves the case's comments along; the closing comment is the newest.
    await waitFor(() =>
      expect(s.record(1)?.comments.at(-1)).toBe(
        '[Specimen Linker] Resolved — merged DEMO0001234 into record 1 — by tech',
      ),
    );
    expect(
      await screen.findByRole('heading', { name: '2 cases waiting for a supervisor' }),
    ).toBeInTheDocument();
    const merges = (await indexedDbJournal().list()).filter((e) => e.action === 'merge');
    expect(merges[0]?.mergedRecords?.skeletal.occid).toBe(34);
  });

  it('a candidate that already has an image cannot be merged; marking the case reviewed closes it', async () => {
    const s = await withCases();
    await openCase(s, 'DEMO0001231');
    expect(await screen.findByText(/No merge: record 3 already has an image/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Merge into record 3/ })).toBeDisabled();
    await s.press('r');
    expect(await screen.findByText(/DEMO0001231: Resolved: marked reviewed/)).toBeInTheDocument();
    expect(s.record(36)).toMatchObject({ status: 'reviewed' });
    // The closing comment follows the decision.
    await waitFor(() =>
      expect(s.record(36)?.comments.at(-1)).toBe('[Specimen Linker] Resolved — marked reviewed — by tech'),
    );
  });

  it('R pressed while the case is still being read is kept, said, and applied once it is read', async () => {
    const s = await withCases();
    // The portal answers slowly, as real ones do (a few hundred ms).
    s.fake.injectFault('slow-answer', { on: 'everything', times: 3, delayMs: 400 });
    const options = within(screen.getByRole('listbox', { name: 'Cases' })).getAllByRole('option');
    const index = options.findIndex((o) => o.textContent?.includes('DEMO0001231'));
    for (let i = 0; i < index; i++) await s.press('{ArrowDown}');
    await s.press('{Enter}');
    await screen.findByRole('heading', { name: 'Case DEMO0001231' });
    expect(screen.getByText('Reading the record…')).toBeInTheDocument();
    await s.press('r');
    expect(screen.getByText(/is applied as soon as it is read/)).toHaveTextContent(
      'Still reading the case: R is applied as soon as it is read.',
    );
    expect(
      await screen.findByText(/DEMO0001231: Resolved: marked reviewed/, {}, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(s.record(36)).toMatchObject({ status: 'reviewed' });
  });

  it('send back to the technicians and set the accession, each closing its case', async () => {
    const s = await withCases();
    await openCase(s, 'DEMO0001231');
    await s.press('u');
    expect(await screen.findByText(/DEMO0001231: Resolved: sent back/)).toBeInTheDocument();
    expect(s.record(36)?.status).toBe('unprocessed');
    await screen.findByRole('heading', { name: '2 cases waiting for a supervisor' });
    await openCase(s, 'DEMO0001236');
    await s.press('a');
    await s.user.keyboard('6001{Enter}');
    expect(
      await screen.findByText(/DEMO0001236: Resolved: accession 6001 set, status reviewed/),
    ).toBeInTheDocument();
    expect(s.record(35)).toMatchObject({ status: 'reviewed', accessions: ['6001'] });
  });

  it('a resolution the portal guards against is refused with the reason, and the case stays open', async () => {
    const s = await withCases();
    await openCase(s, 'DEMO0001231');
    await s.press('a');
    await s.user.keyboard('2311{Enter}');
    expect(
      await screen.findByText(/Not resolved\. Record 36 already has other catalog numbers \(2310\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Case DEMO0001231' })).toBeInTheDocument();
    expect(s.record(36)).toMatchObject({ status: 'expert required', accessions: ['2310'] });
  });
});

it('set the barcode on a legacy record a technician could not link, closing its case', async () => {
  const s = (station = await UnprocessedStation.open({ as: 'curator' }));
  await s.sheet('DEMO0001231');
  s.fake.record(9)!.fields['processingStatus'] = 'expert required';
  await s.press('{Alt>}3{/Alt}');
  await screen.findByRole('heading', { name: '1 case waiting for a supervisor' });
  await s.press('{Enter}');
  await screen.findByRole('heading', { name: 'Case record 9' });
  await s.press('b');
  await s.user.keyboard('1234{Enter}');
  expect(await screen.findByText(/looks like an accession number, not a barcode/)).toBeInTheDocument();
  expect(s.record(9)?.catalogNumber).toBeNull();
  await s.user.clear(screen.getByLabelText('Barcode for this record'));
  await s.user.keyboard('DEMO0009300{Enter}');
  expect(
    await screen.findByText(/record 9: Resolved: barcode DEMO0009300 set, status reviewed/i),
  ).toBeInTheDocument();
  expect(s.record(9)).toMatchObject({ catalogNumber: 'DEMO0009300', status: 'reviewed' });
});
