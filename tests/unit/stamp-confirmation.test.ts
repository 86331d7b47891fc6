import { describe, expect, it } from 'vitest';
import { said } from '../../src/domain/said';
import {
  confirmByLegacyRecord,
  numbersToConfirm,
  type NumberHolders,
} from '../../src/domain/stamp-confirmation';

/**
 * A number the stamp's readings left open, settled by the portal: the legacy record holding it has the
 * collector, number and date printed on this sheet's label (issue 16).
 */
const dates = { order: 'ISO' as const, today: '2026-12-01' };
const label = { collector: 'J. Smith', number: '212', date: '1961-07-14' };
const record = (occid: number, recordedBy: string, recordNumber: string, eventDate: string) => ({
  occid,
  recordedBy,
  recordNumber,
  eventDate,
});
const penstemon = record(11, 'J. Smith', '212', '1961-07-14');
const castilleja = record(12, 'J. Smith', '213', '1961-07-14');
const holders = (...h: [string, ReturnType<typeof record>[]][]): NumberHolders[] =>
  h.map(([value, records]) => ({ value, records }));

describe('the portal settles a stamp the readings left open', () => {
  it('the one number held by the record of this label’s gathering is proposed, naming the record', () => {
    expect(confirmByLegacyRecord(holders(['1499', [penstemon]], ['1489', []]), label, dates)).toEqual({
      value: '1499',
      confirmedBy: { occid: 11, recordedBy: 'J. Smith', recordNumber: '212', eventDate: '1961-07-14' },
    });
  });

  it('a near number held by the same collector’s next gathering (213, same day) does not pass', () => {
    expect(confirmByLegacyRecord(holders(['1500', [castilleja]]), label, dates)).toBeNull();
    expect(
      confirmByLegacyRecord(holders(['1499', [penstemon]], ['1500', [castilleja]]), label, dates),
    ).toEqual(expect.objectContaining({ value: '1499' }));
  });

  it('two numbers whose records both match the label (duplicates of one gathering) propose nothing', () => {
    const duplicate = record(13, 'J. Smith', '212', '1961-07-14');
    expect(
      confirmByLegacyRecord(holders(['1499', [penstemon]], ['1498', [duplicate]]), label, dates),
    ).toBeNull();
    expect(confirmByLegacyRecord(holders(['1499', [penstemon, duplicate]]), label, dates)).toBeNull();
  });

  it('a label not read in full, or dated only to the month or year, confirms nothing', () => {
    const found = holders(['1499', [penstemon]]);
    expect(confirmByLegacyRecord(found, { ...label, collector: null }, dates)).toBeNull();
    expect(confirmByLegacyRecord(found, { ...label, number: null }, dates)).toBeNull();
    expect(confirmByLegacyRecord(found, { ...label, date: null }, dates)).toBeNull();
    expect(confirmByLegacyRecord(found, null, dates)).toBeNull();
    expect(
      confirmByLegacyRecord(
        holders(['1499', [record(11, 'J. Smith', '212', '1961-07-00')]]),
        { ...label, date: '1961-07' },
        dates,
      ),
    ).toBeNull();
  });

  it('a record that differs from the label in any one field does not pass', () => {
    for (const other of [
      record(11, 'R. A. Darrow', '212', '1961-07-14'),
      record(11, 'J. Smith', '2120', '1961-07-14'),
      record(11, 'J. Smith', '212', '1961-07-15'),
    ])
      expect(confirmByLegacyRecord(holders(['1499', [other]]), label, dates)).toBeNull();
  });

  it('asks the portal about the numbers read only when there are one to three of three digits or more', () => {
    const unread = (read: string[]) => ({
      kind: 'unread' as const,
      why: said('check.stamp.none-found'),
      read,
    });
    expect(numbersToConfirm(unread(['7876', '27876', '17']))).toEqual(['7876', '27876']);
    expect(numbersToConfirm(unread(['101', '102', '103', '104']))).toEqual([]);
    expect(numbersToConfirm(unread([]))).toEqual([]);
    expect(numbersToConfirm({ kind: 'proposal', proposal: { value: '7876', confidence: 95 } })).toEqual([]);
  });
});
