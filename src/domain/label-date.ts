import { quoted } from './text';
import { accept, refuse, type Checked } from './result';

export type DateOrder = 'MDY' | 'DMY' | 'ISO';

/** A date read from a label: one day, or a whole month or year when that is all the label gives. */
export type LabelDate =
  | { precision: 'day'; date: string }
  | { precision: 'month' | 'year'; from: string; to: string; text: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** A day as a message value (`{when, date, ::MMMMd}`): noon local time, so no time zone moves it. */
const when = (y: number, m: number, d = 1) => new Date(y, m - 1, d, 12).getTime();

function monthFromWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const roman = ROMAN.indexOf(w);
  if (roman >= 0) return roman + 1;
  if (w.length < 3) return null;
  const index = MONTHS.findIndex(
    (m) => w.startsWith(m) && MONTH_NAMES[MONTHS.indexOf(m)]!.toLowerCase().startsWith(w),
  );
  return index >= 0 ? index + 1 : null;
}

function dayDate(y: number, m: number, d: number, today: string): Checked<LabelDate> {
  if (m < 1 || m > 12) return refuse('check.date.no-month', { month: m });
  if (d < 1 || d > daysIn(y, m)) return refuse('check.date.no-such-day', { month: when(y, m), day: d });
  const date = iso(y, m, d);
  if (date > today) return refuse('check.date.future-day', { date });
  return accept({ precision: 'day', date });
}

function monthRange(y: number, m: number, today: string): Checked<LabelDate> {
  if (m < 1 || m > 12) return refuse('check.date.no-month', { month: m });
  if (iso(y, m, 1) > today) return refuse('check.date.future-month', { month: when(y, m) });
  return accept({
    precision: 'month',
    from: iso(y, m, 1),
    to: iso(y, m, daysIn(y, m)),
    text: `${MONTH_NAMES[m - 1]} ${y}`,
  });
}

function yearRange(y: number, today: string): Checked<LabelDate> {
  if (iso(y, 1, 1) > today) return refuse('check.date.future-year', { year: String(y) });
  return accept({ precision: 'year', from: iso(y, 1, 1), to: iso(y, 12, 31), text: String(y) });
}

const FOUR_DIGIT_YEAR = /^\d{4}$/;

/**
 * Reads a collecting date the way labels write it. Slash and dot dates follow the station's configured
 * order, except when only one order makes sense (`7/14/1961`); `3/4/1961` with no order asks again.
 */
export function readLabelDate(raw: string, options: { order: DateOrder; today: string }): Checked<LabelDate> {
  const text = raw.trim().replace(/\s+/g, ' ');
  const { today } = options;
  if (text === '') return refuse('check.date.empty');
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) return dayDate(+m[1]!, +m[2]!, +m[3]!, today);
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(text))) return monthRange(+m[1]!, +m[2]!, today);
  if (FOUR_DIGIT_YEAR.test(text)) return yearRange(+text, today);

  // 14 Jul 1961, 14 July 1961, 14.VII.1961, 14-vii-1961
  if ((m = /^(\d{1,2})[ .\-/]?([A-Za-z]+\.?)[ .\-/,]*(\d{2,4})$/.exec(text))) {
    const month = monthFromWord(m[2]!);
    if (month === null) return refuse('check.date.not-a-month-day-first', quoted(m[2] ?? ''));
    if (!FOUR_DIGIT_YEAR.test(m[3]!)) return refuse('check.date.short-year');
    return dayDate(+m[3]!, month, +m[1]!, today);
  }
  // July 14, 1961 / Jul 14 1961
  if ((m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{2,4})$/.exec(text))) {
    const month = monthFromWord(m[1]!);
    if (month === null) return refuse('check.date.not-a-month-month-first', quoted(m[1] ?? ''));
    if (!FOUR_DIGIT_YEAR.test(m[3]!)) return refuse('check.date.short-year');
    return dayDate(+m[3]!, month, +m[2]!, today);
  }
  // Jul 1961, VII.1961
  if ((m = /^([A-Za-z]+\.?)[ .\-/,]*(\d{4})$/.exec(text))) {
    const month = monthFromWord(m[1]!);
    if (month === null) return refuse('check.date.not-a-month-year', quoted(m[1] ?? ''));
    return monthRange(+m[2]!, month, today);
  }
  // 7/14/1961, 14.7.1961: the order decides unless only one reading is a real date
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(text))) {
    if (!FOUR_DIGIT_YEAR.test(m[3]!)) return refuse('check.date.short-year-numeric');
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    const asMDY = a >= 1 && a <= 12 && b >= 1 && b <= daysIn(y, a);
    const asDMY = b >= 1 && b <= 12 && a >= 1 && a <= daysIn(y, b);
    if (asMDY && asDMY && a !== b) {
      if (options.order === 'MDY') return dayDate(y, a, b, today);
      if (options.order === 'DMY') return dayDate(y, b, a, today);
      return refuse('check.date.ambiguous', {
        ...quoted(text),
        first: when(y, a, b),
        second: when(y, b, a),
        firstDate: iso(y, a, b),
        secondDate: iso(y, b, a),
      });
    }
    if (asMDY) return dayDate(y, a, b, today);
    if (asDMY) return dayDate(y, b, a, today);
    return refuse('check.date.not-real', quoted(text));
  }
  return refuse('check.date.unreadable', quoted(text));
}

/**
 * The portal's `q_eventdate` term: a day is exact; a month or year is a range (PROTOCOL §4.1).
 * Symbiota stores partial dates with `00` parts, so ranges start at the `00` day to include them.
 */
export function eventDateQuery(date: LabelDate): string {
  if (date.precision === 'day') return date.date;
  const from = date.precision === 'year' ? `${date.from.slice(0, 4)}-00-00` : `${date.from.slice(0, 7)}-00`;
  return `${from} - ${date.to}`;
}

export function describeLabelDate(date: LabelDate): string {
  return date.precision === 'day' ? date.date : `${date.text} (${date.from} to ${date.to})`;
}
