import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ImagingStation } from './drivers/imaging-station';

let station: ImagingStation | null = null;
afterEach(() => {
  station?.close();
  station = null;
  vi.unstubAllGlobals();
});

/** A technician links stamp 1499 to DEMO0009001 in Option 1. */
async function linkedOne() {
  const s = (station = await ImagingStation.open());
  await s.typeStamp('1499');
  await s.confirmCard();
  await s.press('{Enter}');
  await s.scan('DEMO0009001');
  await s.waitForSessionRow('DEMO0009001', /Linked/);
  return s;
}

async function linkedAndOnJournal() {
  const s = await linkedOne();
  await s.press('{Alt>}4{/Alt}');
  await screen.findByRole('button', { name: 'Undo link of record 1' });
  return s;
}

it('the journal lists what the station wrote, filters it, and exports it as CSV', async () => {
  const s = await linkedOne();
  await s.typeStamp('9999');
  await screen.findByRole('heading', { name: 'No record found' });
  await s.press('e');
  await s.scan('DEMO0009100');
  await s.press('{Enter}');
  await s.waitForSessionRow('DEMO0009100', /Escalated/);

  await s.press('{Alt>}4{/Alt}');
  const entries = await screen.findByRole('region', { name: 'Journal entries' });
  await waitFor(() =>
    expect(
      within(entries)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      expect.stringContaining('Time'),
      // The escalation's comment is journalled too: the portal keeps no edit log of comments.
      expect.stringMatching(
        /tech.*comment.*43.*DEMO0009100.*comment: \[Specimen Linker\] Expert required.*done/,
      ),
      expect.stringMatching(
        /tech.*escalation.*43.*DEMO0009100.*catalognumber: DEMO0009100, processingstatus: expert required.*done/,
      ),
      expect.stringMatching(
        /tech.*link.*1.*DEMO0009001.*catalognumber: — → catalognumber: DEMO0009001.*done/,
      ),
    ]),
  );
  // Times in the station's one date style (medium date, short time), as Review shows them.
  const time = within(within(entries).getAllByRole('row')[1]!).getAllByRole('cell')[0]!;
  expect(time.textContent).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/);
  const today = screen.getByRole('region', { name: 'Today, tech' });
  expect(today).toHaveTextContent('1 linked');
  expect(today).toHaveTextContent('50 % escalated (1)');

  await s.user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'link');
  expect(within(entries).getAllByRole('row')).toHaveLength(2);

  let exported: Blob | null = null;
  vi.stubGlobal('URL', {
    ...URL,
    createObjectURL: (blob: Blob) => ((exported = blob), 'blob:journal'),
    revokeObjectURL: () => undefined,
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  await s.user.click(screen.getByRole('button', { name: 'Export 1 as CSV' }));
  expect(click).toHaveBeenCalled();
  const csv = await (exported as unknown as Blob).text();
  expect(csv.split('\r\n')[1]).toMatch(
    /^\S+,tech,1,link,1,DEMO0009001,catalognumber=,catalognumber=DEMO0009001,done,/,
  );
});

it('undo of a barcode link writes the empty catalog number back through the normal, logged save', async () => {
  const s = await linkedAndOnJournal();
  await s.user.click(screen.getByRole('button', { name: 'Undo link of record 1' }));
  expect(await screen.findByText('Undone: record 1 holds catalognumber: — again.')).toBeInTheDocument();
  expect(s.field(1, 'catalogNumber')).toBeNull();
  expect(s.fake.editsOf(1).map((e) => [e.fieldName, e.oldValue, e.newValue])).toEqual([
    ['catalognumber', '', 'DEMO0009001'],
    ['catalognumber', 'DEMO0009001', ''],
  ]);
  await screen.findByRole('cell', { name: 'undo' });
  // Undone once: Undo is no longer offered; the row says why instead of a button that would refuse.
  await waitFor(() =>
    expect(screen.queryByRole('button', { name: 'Undo link of record 1' })).not.toBeInTheDocument(),
  );
  expect(screen.getByText('It has already been undone.')).toBeInTheDocument();
});

it('undo after someone else changed the record is refused with the reason, and writes nothing', async () => {
  const s = await linkedAndOnJournal();
  s.fake.record(1)!.fields['catalogNumber'] = 'DEMO0009999';
  await s.user.click(screen.getByRole('button', { name: 'Undo link of record 1' }));
  expect(
    await screen.findByText(
      /Not undone\. Record 1 now holds barcode "DEMO0009999", not "DEMO0009001" as this station wrote it/,
    ),
  ).toBeInTheDocument();
  expect(s.field(1, 'catalogNumber')).toBe('DEMO0009999');
  expect(s.fake.editsOf(1)).toHaveLength(1);
});

it('an accession number saved in Option 2 is not offered for undo: the row says why, no button that refuses', async () => {
  const { UnprocessedStation } = await import('./drivers/unprocessed-station');
  const s = await UnprocessedStation.open();
  try {
    await s.sheet('DEMO0001231');
    await s.enterAccession('5120');
    await s.sessionRow('DEMO0001231', /Linked/);
    await s.press('{Alt>}4{/Alt}');
    const row = await screen.findByRole('row', { name: /accession/ });
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(within(row).getByText('Cannot be undone here')).toBeInTheDocument();
    expect(
      within(row).getByText(/An accession number cannot be removed from this station/),
    ).toBeInTheDocument();
  } finally {
    s.close();
  }
});
