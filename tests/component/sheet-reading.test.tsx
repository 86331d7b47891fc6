import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { said } from '../../src/domain/said';
import type { SheetReader, SheetReading } from '../../src/readers/sheet-reader';
import { UnprocessedStation } from './drivers/unprocessed-station';

/**
 * Option 2 with a reader that answers as told: what the technician sees and what the portal holds. The real
 * readers are checked on the demo sheets in Node (tests/unit/sheet-reading.test.ts) and in Chromium (e2e).
 */
type Answer = SheetReading | Error | 'never';

const proposal = (value: string, confidence = 96, barcode = 'DEMO0001231'): SheetReading => ({
  stamp: { kind: 'proposal', proposal: { value, confidence } },
  stampCrop: null,
  barcode: { kind: 'matches', shown: barcode },
  ms: 300,
});

function reader(answers: Record<string, Answer>, delayMs = 0): SheetReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    warm: () => undefined,
    sampleStamp: () => Promise.resolve(null),
    readLabel: () => Promise.resolve({ collector: 'J. Smith', number: '212', date: '1961-07-14' }),
    read(_url, catalogNumber) {
      asked.push(catalogNumber ?? '');
      const answer = answers[catalogNumber ?? ''] ?? 'never';
      if (answer === 'never') return new Promise(() => undefined);
      return new Promise((resolve, reject) =>
        setTimeout(() => (answer instanceof Error ? reject(answer) : resolve(answer)), delayMs),
      );
    },
  };
}

let station: UnprocessedStation | null = null;
afterEach(() => {
  station?.close();
  station = null;
});

const open = async (sheetReader: SheetReader) =>
  (station = await UnprocessedStation.open({
    sheetReader,
    config: { reading: { enabled: true, stampConfidence: 80, barcodeFormats: ['Code39'] } },
  }));

describe('Option 2: the stamp read for the technician', () => {
  it('proposes the stamped number, selected; Enter accepts it and it is saved like a typed one', async () => {
    const s = await open(reader({ DEMO0001231: proposal('5120') }));
    const field = await s.sheet('DEMO0001231');
    await waitFor(() => expect(field).toHaveValue('5120'));
    expect(screen.getByText(/Read from the stamp:/)).toHaveTextContent(
      'Read from the stamp: 5120 (96 % sure). Enter accepts it if the stamp shows the same; typing replaces it.',
    );
    expect([(field as HTMLInputElement).selectionStart, (field as HTMLInputElement).selectionEnd]).toEqual([
      0, 4,
    ]);
    // Nothing is written until the technician's key.
    expect(s.record(36)?.accessions).toEqual([]);
    await s.press('{Enter}');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Linked/);
    expect(s.record(36)?.accessions).toEqual(['5120']);
  });

  it('typing replaces the proposal', async () => {
    const s = await open(reader({ DEMO0001231: proposal('5120') }));
    const field = await s.sheet('DEMO0001231');
    await waitFor(() => expect(field).toHaveValue('5120'));
    await s.user.keyboard('6001');
    expect(field).toHaveValue('6001');
    expect(screen.queryByText(/Read from the stamp:/)).not.toBeInTheDocument();
  });

  it('reads the next sheet while the technician works on this one', async () => {
    const r = reader({ DEMO0001231: proposal('5120'), DEMO0001232: proposal('4488', 94, 'DEMO0001232') });
    const s = await open(r);
    await s.sheet('DEMO0001231');
    await waitFor(() => expect(r.asked).toEqual(expect.arrayContaining(['DEMO0001231', 'DEMO0001232'])));
    await s.press('{Enter}');
    const next = await s.sheet('DEMO0001232');
    await waitFor(() => expect(next).toHaveValue('4488'));
  });

  it('proposes nothing when the stamp could not be read, and says so', async () => {
    const s = await open(
      reader({
        DEMO0001231: {
          stamp: {
            kind: 'unread',
            why: said('check.stamp.uncertain', { number: '4488', confidence: 61, threshold: 80 }),
          },
          stampCrop: null,
          barcode: { kind: 'matches', shown: 'DEMO0001231' },
          ms: 300,
        },
      }),
    );
    const field = await s.sheet('DEMO0001231');
    expect(
      await screen.findByText(
        'The stamp could not be read (the number read (4488) is too uncertain (61 % < 80 %)): type it.',
      ),
    ).toBeInTheDocument();
    expect(field).toHaveValue('');
  });

  const withheld = (read: string[]): SheetReading => ({
    stamp: {
      kind: 'unread',
      why: said('check.stamp.readings-disagree', { one: read[0] ?? '', other: read[1] ?? '' }),
      read,
    },
    stampCrop: null,
    barcode: { kind: 'matches', shown: 'DEMO0001231' },
    ms: 300,
  });

  it('a number the readings left open is proposed when the portal’s record of it matches the label', async () => {
    // The label reads J. Smith 212, 1961-07-14: legacy 1499's gathering; 1489 is nobody's.
    const s = await open(reader({ DEMO0001231: withheld(['1499', '1489']) }));
    const field = await s.sheet('DEMO0001231');
    await waitFor(() => expect(field).toHaveValue('1499'));
    expect(screen.getByText(/Read from the stamp:/)).toHaveTextContent(
      /^Read from the stamp: 1499\. The readings alone did not settle it; record \d+ holds it with this label's collector, number and date \(J\. Smith 212, 1961-07-14\)\. Enter accepts it/,
    );
  });

  it('a label the plain look misreads is looked at again, and the second look may bear the number out', async () => {
    // A heavily compressed label: read plainly, its date comes out 1961-07-17; the local look reads 1961-07-14.
    const r = reader({ DEMO0001231: withheld(['1499', '1489']) });
    const looks: (string | undefined)[] = [];
    r.readLabel = (_url, _turn, look) => {
      looks.push(look);
      return Promise.resolve({
        collector: 'J. Smith',
        number: '212',
        date: look === 'local' ? '1961-07-14' : '1961-07-17',
      });
    };
    const s = await open(r);
    const field = await s.sheet('DEMO0001231');
    await waitFor(() => expect(field).toHaveValue('1499'));
    expect(looks).toEqual(['plain', 'local']);
    expect(screen.getByText(/Read from the stamp:/)).toHaveTextContent(
      /record \d+ holds it with this label's/,
    );
  });

  it('neither look bearing the number out leaves the reading withheld', async () => {
    const r = reader({ DEMO0001231: withheld(['1499', '1489']) });
    let looks = 0;
    r.readLabel = () => {
      looks += 1;
      return Promise.resolve({ collector: 'J. Smith', number: '212', date: '1961-07-17' });
    };
    const s = await open(r);
    const field = await s.sheet('DEMO0001231');
    await waitFor(() => expect(looks).toBe(2));
    expect(
      await screen.findByText(
        'The stamp could not be read (two readings of the stamp disagree (1499, 1489)): type it.',
      ),
    ).toBeInTheDocument();
    expect(field).toHaveValue('');
  });

  it('a number no record holds, one digit off the gathering’s only record’s, proposes that record’s, saying what was read', async () => {
    // 1489 is nobody's; the label's gathering (J. Smith 212, 1961-07-14) has one legacy record, holding 1499.
    const s = await open(reader({ DEMO0001231: withheld(['1489']) }));
    const field = await s.sheet('DEMO0001231');
    await waitFor(() => expect(field).toHaveValue('1499'));
    expect(screen.getByText(/The stamp read as/)).toHaveTextContent(
      /^The stamp read as 1489, not quite a number\. This label's gathering has one legacy record, \d+ \(J\. Smith 212, 1961-07-14\), and it holds 1499\. Enter accepts 1499 if the stamp shows it/,
    );
  });

  it('one off in the last digit is the next accession number, a duplicate’s: nothing is proposed', async () => {
    const r = reader({ DEMO0001231: withheld(['1498']) });
    let looks = 0;
    const readLabel = r.readLabel;
    r.readLabel = (...args) => ((looks += 1), readLabel(...args));
    const s = await open(r);
    const field = await s.sheet('DEMO0001231');
    // Both looks at the label, and the portal's answers to them, come and go without a proposal.
    await waitFor(() => expect(looks).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText(/The stamp read as/)).toBeNull();
    expect(field).toHaveValue('');
  });

  it('a number held by another gathering’s record (J. Smith 213, same day) is not proposed', async () => {
    const s = await open(reader({ DEMO0001231: withheld(['1500', '1508']) }));
    const field = await s.sheet('DEMO0001231');
    expect(
      await screen.findByText(
        'The stamp could not be read (two readings of the stamp disagree (1500, 1508)): type it.',
      ),
    ).toBeInTheDocument();
    expect(field).toHaveValue('');
  });

  it('never overwrites what the technician typed before the proposal arrived', async () => {
    const s = await open(reader({ DEMO0001231: proposal('5120') }, 300));
    const field = await s.sheet('DEMO0001231');
    await s.user.keyboard('51');
    await new Promise((r) => setTimeout(r, 500));
    expect(field).toHaveValue('51');
  });

  it('a sheet still being read appears together with its proposal, not before it', async () => {
    const s = await open(reader({ DEMO0001231: proposal('5120') }, 400));
    const field = await s.sheet('DEMO0001231');
    const viewer = screen.getByRole('figure', { name: 'Sheet DEMO0001231' });
    expect(within(viewer).getByText('Reading the sheet…')).toBeInTheDocument();
    expect(within(viewer).queryByRole('img')).not.toBeInTheDocument();
    expect(field).toHaveValue('');
    await waitFor(() => expect(within(viewer).getByRole('img')).toBeInTheDocument());
    expect(field).toHaveValue('5120');
    expect(within(viewer).queryByText('Reading the sheet…')).not.toBeInTheDocument();
  });

  it('a reading that takes too long holds the sheet back no more than a moment', async () => {
    await open(reader({ DEMO0001231: 'never' }));
    const viewer = screen.getByRole('figure', { name: 'Sheet DEMO0001231' });
    expect(within(viewer).getByText('Reading the sheet…')).toBeInTheDocument();
    await waitFor(() => expect(within(viewer).getByRole('img')).toBeInTheDocument(), { timeout: 4_000 });
    expect(screen.getByText('Reading the stamp…')).toBeInTheDocument();
  });

  it('a slow reader never blocks typing', async () => {
    const s = await open(reader({ DEMO0001231: 'never' }));
    await s.sheet('DEMO0001231');
    expect(screen.getByText('Reading the stamp…')).toBeInTheDocument();
    await s.enterAccession('5120');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Linked/);
    expect(s.record(36)?.accessions).toEqual(['5120']);
  });

  it('a reader that fails says so quietly, and typing works as always', async () => {
    const s = await open(reader({ DEMO0001231: new Error('the image could not be loaded (HTTP 404)') }));
    await s.sheet('DEMO0001231');
    expect(
      await screen.findByText(
        'The sheet could not be read (the image could not be loaded (HTTP 404)); type the stamp as usual.',
      ),
    ).toBeInTheDocument();
    await s.enterAccession('5120');
    await s.sessionRow('DEMO0001231', /Linked/);
  });
});

describe('Option 2: the barcode in the image', () => {
  const wrongImage: SheetReading = {
    stamp: { kind: 'proposal', proposal: { value: '4488', confidence: 95 } },
    stampCrop: null,
    barcode: { kind: 'mismatch', shown: ['DEMO0001232'] },
    ms: 300,
  };

  it('warns before linking a record whose image shows another barcode, and offers Expert Required with the reason', async () => {
    const s = await open(reader({ DEMO0001231: wrongImage }));
    const field = await s.sheet('DEMO0001231');
    expect(
      await screen.findByText(
        /The image shows barcode DEMO0001232, but this record's Catalog Number is DEMO0001231/,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveValue('4488'));
    await s.press('{Enter}');
    expect(s.notice()).toContain('Not linked yet: the image shows barcode DEMO0001232');
    expect(s.record(36)?.accessions).toEqual([]);
    await s.press('{F7}');
    expect(screen.getByRole('combobox', { name: 'Reason' })).toHaveValue('image-barcode');
    await s.press('{Enter}');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Escalated/);
    // The number in the field was not checked for duplicates: it goes to the supervisor in the note only.
    expect(s.record(36)).toMatchObject({
      status: 'expert required',
      accessions: [],
      comments: [
        '[Specimen Linker] Expert required (image-barcode) — the image shows another barcode — image shows barcode DEMO0001232; stamp proposed by the station: 4488',
      ],
    });
  });

  it('a second Enter links it anyway, on purpose', async () => {
    const s = await open(
      reader({
        DEMO0001231: { ...wrongImage, stamp: { kind: 'unread', why: said('check.stamp.none-found') } },
      }),
    );
    await s.sheet('DEMO0001231');
    await screen.findByText(/The image shows barcode DEMO0001232/);
    await s.enterAccession('5120');
    expect(s.notice()).toContain('Not linked yet');
    await s.press('{Enter}');
    await s.sheet('DEMO0001232');
    await s.sessionRow('DEMO0001231', /Linked/);
    expect(s.record(36)?.accessions).toEqual(['5120']);
  });
});

describe('Review: the stamp read for the supervisor', () => {
  it('A opens the accession with the stamp read off the case’s sheet, selected; Enter saves it and closes the case', async () => {
    const r = reader({ DEMO0001236: proposal('6001', 93, 'DEMO0001236') });
    const s = await open(r);
    await s.sheet('DEMO0001231');
    s.fake.record(35)!.fields['processingStatus'] = 'expert required';
    s.fake.grant('tech', 'CollAdmin', 1);
    await s.press('{Alt>}3{/Alt}');
    await screen.findByRole('heading', { name: '1 case waiting for a supervisor' });
    await s.press('{Enter}');
    await screen.findByRole('article', { name: /Case record/ });
    // The sheet is read while the supervisor looks at the case.
    await waitFor(() => expect(r.asked).toContain('DEMO0001236'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await s.press('a');
    const field = screen.getByLabelText('Accession number for this record');
    expect(field).toHaveValue('6001');
    expect(screen.getByText(/Read from the stamp:/)).toHaveTextContent(
      'Read from the stamp: 6001 (93 % sure).',
    );
    await s.press('{Enter}');
    expect(await screen.findByText(/DEMO0001236: Resolved: accession 6001 set/)).toBeInTheDocument();
    expect(s.record(35)).toMatchObject({ accessions: ['6001'], status: 'reviewed' });
  });
});

describe('the printed label as hints, next to the legacy record', () => {
  /** Sheet DEMO0001231 compared with legacy record 1499 (J. Smith 212, 1961-07-14); the label's rows as shown. */
  async function compareWithLabel(r: SheetReader) {
    const s = await open(r);
    await s.sheet('DEMO0001231');
    await s.leaveForLater('DEMO0001232', 'DEMO0001233', 'DEMO0001234');
    await s.enterAccession('1499');
    const table = await screen.findByRole('table', { name: 'Label read by the station' });
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((tr) => tr.textContent);
    return { s, table, rows };
  }

  it('shows collector, number and date as read, field by field against the record, marked machine-read', async () => {
    const r = reader({});
    r.readLabel = () => Promise.resolve({ collector: 'J. Smith', number: '213', date: '1961-07-14' });
    const { s, table, rows } = await compareWithLabel(r);
    expect(table).toHaveTextContent('machine-read: a hint, check the image');
    expect(rows()).toEqual([
      'CollectorJ. SmithJ. Smithagrees with the record',
      'Number213212differs from the record',
      'Date1961-07-141961-07-14agrees with the record',
    ]);
    // Hints only: nothing was merged or written.
    expect(s.record(34)).toMatchObject({ accessions: [] });
  });

  it('a label the plain look reads only in part is looked at locally, and the look that found more is shown', async () => {
    const r = reader({});
    r.readLabel = (_url, _turn, look) =>
      Promise.resolve(
        look === 'local'
          ? { collector: 'J. Smith', number: '212', date: '1961-07-14' }
          : { collector: null, number: null, date: '1961-07-14' },
      );
    const { rows } = await compareWithLabel(r);
    await waitFor(() =>
      expect(rows()).toEqual([
        'CollectorJ. SmithJ. Smithagrees with the record',
        'Number212212agrees with the record',
        'Date1961-07-141961-07-14agrees with the record',
      ]),
    );
  });
});
