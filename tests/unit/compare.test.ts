import { describe, expect, it } from 'vitest';
import { compareDate, compareRecordToSheet } from '../../src/domain/compare';
import type { LabelDate } from '../../src/domain/label-date';

const day = (date: string): LabelDate => ({ precision: 'day', date });
const record = { recordedBy: 'J. Smith', recordNumber: '212', eventDate: '1961-07-14' };

describe('checking a record against the sheet', () => {
  it('agrees when collector, number and date all match', () => {
    expect(
      compareRecordToSheet(record, {
        collectorLastName: 'Smith',
        collectorNumber: '212',
        date: day('1961-07-14'),
      }),
    ).toEqual({
      collector: 'match',
      number: 'match',
      date: 'match',
      agrees: true,
    });
  });

  it.each([
    ['smith', 'match'],
    ['SMITH', 'match'],
    ['Smyth', 'mismatch'],
  ])('compares the collector %j case-insensitively: %s', (name, verdict) => {
    expect(compareRecordToSheet(record, { collectorLastName: name }).collector).toBe(verdict);
  });

  it('ignores accents in collector names', () => {
    expect(
      compareRecordToSheet({ ...record, recordedBy: 'E. L. Hernández' }, { collectorLastName: 'Hernandez' })
        .collector,
    ).toBe('match');
  });

  it('requires every word of a multi-word surname', () => {
    const r = { ...record, recordedBy: 'T. R. Van Devender' };
    expect(compareRecordToSheet(r, { collectorLastName: 'van Devender' }).collector).toBe('match');
    expect(
      compareRecordToSheet({ ...record, recordedBy: 'A. Devender' }, { collectorLastName: 'van Devender' })
        .collector,
    ).toBe('mismatch');
  });

  it.each([
    ['212', 'match'],
    ['0212', 'match'],
    [' 2 12 ', 'match'],
    ['213', 'mismatch'],
  ])('compares number %j ignoring whitespace and leading zeros: %s', (n, verdict) => {
    expect(compareRecordToSheet(record, { collectorNumber: n }).number).toBe(verdict);
  });

  it('reports fields the record lacks as missing and fields not typed as not entered', () => {
    const sparse = { recordedBy: null, recordNumber: '', eventDate: null };
    expect(
      compareRecordToSheet(sparse, {
        collectorLastName: 'Smith',
        collectorNumber: '212',
        date: day('1961-07-14'),
      }),
    ).toEqual({
      collector: 'missing',
      number: 'missing',
      date: 'missing',
      agrees: true,
    });
    expect(compareRecordToSheet(record, {})).toMatchObject({
      collector: 'not-entered',
      number: 'not-entered',
      date: 'not-entered',
    });
  });

  it('does not agree when any typed field differs', () => {
    expect(
      compareRecordToSheet(record, {
        collectorLastName: 'Smith',
        collectorNumber: '212',
        date: day('1961-07-15'),
      }),
    ).toMatchObject({
      date: 'mismatch',
      agrees: false,
    });
  });
});

describe('dates with unknown parts', () => {
  it.each([
    ['1961-07-00', day('1961-07-14'), 'match'],
    ['1961-00-00', day('1961-07-14'), 'match'],
    ['1961-08-00', day('1961-07-14'), 'mismatch'],
    [
      '1961-07-14',
      { precision: 'month', from: '1961-07-01', to: '1961-07-31', text: 'July 1961' } as LabelDate,
      'match',
    ],
    [
      '1962-07-14',
      { precision: 'year', from: '1961-01-01', to: '1961-12-31', text: '1961' } as LabelDate,
      'mismatch',
    ],
  ])('record %s against %j: %s', (stored, typed, verdict) => {
    expect(compareDate(stored, typed)).toBe(verdict);
  });
});
