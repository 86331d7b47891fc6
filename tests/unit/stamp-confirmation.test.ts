import { describe, expect, it } from 'vitest';
import { said } from '../../src/domain/said';
import {
  confirmByLegacyRecord,
  confirmByNearNumber,
  gatheringOf,
  numbersToConfirm,
  onlyRecordOfGathering,
  readsAsNear,
  type HeldBy,
  type NumberHolders,
} from '../../src/domain/stamp-confirmation';

/**
 * A number the stamp's readings left open, settled by the portal: it is the accession number of the legacy
 * record of this label's gathering, and of nothing else the sheet prints (issue 16).
 */
const dates = { order: 'ISO' as const, today: '2026-12-01' };
const label = { collector: 'J. Smith', number: '212', date: '1961-07-14' };
const sheet = { catalogNumber: 'DEMO0001234' };
const record = (
  occid: number,
  otherCatalogNumbers: string,
  recordedBy = 'J. Smith',
  recordNumber = '212',
  eventDate = '1961-07-14',
  catalogNumber: string | null = null,
): HeldBy => ({ occid, otherCatalogNumbers, recordedBy, recordNumber, eventDate, catalogNumber });
const penstemon = record(11, '1499');
const castilleja = record(12, '1500', 'J. Smith', '213');
const holders = (...h: [string, HeldBy[]][]): NumberHolders[] =>
  h.map(([value, records]) => ({ value, records }));
const confirm = (h: NumberHolders[], hints: typeof label | null = label, on = sheet) =>
  confirmByLegacyRecord({ holders: h, hints, dates, sheet: on })?.value ?? null;

describe('the portal settles a stamp the readings left open', () => {
  it('the one number that is the accession of the record of this label’s gathering is proposed, naming the record', () => {
    expect(
      confirmByLegacyRecord({
        holders: holders(['1499', [penstemon]], ['1489', []]),
        hints: label,
        dates,
        sheet,
      }),
    ).toEqual({
      value: '1499',
      record: penstemon,
      confirmedBy: { occid: 11, recordedBy: 'J. Smith', recordNumber: '212', eventDate: '1961-07-14' },
    });
    // Stored with leading zeros, as legacy data often is.
    expect(confirm(holders(['145', [record(13, '0145')]]))).toBe('145');
  });

  it('a near number held by the same collector’s next gathering (213, same day) does not pass', () => {
    expect(confirm(holders(['1500', [castilleja]]))).toBeNull();
    expect(confirm(holders(['1499', [penstemon]], ['1500', [castilleja]]))).toBe('1499');
  });

  it('two numbers whose records both match the label (duplicates of one gathering) propose nothing', () => {
    const duplicate = record(13, '1498');
    expect(confirm(holders(['1499', [penstemon]], ['1498', [duplicate]]))).toBeNull();
    expect(confirm(holders(['1499', [penstemon, record(13, '1499')]]))).toBeNull();
  });

  it('the gathering’s search must find that record and no other', () => {
    expect(onlyRecordOfGathering({ total: 1, records: [{ occid: 11 }] }, 11)).toBe(true);
    // Sheet B of a gathering whose number no reading showed, read as its duplicate A's number.
    expect(onlyRecordOfGathering({ total: 2, records: [{ occid: 11 }, { occid: 14 }] }, 11)).toBe(false);
    expect(onlyRecordOfGathering({ total: 1, records: [{ occid: 14 }] }, 11)).toBe(false);
  });

  it('a number that is the label’s collector number or the barcode’s digits is not the stamp', () => {
    const own = record(15, '212');
    expect(confirm(holders(['212', [own]]))).toBeNull();
    expect(confirm(holders(['1234', [record(16, '1234')]]))).toBeNull();
  });

  it('a record holding the number among other identifiers, with a barcode already, or dated only in part does not pass', () => {
    expect(confirm(holders(['1499', [record(11, '1499; MO 77')]]))).toBeNull();
    expect(
      confirm(holders(['1499', [record(11, '1499', 'J. Smith', '212', '1961-07-14', 'DEMO0009999')]])),
    ).toBeNull();
    expect(confirm(holders(['1499', [record(11, '1499', 'J. Smith', '212', '1961-07-00')]]))).toBeNull();
  });

  it('a label not read in full, or dated only to the month or year, confirms nothing', () => {
    const found = holders(['1499', [penstemon]]);
    expect(confirm(found, { ...label, collector: null as unknown as string })).toBeNull();
    expect(confirm(found, { ...label, number: null as unknown as string })).toBeNull();
    expect(confirm(found, { ...label, date: null as unknown as string })).toBeNull();
    expect(confirm(found, null)).toBeNull();
    expect(confirm(found, { ...label, date: '1961-07' })).toBeNull();
    expect(gatheringOf(label, dates)).toEqual({
      portalTerm: expect.stringContaining('Smith'),
      number: '212',
      date: { precision: 'day', date: '1961-07-14' },
    });
  });

  it('a record that differs from the label in any one field does not pass', () => {
    for (const other of [
      record(11, '1499', 'R. A. Darrow'),
      record(11, '1499', 'J. Smith', '2120'),
      record(11, '1499', 'J. Smith', '212', '1961-07-15'),
    ])
      expect(confirm(holders(['1499', [other]]))).toBeNull();
  });

  it('asks the portal about the numbers read only when there are one to five of three digits or more', () => {
    const unread = (read: string[]) => ({
      kind: 'unread' as const,
      why: said('check.stamp.none-found'),
      read,
    });
    expect(numbersToConfirm(unread(['7876', '27876', '17']))).toEqual(['7876', '27876']);
    // A dotted number read differently by each rendering.
    expect(numbersToConfirm(unread(['811', '735112', '733112', '738112', '2']))).toEqual([
      '811',
      '735112',
      '733112',
      '738112',
    ]);
    expect(numbersToConfirm(unread(['101', '102', '103', '104', '105', '106']))).toEqual([]);
    expect(numbersToConfirm(unread([]))).toEqual([]);
    expect(numbersToConfirm({ kind: 'proposal', proposal: { value: '7876', confidence: 95 } })).toEqual([]);
  });
});

describe('the gathering’s only legacy record settles a number the readings came close to', () => {
  const onlyRecord = (...records: HeldBy[]) => ({ total: records.length, records });
  const near = (
    gathering: { total: number; records: HeldBy[] },
    h: NumberHolders[],
    hints: typeof label | null = label,
    on = sheet,
  ) => confirmByNearNumber(gathering, { holders: h, hints, dates, sheet: on });

  it('a digit misread, not the last, or the first digit lost, is near; anything else is not', () => {
    expect(readsAsNear('6719', '6779')).toBe(true);
    expect(readsAsNear('91112', '97112')).toBe(true);
    expect(readsAsNear('701', '3701')).toBe(true);
    expect(readsAsNear('738112', '8738112')).toBe(true);
    // The last digit: the next accession number, a duplicate's, differs only there.
    expect(readsAsNear('1498', '1499')).toBe(false);
    // Two digits, a digit lost inside, one too many, the same number, a fragment.
    expect(readsAsNear('6119', '6779')).toBe(false);
    expect(readsAsNear('379', '3701')).toBe(false);
    expect(readsAsNear('37012', '3701')).toBe(false);
    expect(readsAsNear('3701', '3701')).toBe(false);
    expect(readsAsNear('01', '301')).toBe(false);
  });

  it('the gathering’s one record, holding a number one reading came close to, is proposed, saying what was read', () => {
    const found = near(onlyRecord(penstemon), holders(['1489', []], ['866', []]));
    expect(found).toEqual({
      value: '1499',
      record: penstemon,
      confirmedBy: {
        occid: 11,
        recordedBy: 'J. Smith',
        recordNumber: '212',
        eventDate: '1961-07-14',
        read: '1489',
      },
    });
    expect(near(onlyRecord(penstemon), holders(['499', []]))?.value).toBe('1499');
  });

  it('a gathering with two records, or none, proposes nothing', () => {
    expect(near(onlyRecord(penstemon, record(13, '1498')), holders(['1489', []]))).toBeNull();
    expect(near({ total: 2, records: [penstemon] }, holders(['1489', []]))).toBeNull();
    expect(near(onlyRecord(), holders(['1489', []]))).toBeNull();
  });

  it('a number read that is some record’s accession may be the stamp read right: nothing is proposed', () => {
    const other = record(20, '1489', 'A. Jones', '5', '1930-05-02');
    expect(near(onlyRecord(penstemon), holders(['1489', [other]]))).toBeNull();
  });

  it('a number no reading came close to, or the next one (a duplicate’s), is not proposed', () => {
    expect(near(onlyRecord(penstemon), holders(['2817', []]))).toBeNull();
    expect(near(onlyRecord(penstemon), holders(['1498', []]))).toBeNull();
  });

  it('the record must be the label’s in everything, and hold that one number and no barcode', () => {
    const h = holders(['1489', []]);
    expect(near(onlyRecord(record(11, '1499', 'J. Smith', '212', '1961-07-15')), h)).toBeNull();
    expect(near(onlyRecord(record(11, '1499', 'J. Smith', '212', '1961-07-00')), h)).toBeNull();
    expect(near(onlyRecord(record(11, '1499; K 12', 'J. Smith')), h)).toBeNull();
    expect(
      near(onlyRecord(record(11, '1499', 'J. Smith', '212', '1961-07-14', 'DEMO0000001')), h),
    ).toBeNull();
    expect(near(onlyRecord(penstemon), h, { ...label, date: '1961' })).toBeNull();
    expect(near(onlyRecord(penstemon), h, null)).toBeNull();
  });

  it('a record whose number is the label’s collector number or the barcode’s digits is not the stamp’s', () => {
    const h = holders(['222', []]);
    expect(near(onlyRecord(record(11, '212')), h)).toBeNull();
    expect(
      near(onlyRecord(penstemon), holders(['1489', []]), label, { catalogNumber: 'DEMO0001499' }),
    ).toBeNull();
  });

  it('a number some reading read exactly is the exact rule’s to settle, never replaced by a near one', () => {
    expect(near(onlyRecord(penstemon), holders(['1499', []], ['1489', []]))).toBeNull();
  });
});
