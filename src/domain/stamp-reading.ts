import { said, type Said } from './said';
import type { Box } from './sheet-reading';

/**
 * What the stamped number on a candidate line is, from what the OCR read there, and whether the line's
 * own ink bears it out (issue 16). Pure rules on the OCR's words and on the line's blobs of ink.
 *
 * The OCR's character boxes are rough (tesseract's LSTM places characters by time step, and a speck above a
 * digit stretches its box), so the OCR is trusted for the text and for where the number starts and ends, and
 * the line's own blobs for everything about size and stray ink.
 */

export interface OcrSymbol {
  text: string;
  confidence: number;
  box: Box;
}

export interface OcrWord {
  text: string;
  confidence: number;
  box: Box;
  symbols: OcrSymbol[];
}

/** A number read on a line: its digits, where they start and end, and what stood before them. */
export interface LineNumber {
  kind: 'number';
  /** As the stamp shows it (leading zeros kept): two readings must agree on this. */
  printed: string;
  /** The proposal: leading zeros dropped, as accession numbers are stored (src/domain/accession.ts). */
  value: string;
  /** The least sure digit's confidence (0–100). */
  confidence: number;
  /** tesseract's confidence in the whole word (0–100): lower for a line read the wrong way up. */
  wordConfidence: number;
  /** Where the digits start and end across the line image, and the first and last digit as the OCR placed them. */
  start: number;
  end: number;
  first: Box;
  last: Box;
  /** Where the prefix's words are (`No.`, `Acc.`): they account for ink before the number. */
  prefix: { start: number; end: number }[];
  /**
   * What the OCR read right before the digits, in the same word, that is not a prefix as it reads (`«6779`,
   * `~004335`, `1.10089`: a `N°` or `no.` run into the number). It may be a prefix misread, or half a broken
   * digit: the ink there is read again on its own (`leadCut`) and must read as a prefix.
   */
  lead?: string;
  /**
   * The word right before the number when it is not a prefix as it reads (`~ 13272`, `Nn 2480`): when the
   * ink right before the digits would withhold the number, that ink is read again on its own like a `lead`.
   */
  before?: string;
}

export type LineReading =
  | LineNumber
  | { kind: 'date'; text: string }
  | { kind: 'none'; text: string }
  | {
      kind: 'doubtful';
      text: string;
      why: Said;
      /**
       * The numbers a line showed two of, or one with something after it (leading zeros dropped): not
       * proposed, but the portal may be asked.
       */
      numbers?: string[];
    };

/**
 * Shorter numbers are not proposed: a one- or two-digit reading is far more often a fragment (a digit of a
 * broken stamp, a scale bar's figure) than a whole accession number, and the technician types those.
 */
export const MIN_DIGITS = 3;

/** Width of the slot before the first digit and after the last (in character heights): where a dropped digit would be. */
export const DIGIT_SLOT = 0.65;

const MONTH =
  /(?:^|[^\p{L}])(?:jan|feb|fev|f[eé]v|mar|m[aä]r|mrz|apr|avr|abr|ma[iy]|jun|jui|jul|aug|ago|ao[uû]|sep|set|okt|oct|out|nov|dec|d[eé]c|dez|dic)(?:[\p{L}]*\.?)(?=$|[^\p{L}])/iu;
const NUMERIC_DATE = /\d{1,4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,4}/;
const ROMAN_DATE = /\d{1,2}\s*[.\-/ ]\s*(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})\s*[.\-/ ]\s*\d{2,4}/i;

/** A line that holds a date (`12 MAR 1961`, `1961-03-12`, `28.VII.1961`): never the stamped number. */
export function isDateLine(text: string): boolean {
  const t = text.trim();
  return NUMERIC_DATE.test(t) || ROMAN_DATE.test(t) || (/\d/.test(t) && MONTH.test(t));
}

/**
 * The letters of the prefixes stamped before numbers (`No.`, `N°`, `Nº`, `Nr.`, `Acc.`, `Reg. No.`), and
 * how the OCR spells a small `No` (`Ne`, `Nc`, `vn`).
 */
const PREFIX_LETTERS = new Set([
  'n',
  'no',
  'ne',
  'nc',
  'nu',
  'vn',
  'nr',
  'nro',
  'num',
  'acc',
  'reg',
  'regno',
  'inv',
  'cat',
  'herb',
]);

/**
 * A word that may stand before a stamped number: a prefix, in the OCR's spellings of it, or `#`, `№`, `%`
 * (how `N°` reads run together). Punctuation alone is not: the half of a broken digit reads as `(` or `:`.
 */
export function isPrefix(text: string): boolean {
  const t = text.trim();
  if (t === '' || /\d/.test(t)) return false;
  if (/^[#№%]+[.:]?$/.test(t)) return true;
  return PREFIX_LETTERS.has(
    t
      .replace(/[ºª]/g, 'o')
      .replace(/[^\p{L}]/gu, '')
      .toLowerCase(),
  );
}

/** Characters a stamp's border or ring comes back as when the OCR reads it. */
const FRAME_MARK = /^[|[\](){}!/\\lI]$/;

/** A word `No.` read with a zero for its o (`N0.`, `[N0.`: a border's edge before it) is that prefix. */
function prefixWithZero(w: OcrWord): OcrWord {
  const m = /^([|[\](){}!/\\]?)([Nn])0([.,:]?)$/.exec(w.text.trim());
  if (!m) return w;
  const text = `${m[1]}${m[2]}o${m[3]}`;
  const at = m[1]!.length + 1;
  return { ...w, text, symbols: w.symbols.map((sym, i) => (i === at ? { ...sym, text: 'o' } : sym)) };
}

/** Strips the leading zeros of a stamped number, as the app stores accession numbers (`0343` → `343`). */
export const withoutLeadingZeros = (digits: string) => digits.replace(/^0+(?=\d)/, '');

const middleOf = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0
    ? 0
    : s.length % 2
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const bottom = (b: Box) => b.y + b.height;
const right = (b: Box) => b.x + b.width;
const isDigit = (text: string) => /^\d$/.test(text);

/**
 * The stamped number on a line as the OCR read it, the line's characters being `charHeight` pixels tall: a
 * prefix (optional), one group of digits, nothing after. A date, two numbers, letters among the digits, or
 * anything but a prefix right before the digits is not a number to propose, and says why.
 */
export function readNumberLine(words: OcrWord[], charHeight: number): LineReading {
  const h = charHeight;
  const sorted = words
    .filter((w) => w.text.trim() !== '')
    .map(prefixWithZero)
    .sort((a, b) => a.box.x - b.box.x);
  const text = sorted.map((w) => w.text.trim()).join(' ');
  if (!/\d/.test(text)) return { kind: 'none', text };
  if (isDateLine(text)) return { kind: 'date', text };

  // Digits the OCR split in two by a narrow gap (`991 8`) are one number.
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (/^\d+$/.test(a.text.trim()) && /^\d+$/.test(b.text.trim()) && b.box.x - right(a.box) <= 0.25 * h)
      sorted.splice(i-- - 1, 2, {
        text: a.text.trim() + b.text.trim(),
        confidence: Math.min(a.confidence, b.confidence),
        box: {
          x: a.box.x,
          y: Math.min(a.box.y, b.box.y),
          width: right(b.box) - a.box.x,
          height: Math.max(bottom(a.box), bottom(b.box)) - Math.min(a.box.y, b.box.y),
        },
        symbols: [...a.symbols, ...b.symbols],
      });
  }
  // The number is the word with the most digits; another number near it makes the line doubtful.
  const numbered = sorted.filter((w) => /\d/.test(w.text));
  const digitCount = (w: OcrWord) => w.text.replace(/\D/g, '').length;
  const word = numbered.reduce((a, b) => (digitCount(b) > digitCount(a) ? b : a));
  const gapTo = (w: OcrWord) => Math.max(word.box.x - right(w.box), w.box.x - right(word.box));
  const near = (w: OcrWord) => gapTo(w) <= 1.5 * h;
  const others = numbered.filter((w) => w !== word && near(w));
  if (others.length > 0)
    return {
      kind: 'doubtful',
      text,
      why: said('check.stamp.line-shows-two-numbers', {
        numbers: [word, ...others].map((w) => w.text.trim()).join(', '),
      }),
      numbers: [word, ...others].map((w) => withoutLeadingZeros(w.text.replace(/\D/g, ''))),
    };

  let symbols = word.symbols.filter((s) => s.text.trim() !== '');
  if (symbols.length === 0)
    return {
      kind: 'doubtful',
      text,
      why: said('check.stamp.characters-unclear', { text: word.text.trim() }),
    };
  // A border's edge read as `|` or `(` at either end of the word: set apart from the digits by more than the
  // digits are from each other (a `1` read as `]` would stand at a digit's distance), or taller than them.
  const gaps = symbols
    .map((s, i) =>
      i > 0 && isDigit(s.text) && isDigit(symbols[i - 1]!.text) ? s.box.x - right(symbols[i - 1]!.box) : null,
    )
    .filter((g): g is number => g !== null);
  const spacing = Math.max(0.12 * h, middleOf(gaps));
  const frameMark = (s: OcrSymbol, neighbour: OcrSymbol | undefined) =>
    FRAME_MARK.test(s.text) &&
    (s.box.height >= 1.3 * h ||
      (neighbour !== undefined &&
        Math.max(neighbour.box.x - right(s.box), s.box.x - right(neighbour.box)) >=
          Math.max(0.3 * h, 1.8 * spacing)));
  while (symbols.length > 1 && frameMark(symbols[0]!, symbols[1])) symbols = symbols.slice(1);
  while (symbols.length > 1 && frameMark(symbols[symbols.length - 1]!, symbols[symbols.length - 2]))
    symbols = symbols.slice(0, -1);

  // `No.` read with a zero for its o: `N0.27480`.
  if (/^[Nn]0[.,]/.test(symbols.map((s) => s.text).join(''))) symbols[1] = { ...symbols[1]!, text: 'o' };
  // The last group of digits is the number. Before it: a prefix, or what a prefix run into the number reads
  // as (`1.10089` for `no. 10089`), which is read again on its own; digits before it with nothing between
  // are letters among digits (`64g33`).
  const joined = symbols.map((s) => s.text).join('');
  const parts = /^(.*?)(\d+)(\D*)$/.exec(joined);
  const [, lead = '', printed = '', tail = ''] = parts ?? [];
  if (!parts || (/\d/.test(lead) && !/\d[.,:]$/.test(lead)))
    return {
      kind: 'doubtful',
      text,
      why: said('check.stamp.letters-among-digits', { text: word.text.trim() }),
    };
  const leadSymbols = symbols.slice(0, lead.length);
  const digitSymbols = symbols.slice(lead.length, lead.length + printed.length);
  const tailSymbols = symbols.slice(lead.length + printed.length);
  // A number with a letter or a mark after it is not proposed; its digits are still one the portal may be
  // asked about (`(994)`: a typewriter's brackets; `738112,`).
  const shown = printed.length >= MIN_DIGITS ? { numbers: [withoutLeadingZeros(printed)] } : {};
  if (tailSymbols.some((s) => s.box.height >= 0.35 * h))
    return { kind: 'doubtful', text, why: said('check.stamp.followed-by', { text: tail }), ...shown };
  if (printed.length < MIN_DIGITS)
    return { kind: 'doubtful', text, why: said('check.stamp.too-short', { number: printed }) };

  const start = digitSymbols[0]!.box.x;
  const end = right(digitSymbols[digitSymbols.length - 1]!.box);
  const span = (from: Box, to: Box) => ({ start: from.x, end: right(to) });
  const leadIsPrefix = lead === '' || isWholePrefix(lead);
  const prefix =
    leadSymbols.length && leadIsPrefix
      ? [span(leadSymbols[0]!.box, leadSymbols[leadSymbols.length - 1]!.box)]
      : [];
  // Before the number, a prefix accounts for its ink; whatever else stands there is judged by its ink
  // (checkNumberInk): the OCR's boxes are too rough to say what reaches the digits.
  const at = sorted.indexOf(word);
  for (const w of sorted.slice(0, at))
    if (near(w) && isPrefix(w.text.replace(/^[|[\](){}!/\\]/, '')))
      prefix.push({ start: w.box.x, end: right(w.box) });
  // The word right before the number, when it is neither a prefix nor a border's edge: if its ink is what
  // stands right before the digits, it gets the same second look as a lead run into the number.
  const previous = sorted[at - 1];
  const before =
    previous &&
    near(previous) &&
    !/\d/.test(previous.text) &&
    !isPrefix(previous.text.replace(/^[|[\](){}!/\\]/, '')) &&
    !FRAME_MARK.test(previous.text.trim())
      ? previous.text.trim()
      : undefined;
  // After the number, nothing but a border's edge.
  // After the number, no letters or digits near it; a mark (a border's edge, a speck) is judged by its ink.
  for (const w of sorted.slice(at + 1))
    if (near(w) && /[\p{L}\d]/u.test(w.text) && w.box.x < end + DIGIT_SLOT * h)
      return {
        kind: 'doubtful',
        text,
        why: said('check.stamp.after-number', { text: w.text.trim() }),
        ...shown,
      };

  return {
    kind: 'number',
    printed,
    first: digitSymbols[0]!.box,
    last: digitSymbols[digitSymbols.length - 1]!.box,
    value: withoutLeadingZeros(printed),
    confidence: Math.min(...digitSymbols.map((s) => s.confidence)),
    wordConfidence: word.confidence,
    start,
    end,
    prefix,
    ...(leadIsPrefix ? {} : { lead }),
    ...(before === undefined ? {} : { before }),
  };
}

/** Where the first digit's ink starts: the leftmost digit-sized blob under the OCR's first digit. */
function firstDigitBlobAt(number: LineNumber, ink: LineInk): number | null {
  const h = ink.charHeight;
  const xs = ink.blobs
    .filter((b) => b.height >= 0.4 * h && right(b) > number.first.x && b.x < right(number.first))
    .map((b) => b.x);
  return xs.length ? Math.min(...xs) : null;
}

/**
 * Whether the ink before the first digit is more than the prefix read there on its own: what is left of a
 * broken first digit (`Acc. ▯701` for 3701, a worn 3 read as `:`) sits between the prefix and the digits, and
 * the OCR's boxes may stretch over it. Judged by the blobs: under the prefix's letters at least one blob per
 * letter (a fragment read as a letter is one blob); after its last letter only the dot and the raised `°` the
 * reading shows, one of each at most, each small and in its place.
 */
function inkBetween(lead: { words: OcrWord[]; from: number }, number: LineNumber, ink: LineInk): boolean {
  const h = ink.charHeight;
  const symbols = prefixWords(lead.words)
    .flatMap((w) => w.symbols)
    .filter((sym) => sym.text.trim() !== '');
  const letters = symbols.filter((sym) => /[\p{L}#№]/u.test(sym.text) && !/[°º]/u.test(sym.text));
  if (letters.length === 0) return true;
  const lettersStart = lead.from + Math.min(...letters.map((sym) => sym.box.x));
  const lettersEnd = lead.from + Math.max(...letters.map((sym) => right(sym.box)));
  const digitAt = firstDigitBlobAt(number, ink) ?? number.start;
  const digit = ink.blobs.find((b) => b.x === digitAt && b.height >= 0.4 * h);
  const top = digit?.y ?? number.first.y;
  const foot = digit ? bottom(digit) : bottom(number.first);
  const dh = Math.max(1, foot - top);
  // Specks, hairlines (the bar under a `º`) and ink wholly above or below the digits are no digit's part.
  const counted = ink.blobs.filter((b) => {
    if ((b.width < 0.12 * h && b.height < 0.12 * h) || b.height < 0.12 * h) return false;
    return b.y < foot && bottom(b) > top;
  });
  const middle = (b: Box) => b.x + b.width / 2;
  const under = counted.filter((b) => middle(b) >= lettersStart && middle(b) <= lettersEnd);
  if (under.length < letters.length) return true;
  // A `°` is raised against its letters, which may be smaller than the digits.
  const lettersTop = Math.min(...under.map((b) => b.y));
  const lettersHigh = Math.max(...under.map(bottom)) - lettersTop;
  const dotsRead = symbols.filter((sym) => /[.,]/.test(sym.text)).length;
  const ringsRead = symbols.filter((sym) => /[°º]/u.test(sym.text)).length;
  let dots = 0;
  let rings = 0;
  for (const b of counted) {
    if (middle(b) <= lettersEnd || middle(b) >= digitAt) continue;
    const dot = b.width <= 0.25 * dh && b.height <= 0.25 * dh && b.y >= foot - 0.35 * dh;
    const ring = b.width <= 0.45 * dh && b.height <= 0.45 * dh && bottom(b) <= lettersTop + 0.6 * lettersHigh;
    if (dot) dots++;
    else if (ring) rings++;
    else return true;
  }
  return dots > Math.min(1, dotsRead) || rings > Math.min(1, ringsRead);
}

/**
 * The words of a prefix read on its own: without a border's edge, and without punctuation standing before its
 * first letter (left of the prefix, where no digit of the number is).
 */
function prefixWords(words: OcrWord[]): OcrWord[] {
  const kept = words.filter((w) => w.text.trim() !== '' && !FRAME_MARK.test(w.text.trim()));
  const first = kept.findIndex((w) => /[\p{L}#№]/u.test(w.text));
  return first < 0 ? kept : kept.slice(first);
}

/** The paper margin round a cut-out read on its own (src/readers/read-stamp.ts): its words' boxes start after it. */
export const COLUMN_MARGIN = 8;

/**
 * Where to cut out the ink before a number's digits to read it on its own (`LineNumber.lead`): up to three
 * characters' width before the first digit's blob, stopping short of it.
 */
export function leadCut(number: LineNumber, ink: LineInk): { from: number; to: number } | null {
  const h = ink.charHeight;
  const to = Math.min(number.start, firstDigitBlobAt(number, ink) ?? number.start) - Math.round(0.06 * h);
  const from = Math.max(0, Math.round(to - 3.2 * h));
  return to - from >= 0.3 * h ? { from, to } : null;
}

/**
 * The ink before the digits read on its own (`leadCut`) reads as a prefix, nothing else: letters with a dot
 * or `°`, `#`, `№`. A mark such as `(` or `:` beside it, which half a broken digit reads as, is not.
 */
export function readsAsPrefix(words: OcrWord[]): boolean {
  const kept = prefixWords(words).map((w) => w.text.trim());
  if (kept.length === 0 || kept.length > 2) return false;
  return kept.every(isWholePrefix);
}

/**
 * A prefix as stamps print it, whole: `No.`, `N°`, `Nº`, `Nr.`, `Acc.`, `Reg.`, `#`, `№`. Not the OCR's
 * looser spellings of a small `No` (`Ne`, `n`), and nothing but its letters, one dot and one `°`: a mark
 * beside it (`No.(`, `No.:`) may be half a broken digit.
 */
const WHOLE_PREFIX = /^(?:[#№]|(?:no|n[°º]|nr|nro|num|acc|reg|inv|cat|herb)\.?[°º]?\.?)$/iu;
export const isWholePrefix = (text: string) => WHOLE_PREFIX.test(text.trim());

/** The ink of a line as cut out for the OCR: its blobs, and what was set aside as the stamp's border. */
export interface LineInk {
  /** `holes`: the blob's closed loops (the counters of 0, 6, 8, 9), where measured. */
  blobs: (Box & { area: number; holes?: number })[];
  /** Border pixels (1), which may hide a digit run into the border. */
  frame: { data: Uint8Array; width: number; height: number };
  /** Pixels (1) of another ink as strong as the stamp's (another stamp, a leaf, print), same size as `frame`. */
  foreign: Uint8Array;
  /** The blank margin round the cut-out line, in pixels. */
  edge: number;
  charHeight: number;
}

const coveredBy = (blob: Box, spans: { start: number; end: number }[]) =>
  spans.reduce((sum, s) => sum + Math.max(0, Math.min(right(blob), s.end) - Math.max(blob.x, s.start)), 0) >=
  0.5 * blob.width;

const LOOPS: Record<string, [number, number]> = {
  '0': [1, 1],
  '1': [0, 0],
  '2': [0, 0],
  '3': [0, 0],
  '4': [0, 1],
  '5': [0, 0],
  '6': [1, 1],
  '7': [0, 0],
  '8': [2, 2],
  '9': [1, 1],
};

/** How many closed loops the digits of a number have between them, at least and at most. */
export function loopsOf(printed: string): { min: number; max: number } | null {
  let min = 0;
  let max = 0;
  for (const digit of printed) {
    const range = LOOPS[digit];
    if (!range) return null;
    min += range[0];
    max += range[1];
  }
  return { min, max };
}

/**
 * Whether the line's ink bears the number out: the digits' blobs of one size on one baseline, and no ink
 * in the slot before the first digit or after the last that no prefix accounts for. A digit the OCR dropped
 * (a broken first digit, digits run into the border) leaves ink beside a tidy shorter number; confidence
 * does not show it.
 */
export function checkNumberInk(number: LineNumber, ink: LineInk): Said | null {
  const h = ink.charHeight;
  // A number cut off by the end of the part that was read may go on beyond it.
  const margin = ink.edge + DIGIT_SLOT * h;
  if (number.start < margin || number.end > ink.frame.width - margin) return said('check.stamp.runs-to-edge');
  // The digits' blobs: those the OCR's span holds, give or take the slack of its character boxes.
  const slack = 0.15 * h;
  const digitBlobs = ink.blobs.filter(
    (b) =>
      b.x + b.width / 2 >= number.start - slack &&
      b.x + b.width / 2 <= number.end + slack &&
      b.height >= 0.2 * h,
  );
  if (digitBlobs.length === 0) return said('check.stamp.digits-off-ink');
  const start = Math.min(number.start, ...digitBlobs.map((b) => b.x));
  const end = Math.max(number.end, ...digitBlobs.map(right));
  const foot = middleOf(digitBlobs.map(bottom));
  const height = middleOf(digitBlobs.map((b) => b.height));
  const top = foot - height;
  // No more characters than digits read: a digit the OCR did not read can hide under a wide character box
  // (a broken first digit swallowed by the next digit's box). Blobs one above the other (pieces of a worn
  // digit) or side by side with a hairline between (a stencil's halves) count as one character.
  const units: { x0: number; x1: number }[] = [];
  for (const b of digitBlobs.filter((d) => d.height >= 0.4 * height).sort((a, c) => a.x - c.x)) {
    const last = units[units.length - 1];
    const gap = last ? b.x - last.x1 : Infinity;
    if (last && (gap < 0.12 * height || -gap > 0.5 * Math.min(last.x1 - last.x0, b.width)))
      last.x1 = Math.max(last.x1, right(b));
    else units.push({ x0: b.x, x1: right(b) });
  }
  if (units.length > number.printed.length)
    return said('check.stamp.more-characters', { digits: number.printed.length });
  // The digits' closed loops: 0, 6 and 9 have one, 8 two, 1, 2, 3, 5 and 7 none (4 either). A 9 read as 2
  // by the OCR in both readings (a bold face, a sheet scanned sideways) leaves a loop no digit read has.
  const loops = loopsOf(number.printed);
  const measured = digitBlobs.filter((b) => b.height >= 0.4 * height);
  if (loops && measured.every((b) => b.holes !== undefined)) {
    const found = measured.reduce((sum, b) => sum + b.holes!, 0);
    // A loop more than the digits read can have is a digit misread. A loop too few is one too where each
    // digit is one solid blob (an 8 read for a 3); where the digits' ink is in pieces (a stencil, a
    // dot-matrix face, worn ink) their counters are open and prove nothing.
    const solid = measured.length === number.printed.length;
    if (found > loops.max || (solid && found < loops.min)) return said('check.stamp.shape-disagrees');
  }
  // The first and last digit: a raised small mark (the ° of N°) read as a digit is not one. The blob under
  // the OCR's character is the one it overlaps most.
  const under = (box: Box) =>
    ink.blobs.reduce<(typeof ink.blobs)[number] | null>((best, b) => {
      const o = Math.min(right(b), right(box)) - Math.max(b.x, box.x);
      const ob = best ? Math.min(right(best), right(box)) - Math.max(best.x, box.x) : 0;
      return o > 0 && o > ob && b.height >= 0.15 * h ? b : best;
    }, null);
  for (const blob of [under(number.first), under(number.last)])
    if (blob && blob.height < 0.6 * height && bottom(blob) < foot - 0.35 * height)
      return said('check.stamp.raised-mark');
  const spans = [...number.prefix, { start, end }];
  for (const blob of ink.blobs) {
    // Specks, flat lines (an underline) and hairlines (a border's thin side): no digit is any of them.
    if ((blob.height < 0.35 * height && blob.width < 0.35 * height) || blob.height < 0.2 * height) continue;
    if (blob.width <= 0.06 * height) continue;
    const across = Math.max(0, Math.min(bottom(blob), foot) - Math.max(blob.y, top));
    if (across < 0.3 * Math.min(blob.height, height)) continue;
    const before = right(blob) > start - DIGIT_SLOT * height && blob.x < start - 0.05 * height;
    const after = blob.x < end + DIGIT_SLOT * height && right(blob) > end + 0.05 * height;
    if (!before && !after) continue;
    if (coveredBy(blob, spans)) continue;
    return said(after ? 'check.stamp.ink-after' : 'check.stamp.ink-before');
  }
  // Another ink over the number (a newer stamp over an old one, a leaf, print) may hide a digit.
  let covered = 0;
  const x0 = Math.max(0, Math.round(start - DIGIT_SLOT * height));
  const x1 = Math.min(ink.frame.width - 1, Math.round(end + DIGIT_SLOT * height));
  for (let y = Math.max(0, Math.round(top)); y <= Math.min(ink.frame.height - 1, Math.round(foot)); y++)
    for (let x = x0; x <= x1; x++) covered += ink.foreign[y * ink.frame.width + x]!;
  if (covered > 0.04 * (x1 - x0 + 1) * height) return said('check.stamp.ink-over');
  const left = frameInkIn(ink.frame, start - 0.9 * height, start - 0.08 * height, top, foot, height);
  const trailing = frameInkIn(ink.frame, end + 0.08 * height, end + 0.9 * height, top, foot, height);
  if (left > 0.1 * height * height) return said('check.stamp.into-border');
  if (trailing > 0.1 * height * height) return said('check.stamp.into-border-after');
  return null;
}

/**
 * Border ink beside the digits, leaving out a border's edge that only passes by (it carries on above and
 * below the digits, as a frame's side or a ring round the number does).
 */
function frameInkIn(frame: LineInk['frame'], x0: number, x1: number, top: number, foot: number, h: number) {
  const at = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < frame.width && y < frame.height && frame.data[y * frame.width + x] === 1;
  const reaches = (x: number, from: number, to: number) => {
    for (let y = Math.max(0, from); y <= Math.min(frame.height - 1, to); y++)
      for (let dx = -3; dx <= 3; dx++) if (at(x + dx, y)) return true;
    return false;
  };
  let count = 0;
  for (let x = Math.max(0, Math.round(x0)); x <= Math.min(frame.width - 1, Math.round(x1)); x++) {
    let column = 0;
    for (let y = Math.round(top + 0.2 * h); y <= Math.round(foot - 0.2 * h); y++) if (at(x, y)) column++;
    if (column === 0) continue;
    const passesBy =
      reaches(x, Math.round(top - 0.6 * h), Math.round(top - 0.12 * h)) &&
      reaches(x, Math.round(foot + 0.12 * h), Math.round(foot + 0.6 * h));
    if (!passesBy) count += column;
  }
  return count;
}

/** The prefix read on its own accounts for the ink under its own words, no more: ink between it and the digits is judged. */
const spansOf = (lead: { words: OcrWord[]; from: number }) =>
  lead.words
    .filter((w) => !FRAME_MARK.test(w.text.trim()))
    .map((w) => ({ start: lead.from + w.box.x, end: lead.from + right(w.box) }));

/**
 * What a reading's own ink says against its number: a digit may be missing beside it, another ink lies over
 * it, the digits' shapes or count do not fit. One reading saying so withholds the number, however many other
 * renderings read it cleanly (a broken first digit shows in one rendering and not in the next).
 */
const INK_DOUBTS = new Set([
  // A mark right before the digits that did not read as a prefix on its own, and a number that may go on
  // past the part read, are doubts about a digit as much as stray ink is.
  'check.stamp.before-number',
  'check.stamp.runs-to-edge',
  'check.stamp.ink-before',
  'check.stamp.ink-after',
  'check.stamp.more-characters',
  'check.stamp.ink-over',
  'check.stamp.into-border',
  'check.stamp.into-border-after',
  'check.stamp.shape-disagrees',
  'check.stamp.raised-mark',
  'check.stamp.digits-off-ink',
]);

export const inkDoubts = (judgement: LineJudgement) =>
  judgement.kind === 'not-a-number' && judgement.why !== null && INK_DOUBTS.has(judgement.why.code);

/** What one reading of a line came to: a number to weigh, or why not. */
export type LineJudgement =
  | LineNumber
  | {
      kind: 'not-a-number';
      why: Said | null;
      /** The number the OCR read, if it read one that did not hold. */
      value: string | null;
      date: boolean;
      /** The line read as sure words, the right way up: text, not a number upside down. */
      words: boolean;
      /** Read the line's ink between these columns on its own, and judge the line again with it. */
      leadToRead?: { from: number; to: number };
      /** The numbers of a line that showed more than one (`LineReading`'s `numbers`). */
      shown?: string[];
    };

/**
 * One reading of a line judged: the number the OCR read, borne out by the line's ink, with every digit at
 * or above the confidence floor (`reading.stampConfidence`); or why there is none.
 */
export function judgeLine(
  words: OcrWord[],
  ink: LineInk,
  floor: number,
  /**
   * What the ink before the digits read as on its own (`leadCut`), when the number has a `lead`: its words,
   * with `from` the cut-out's left edge on the line, its paper margin included (its boxes count from there).
   */
  leadWords?: { words: OcrWord[]; from: number },
): LineJudgement {
  let reading = readNumberLine(words, ink.charHeight);
  if (reading.kind === 'number' && reading.lead !== undefined) {
    const cut = leadCut(reading, ink);
    const refused = (text: string): LineJudgement => ({
      kind: 'not-a-number',
      why: said('check.stamp.before-number', { text }),
      value: reading.kind === 'number' ? reading.value : null,
      date: false,
      words: false,
      ...(leadWords === undefined && cut !== null ? { leadToRead: cut } : {}),
    });
    if (leadWords === undefined || cut === null) return refused(reading.lead);
    if (!readsAsPrefix(leadWords.words))
      return refused(leadWords.words.map((w) => w.text.trim()).join(' ') || reading.lead);
    const spans = spansOf(leadWords);
    if (inkBetween(leadWords, reading, ink))
      return refused(leadWords.words.map((w) => w.text.trim()).join(' '));
    reading = { ...reading, prefix: [...reading.prefix, ...spans] };
  }
  if (reading.kind === 'number') {
    let inkSays = checkNumberInk(reading, ink);
    // Ink right before the digits under a word that did not read as a prefix: its own reading decides.
    if (
      inkSays?.code === 'check.stamp.ink-before' &&
      reading.before !== undefined &&
      reading.lead === undefined
    ) {
      const cut = leadCut(reading, ink);
      if (leadWords === undefined && cut !== null)
        return {
          kind: 'not-a-number',
          why: inkSays,
          value: reading.value,
          date: false,
          words: false,
          leadToRead: cut,
        };
      const spans = leadWords === undefined ? [] : spansOf(leadWords);
      if (leadWords !== undefined && readsAsPrefix(leadWords.words) && !inkBetween(leadWords, reading, ink))
        inkSays = checkNumberInk({ ...reading, prefix: [...reading.prefix, ...spans] }, ink);
    }
    if (inkSays !== null)
      return { kind: 'not-a-number', why: inkSays, value: reading.value, date: false, words: false };
    if (reading.confidence < floor)
      return {
        kind: 'not-a-number',
        why: said('check.stamp.uncertain', {
          number: reading.value,
          confidence: Math.round(reading.confidence),
          threshold: floor,
        }),
        value: reading.value,
        date: false,
        words: false,
      };
    return reading;
  }
  return {
    kind: 'not-a-number',
    why: reading.kind === 'doubtful' ? reading.why : null,
    value: null,
    date: reading.kind === 'date',
    words: reading.kind === 'none' && words.some((w) => w.confidence >= 85 && /\p{L}{4,}/u.test(w.text)),
    ...(reading.kind === 'doubtful' && reading.numbers ? { shown: reading.numbers } : {}),
  };
}
