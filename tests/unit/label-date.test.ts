import { describe, expect, it } from 'vitest';
import type { Checked } from '../../src/domain/result';
import { say } from '../../src/i18n/intl';
import { eventDateQuery, readLabelDate, type DateOrder } from '../../src/domain/label-date';

/** A refusal as the station words it (English in tests). */
const refusal = (r: Checked<unknown>) => (r.ok ? null : say(r.problem));

const today = '2026-11-23';
const read = (text: string, order: DateOrder = 'ISO') => readLabelDate(text, { order, today });
const day = (date: string) => ({ ok: true, value: { precision: 'day', date } });

describe('reading a label date', () => {
  it.each([
    '1961-07-14',
    '1961-7-14',
    '1961/07/14',
    '14 Jul 1961',
    '14 July 1961',
    '14 jul. 1961',
    'July 14, 1961',
    'Jul 14 1961',
    '14.VII.1961',
    '14-vii-1961',
    '14 VII 1961',
    '7/14/1961',
    '14/7/1961',
  ])('reads %j as 1961-07-14', (text) => expect(read(text)).toEqual(day('1961-07-14')));

  it('reads an ambiguous slash date in the configured order', () => {
    expect(read('3/4/1961', 'MDY')).toEqual(day('1961-03-04'));
    expect(read('3/4/1961', 'DMY')).toEqual(day('1961-04-03'));
  });

  it('reads a date that fits only one order that way, whatever the configured order', () => {
    expect(read('7/14/1961', 'DMY')).toEqual(day('1961-07-14'));
    expect(read('14/7/1961', 'MDY')).toEqual(day('1961-07-14'));
  });

  it('asks for an unambiguous form when no order is configured', () => {
    expect(refusal(read('3/4/1961', 'ISO'))).toMatch(/1961-03-04 or 1961-04-03/);
  });

  it('reads the same day either way without asking', () => {
    expect(read('5/5/1961', 'ISO')).toEqual(day('1961-05-05'));
  });

  it.each([
    ['1961-02-30', /no day 30/],
    ['1961-13-01', /no month 13/],
    ['31 Apr 1961', /no day 31/],
    ['29 Feb 1962', /no day 29/],
    ['2027-01-01', /future/],
    ['14 Jul 61', /year in full/],
    ['7/14/61', /year in full/],
    ['14 Jux 1961', /not a month/],
    ['sometime in summer', /not a date/],
    ['', /Type the collecting date/],
  ])('refuses %j', (text, message) => {
    expect(refusal(read(text))).toMatch(message);
  });

  it('accepts 29 February in a leap year', () => {
    expect(read('29 Feb 1960')).toEqual(day('1960-02-29'));
  });

  it('turns a year alone into a range query that includes partial dates', () => {
    const result = read('1961');
    expect(result).toEqual({
      ok: true,
      value: { precision: 'year', from: '1961-01-01', to: '1961-12-31', text: '1961' },
    });
    if (result.ok) expect(eventDateQuery(result.value)).toBe('1961-00-00 - 1961-12-31');
  });

  it.each(['1961-07', 'Jul 1961', 'July 1961', 'VII.1961'])('turns the month %j into a range', (text) => {
    const result = read(text);
    expect(result).toMatchObject({
      ok: true,
      value: { precision: 'month', from: '1961-07-01', to: '1961-07-31' },
    });
    if (result.ok) expect(eventDateQuery(result.value)).toBe('1961-07-00 - 1961-07-31');
  });

  it('queries a single day exactly', () => {
    const result = read('14 Jul 1961');
    if (result.ok) expect(eventDateQuery(result.value)).toBe('1961-07-14');
  });
});
