import { fold, quoted } from './text';
import { accept, refuse, type Checked } from './result';

export type DateOrder = 'MDY' | 'DMY' | 'ISO';

/** A date read from a label: one day, or a whole month or year when that is all the label gives. */
export type LabelDate =
  | { precision: 'day'; date: string }
  | { precision: 'month' | 'year'; from: string; to: string; text: string };

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

/**
 * Month names as the herbaria of the portals' countries print them (en, es, fr, pt), accents folded. A
 * label may shorten any of them to its first three letters or more ("sept.", "juil.", "févr", "dez."),
 * which is safe while every name it starts belongs to the same month: "mar" is March in all four.
 */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'enero', 'janvier', 'janeiro'],
  ['february', 'febrero', 'fevrier', 'fevereiro'],
  ['march', 'marzo', 'mars', 'marco'],
  ['april', 'abril', 'avril'],
  ['may', 'mayo', 'mai', 'maio'],
  ['june', 'junio', 'juin', 'junho'],
  ['july', 'julio', 'juillet', 'julho'],
  ['august', 'agosto', 'aout'],
  ['september', 'septiembre', 'setiembre', 'septembre', 'setembro'],
  ['october', 'octubre', 'octobre', 'outubro'],
  ['november', 'noviembre', 'novembre', 'novembro'],
  ['december', 'diciembre', 'decembre', 'dezembro'],
];

/** Every month a word could name: none for a word that is no month, two for "jui" (juin or juillet). */
function monthsOf(word: string): number[] {
  const w = fold(word).replace(/\.$/, '');
  const roman = ROMAN.indexOf(w);
  if (roman >= 0) return [roman + 1];
  if (w.length < 3 || !/^\p{L}+$/u.test(w)) return [];
  return MONTH_WORDS.flatMap((names, i) => (names.some((name) => name.startsWith(w)) ? [i + 1] : []));
}

function monthFromWord(word: string): number | 'ambiguous' | null {
  const months = monthsOf(word);
  if (months.length > 1) return 'ambiguous';
  return months[0] ?? null;
}

/** The month a label word names, or null when it names none or could be more than one. */
export function labelMonth(word: string): number | null {
  const month = monthFromWord(word);
  return month === 'ambiguous' ? null : month;
}

/** A shortened month that starts two months' names is not guessed. */
function ambiguousMonth(word: string): Checked<LabelDate> {
  const [first, second] = monthsOf(word);
  return refuse('check.date.ambiguous-month', {
    ...quoted(word),
    first: when(2000, first!),
    second: when(2000, second!),
  });
}

/**
 * The label's words around the day and month that only connect them: "14 de julio de 1961",
 * "1º de julho", "1er juillet", "1st July" read as "14 julio 1961", "1 julho", "1 juillet", "1 July".
 */
function withoutConnectors(text: string): string {
  return text
    .normalize('NFC')
    .replace(/ (?:de|del) /giu, ' ')
    .replace(/(^| )(\d{1,2})\.?(?:er|ero|ro|º|°|st|nd|rd|th)(?=[ ,]|$)/giu, '$1$2');
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
  const plain = withoutConnectors(text);
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) return dayDate(+m[1]!, +m[2]!, +m[3]!, today);
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(text))) return monthRange(+m[1]!, +m[2]!, today);
  if (FOUR_DIGIT_YEAR.test(text)) return yearRange(+text, today);

  // 14 Jul 1961, 14 July 1961, 14.VII.1961, 14-vii-1961, 14 de julio de 1961, 14 juil. 1961, 3 août 1961
  if ((m = /^(\d{1,2})[ .\-/]*(\p{L}+\.?)[ .\-/,]*(\d{2,4})$/u.exec(plain))) {
    const month = monthFromWord(m[2]!);
    if (month === 'ambiguous') return ambiguousMonth(m[2]!);
    if (month === null) return refuse('check.date.not-a-month-day-first', quoted(m[2] ?? ''));
    if (!FOUR_DIGIT_YEAR.test(m[3]!)) return refuse('check.date.short-year');
    return dayDate(+m[3]!, month, +m[1]!, today);
  }
  // July 14, 1961 / Jul 14 1961 / julio 14, 1961
  if ((m = /^(\p{L}+\.?) (\d{1,2}),? (\d{2,4})$/u.exec(plain))) {
    const month = monthFromWord(m[1]!);
    if (month === 'ambiguous') return ambiguousMonth(m[1]!);
    if (month === null) return refuse('check.date.not-a-month-month-first', quoted(m[1] ?? ''));
    if (!FOUR_DIGIT_YEAR.test(m[3]!)) return refuse('check.date.short-year');
    return dayDate(+m[3]!, month, +m[2]!, today);
  }
  // Jul 1961, VII.1961, julio de 1961, juil. 1961
  if ((m = /^(\p{L}+\.?)[ .\-/,]*(\d{4})$/u.exec(plain))) {
    const month = monthFromWord(m[1]!);
    if (month === 'ambiguous') return ambiguousMonth(m[1]!);
    if (month === null) return refuse('check.date.not-a-month-year', quoted(m[1] ?? ''));
    return monthRange(+m[2]!, month, today);
  }
  // 1961-VII-14, 1961 Jul 14: the year first, then the month in words
  if ((m = /^(\d{4})[ .\-/,]*(\p{L}+\.?)[ .\-/]*(\d{1,2})$/u.exec(plain))) {
    const month = monthFromWord(m[2]!);
    if (month === 'ambiguous') return ambiguousMonth(m[2]!);
    if (month !== null) return dayDate(+m[1]!, month, +m[3]!, today);
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

const DAY = String.raw`(\d{1,2})(?:\.?(?:er|ero|ro|º|°|st|nd|rd|th))?`;
const MONTH = String.raw`(\p{L}+\.?)`;
const DAY_TO_MONTH = String.raw`(?: (?:de|del) |[ .\-/]+ ?)`;
const MONTH_TO_YEAR = String.raw`(?: (?:de|del) |[ .\-/,]+ ?)`;

/**
 * The forms of a date on a label, and whether one may be picked out of any line (`anywhere`): only those
 * that no other number on a label takes. A numeric 14.7.1961 may be a reference; "Mayo 1961" may be the
 * Río Mayo; "IV 1961" a volume; "VII.1961" is a month. `month`: the group holding the month word.
 */
const DATE_FORMS: { source: (year: string) => string; month?: number; anywhere: boolean | 'roman' }[] = [
  // 1961-07-14
  { source: () => String.raw`\d{4}[\-/.]\d{1,2}[\-/.]\d{1,2}`, anywhere: true },
  // 14 Jul 1961, 14.VII.1961, 14 de julio de 1961, 1er juillet 1961, 1º de julho de 1961
  { source: (year) => `${DAY}${DAY_TO_MONTH}${MONTH}${MONTH_TO_YEAR}${year}`, month: 2, anywhere: true },
  // July 14, 1961 / julio 14 1961
  { source: (year) => `${MONTH} ${DAY},? ${year}`, month: 1, anywhere: true },
  // 1961-VII-14, 1961 Jul 14
  { source: () => String.raw`\d{4}[ .\-/]+ ?${MONTH}[ .\-/]+ ?\d{1,2}`, month: 1, anywhere: true },
  // 14.7.1961: which order is the station's to say
  { source: (year) => String.raw`\d{1,2}[/.\-]\d{1,2}[/.\-]${year}`, anywhere: false },
  // VII.1961, VII-1961
  { source: (year) => String.raw`${MONTH}[.\-/] ?${year}`, month: 1, anywhere: 'roman' },
  // julio 1961, juil. 1961, julio de 1961
  { source: (year) => `${MONTH}${MONTH_TO_YEAR}${year}`, month: 1, anywhere: false },
];

const isRoman = (word: string) => ROMAN.includes(fold(word).replace(/\.$/, ''));

/**
 * The first date in a label's text, in a form {@link readLabelDate} reads, as the label writes it; null
 * when there is none, or its month word names no month or could name two. `afterDateLabel`: the text
 * follows the label's own "Date:" / "Fecha:" / "Data:" and starts with the date, which may then take any
 * form, a short year included (the station asks for it in full). Otherwise only forms no other number
 * on a label takes, anywhere in the text, with the year in full.
 */
export function findLabelDate(text: string, afterDateLabel = false): string | null {
  const year = afterDateLabel ? String.raw`(\d{2}|\d{4})` : String.raw`(\d{4})`;
  // Not the end of a range either: 14-16.VII.1961 is no day to hint.
  const start = afterDateLabel ? '^' : String.raw`(?<![\p{L}\d]|\d ?[\-–] ?)`;
  let best: string | null = null;
  let bestIndex = Infinity;
  for (const form of DATE_FORMS) {
    if (!afterDateLabel && form.anywhere === false) continue;
    const pattern = new RegExp(String.raw`${start}${form.source(year)}(?![\p{L}\d])`, 'giu');
    for (const found of text.normalize('NFC').matchAll(pattern)) {
      const word = form.month === undefined ? null : found[form.month]!;
      if (word !== null && labelMonth(word) === null) continue;
      if (!afterDateLabel && form.anywhere === 'roman' && !isRoman(word ?? '')) continue;
      if (found.index < bestIndex || (found.index === bestIndex && found[0].length > (best ?? '').length)) {
        best = found[0];
        bestIndex = found.index;
      }
      break;
    }
  }
  return best;
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
