import { describe, expect, it } from 'vitest';
import type { Checked } from '../../src/domain/result';
import { say } from '../../src/i18n/intl';
import { eventDateQuery, findLabelDate, readLabelDate, type DateOrder } from '../../src/domain/label-date';
import { readLabelLines } from '../../src/domain/sheet-reading';

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

describe('label dates in Spanish, French and Portuguese', () => {
  it.each([
    // Spanish
    ['14 de julio de 1961', '1961-07-14'],
    ['14 de julio del 1961', '1961-07-14'],
    ['14 jul. 1961', '1961-07-14'],
    ['julio 14, 1961', '1961-07-14'],
    ['3 ene. 1975', '1975-01-03'],
    ['12 de Marzo de 1958', '1958-03-12'],
    ['2 abr. 1980', '1980-04-02'],
    ['9 mayo 1966', '1966-05-09'],
    ['30 ago. 1972', '1972-08-30'],
    ['15 set. 1970', '1970-09-15'],
    ['15 setiembre 1970', '1970-09-15'],
    ['5 sept. 1970', '1970-09-05'],
    ['24 dic. 1963', '1963-12-24'],
    ['1º de enero de 1960', '1960-01-01'],
    ['1ro de octubre de 1960', '1960-10-01'],
    // French
    ['14 juil. 1961', '1961-07-14'],
    ['14 juillet 1961', '1961-07-14'],
    ['2 juin 1961', '1961-06-02'],
    ['14 févr. 1961', '1961-02-14'],
    ['14 fevr 1961', '1961-02-14'],
    ['3 août 1961', '1961-08-03'],
    ['3 AOUT 1961', '1961-08-03'],
    ['21 mars 1961', '1961-03-21'],
    ['8 mai 1961', '1961-05-08'],
    ['10 avr. 1961', '1961-04-10'],
    ['6 janv. 1961', '1961-01-06'],
    ['25 déc. 1961', '1961-12-25'],
    ['1er juillet 1961', '1961-07-01'],
    // Portuguese
    ['14 de julho de 1961', '1961-07-14'],
    ['1° de maio de 1961', '1961-05-01'],
    ['1.º de maio de 1961', '1961-05-01'],
    ['7 de março de 1961', '1961-03-07'],
    ['7 marco 1961', '1961-03-07'],
    ['20 fev. 1961', '1961-02-20'],
    ['11 out. 1961', '1961-10-11'],
    ['2 dez. 1961', '1961-12-02'],
    ['19 de agosto de 1961', '1961-08-19'],
    ['4 set 1961', '1961-09-04'],
    // Roman-numeral months, in any position
    ['14-VII-1961', '1961-07-14'],
    ['14.vii.1961', '1961-07-14'],
    ['14. VII. 1961', '1961-07-14'],
    ['14/XII/1961', '1961-12-14'],
    ['1961-VII-14', '1961-07-14'],
    ['VII 14 1961', '1961-07-14'],
    // English, as before and with an ordinal
    ['1st July 1961', '1961-07-01'],
    ['July 14th, 1961', '1961-07-14'],
  ])('reads %j as %s', (text, date) => expect(read(text)).toEqual(day(date)));

  it.each([
    ['julio 1961', '1961-07'],
    ['julio de 1961', '1961-07'],
    ['juil. 1961', '1961-07'],
    ['julho 1961', '1961-07'],
    ['VII.1961', '1961-07'],
    ['VII-1961', '1961-07'],
    ['Mayo 1961', '1961-05'],
    ['mars 1961', '1961-03'],
    ['março de 1961', '1961-03'],
    ['Dez. 1961', '1961-12'],
  ])('reads %j as the month %s', (text, month) => {
    expect(read(text)).toMatchObject({ ok: true, value: { precision: 'month', from: `${month}-01` } });
  });

  it.each([
    ['14 jux 1961', /"jux" is not a month/],
    ['Mayor 1961', /"Mayor" is not a month/],
    ['14 de sol de 1961', /"sol" is not a month/],
    ['14 ju 1961', /not a month/],
    ['14 jui 1961', /"jui" could be June or July/],
    ['jui. 1961', /could be June or July/],
    ['31 de abril de 1961', /April 1961 has no day 31/],
    ['30 févr. 1960', /no day 30/],
    ['14 juil. 61', /year in full/],
    ['14-VII-61', /year in full/],
    ['14 XIII 1961', /not a month/],
    ['5 dic. 2026', /future/],
  ])('refuses %j', (text, message) => {
    expect(refusal(read(text))).toMatch(message);
  });
});

describe('finding the date in a label read by OCR', () => {
  it.each([
    [['Coll.: J. Smith  No. 212', 'Date: 1961-07-14'], '1961-07-14'],
    [['Date: 14.VII.1961'], '14.VII.1961'],
    [['Date: 3/4/1961'], '3/4/1961'],
    [['Fecha: 14 de julio de 1961'], '14 de julio de 1961'],
    [['Fecha de colecta: 14 jul. 1961'], '14 jul. 1961'],
    [['Fecha: julio de 1961'], 'julio de 1961'],
    [['Date de récolte : 3 août 1961'], '3 août 1961'],
    [['Date : 14 juil. 1961'], '14 juil. 1961'],
    [['Data de coleta: 1º de maio de 1961'], '1º de maio de 1961'],
    [['Data: 14/07/1961'], '14/07/1961'],
    [['PLANTAS DE MÉXICO', 'Sierra de Manantlán, 1800 m', 'R. Cuevas 2231, 14-VII-1961'], '14-VII-1961'],
    [['FLORA DO BRASIL', 'Col. A. Silva 45', '14 de julho de 1961'], '14 de julho de 1961'],
    [['Herbier de Paris', 'Leg. P. Martin, 21 mars 1961'], '21 mars 1961'],
    [['Flora of Bolivia', 'VII.1961, M. Nee 123'], 'VII.1961'],
    [['Leg. J. Smith 12 Jul 1961', 'Det. R. Brown, 4 Mar 1975'], '12 Jul 1961'],
    // A range is no single day, but its month is right.
    [['Cerro Potosí, 14-16.VII.1961'], 'VII.1961'],
    // On the collector's line after the collector's number, a date in any form is the collecting date.
    [
      ['HERBARIUM HOHENFELD', '47.0391°N, 11.7118 E - 1790 m', 'leg. M. Steiner 1209 - 22.07.1995'],
      '22.07.1995',
    ],
    // A Roman month whose I the OCR read as 1 is the month the label prints.
    [['Col. L. Barragan No. 611', 'Fecha: 8-1X-1985 Det. L. Barragan'], '8-IX-1985'],
    [['R. Cuevas 2231, 14-V11-1961'], '14-VII-1961'],
  ])('finds the date in %j', (lines, date) => expect(readLabelLines(lines).date).toBe(date));

  it.each([
    [['Date: 14 jux 1961']],
    [['Fecha: Mayor 1961']],
    [['Fecha: 14 jui 1961']],
    // Away from a "Date:", only what no other number on a label looks like.
    [['Río Mayo 1961']],
    [['Ref. 14.7.1961']],
    // A numeric date elsewhere than after the collector is no collecting date; nor 8-11-1985 a Roman one.
    [['leg. M. Steiner 1209', 'Ref. 22.07.1995']],
    [['Cerro Potosí, 8-11-1985']],
    [['Flora Neotropica Monograph IV 1961']],
    // Two different dates and no "Date:" to say which: no hint.
    [['14-VII-1961', '16-VII-1961']],
  ])('finds no date in %j', (lines) => expect(readLabelLines(lines).date).toBeNull());

  it.each([
    [['Coll.: J. Smith   No. 266', 'Date: 1963-08-19'], 'J. Smith', '266'],
    // "COLLEGE" is no collector's line.
    [
      ['NORTHBROOK COLLEGE HERBARIUM', 'PLANTS OF MICHIGAN', 'Coll. H. W. Beal  No. 412'],
      'H. W. Beal',
      '412',
    ],
    [['CASCADE FIELD STATION HERBARIUM', 'Coll.: S. Okada 2210    12 Aug 2003'], 'S. Okada', '2210'],
    [
      ['HERBARIO NACIONAL DE LA SIERRA', 'Col. R. Acevedo T.   No. 1187', 'Fecha: 23-IX-1979'],
      'R. Acevedo T.',
      '1187',
    ],
    [['FLORA DO BRASIL', 'Col. A. Silva 45', '14 de julho de 1961'], 'A. Silva', '45'],
    [['Herbier de Paris', 'Leg. P. Martin, 21 mars 1961'], 'P. Martin', null],
    [['Collector: M. K. Lopez', 'Number: 88'], 'M. K. Lopez', null],
    // The determiner on the same line ends the collector's name; a French label's n° is the number.
    [['Date: 27 avril 1952 n° 1402', 'Leg. C. Vuillemin  Dét. C. Vuillemin'], 'C. Vuillemin', '1402'],
    [['leg. F. Oberhauser 3310 - 14.07.1987', 'det. F. Oberhauser'], 'F. Oberhauser', '3310'],
    // The number right after the name that starts a date is the date's day, not a collector number.
    [['Leg. J. Smith 12 Jul 1961'], 'J. Smith', null],
    [['COLLEGE OF FORESTRY HERBARIUM', 'Plants of Oregon'], null, null],
  ])('reads the collector and number in %j', (lines, collector, number) => {
    const hints = readLabelLines(lines);
    expect([hints.collector, hints.number]).toEqual([collector, number]);
  });

  it('finds a date anywhere in a line only in a form no other number takes', () => {
    expect(findLabelDate('Cerro Grande, 14 de julio de 1961, en bosque')).toBe('14 de julio de 1961');
    expect(findLabelDate('alt. 2300 m, julio 14, 1961')).toBe('julio 14, 1961');
    expect(findLabelDate('julio 1961')).toBeNull();
    expect(findLabelDate('julio 1961', true)).toBe('julio 1961');
  });
});
