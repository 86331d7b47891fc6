import { readCollector } from './collector';
import { compareRecordToSheet, type Comparison, type RecordLabel } from './compare';
import { findLabelDate, readLabelDate, type DateOrder } from './label-date';
import type { Said } from './said';
/**
 * Reading a herbarium sheet for the technician (issue 11): whether the barcode in the picture is the
 * record's, what the printed label says; the stamp is found and read by stamp-finding.ts, stamp-reading.ts
 * and stamp-decision.ts (issue 16). Pure rules on pixels and on what the OCR and barcode readers return;
 * the readers themselves run in workers.
 */

/** RGBA pixels, as a canvas's ImageData or a decoded JPEG holds them. */
export interface Pixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gray pixels, one byte each: 0 ink, 255 paper. */
export interface Mask {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface StampProposal {
  value: string;
  confidence: number;
  /**
   * The stamp's readings did not agree on this number by themselves; the portal's legacy record holding it
   * has the collector, number and date the sheet's label shows (stamp-confirmation.ts).
   */
  confirmedBy?: LegacyConfirmation;
}

/** The legacy record that confirmed a number read off the stamp, as the screen names it. */
export interface LegacyConfirmation {
  occid: number;
  recordedBy: string;
  recordNumber: string;
  eventDate: string;
  /**
   * What the readings read, when it was not quite the record's number (`confirmByNearNumber`): the screen
   * says so, and that the record holds the number proposed.
   */
  read?: string;
}

export type StampReading =
  | { kind: 'proposal'; proposal: StampProposal }
  | {
      kind: 'unread';
      why: Said;
      /** The numbers (3 digits or more) some reading showed but the evidence did not bear out. */
      read?: string[];
    };

export type BarcodeCheck =
  { kind: 'matches'; shown: string } | { kind: 'mismatch'; shown: string[] } | { kind: 'unreadable' };

const cleanCode = (text: string) =>
  text
    .trim()
    .replace(/^\*|\*$/g, '')
    .toUpperCase();

/**
 * Whether a barcode printed on the sheet is the record's Catalog Number: a batch upload that named an
 * image with the wrong barcode shows here, before the record is linked to the wrong legacy record.
 */
export function checkSheetBarcode(catalogNumber: string | null, decoded: string[]): BarcodeCheck {
  const shown = [...new Set(decoded.map(cleanCode).filter((c) => c !== ''))];
  if (shown.length === 0) return { kind: 'unreadable' };
  const own = catalogNumber === null ? null : cleanCode(catalogNumber);
  const match = shown.find((c) => c === own);
  return match ? { kind: 'matches', shown: match } : { kind: 'mismatch', shown };
}

/**
 * Where the printed label sits: the bottom right of the sheet, as herbaria mount it (and the demo
 * herbarium does), as fractions of the sheet.
 */
export const LABEL_REGION = { left: 0.46, top: 0.74, right: 1, bottom: 1 };

/** How far a scan is turned clockwise from the upright sheet. */
export type SheetTurn = 0 | 90 | 180 | 270;

/**
 * How far the scan is turned, from the barcode's direction (zxing's rotation, degrees clockwise): the
 * barcode runs across the upright sheet, as collections stick it; null when no barcode was read.
 */
export function turnOfBarcode(rotation: number | undefined): SheetTurn | null {
  if (rotation === undefined || !Number.isFinite(rotation)) return null;
  return ((((Math.round(rotation / 90) * 90) % 360) + 360) % 360) as SheetTurn;
}

/**
 * How the label's print is told from its paper. `plain`: every pixel darker than a fixed gray, sampled
 * without smoothing, which reads a sharp label best. `local`: each pixel against the darkest and lightest
 * pixels around it, after averaging, which keeps a blurred, pale or heavily compressed label's print and
 * drops a scanner's dark background; a second look when the first did not bear a number out.
 */
export type LabelLook = 'plain' | 'local';

/**
 * The label's print as black on white: the label region of the upright sheet, which a scan turned by
 * `turn` holds on another side; the mask comes out upright, as the OCR reads it.
 */
export function labelMask(
  pixels: Pixels,
  region = LABEL_REGION,
  turn: SheetTurn = 0,
  look: LabelLook = 'plain',
): Mask {
  const gray = labelGray(pixels, region, turn, look === 'local');
  const { width, height } = gray;
  const out = new Uint8Array(width * height);
  if (look === 'plain') {
    for (let i = 0; i < out.length; i++) out[i] = gray.data[i]! < 140 ? 0 : 255;
    return { data: out, width, height };
  }
  const columns = Math.ceil(width / LABEL_TILE);
  const rows = Math.ceil(height / LABEL_TILE);
  const darkest = new Uint8Array(columns * rows).fill(255);
  const lightest = new Uint8Array(columns * rows);
  for (let y = 0; y < height; y++) tileExtremesRow(gray, y, columns, darkest, lightest);
  for (let y = 0; y < height; y++) thresholdRow(gray, y, { columns, rows, darkest, lightest }, out);
  return { data: out, width, height };
}

/** The side of the tiles whose darkest and lightest pixels set the threshold: about one line of print. */
const LABEL_TILE = 16;
/** Less difference than this between the darkest and the lightest pixel nearby is even paper, not print. */
const LABEL_MIN_CONTRAST = 48;

/** Row `y`'s pixels into their tile's darkest and lightest values. */
function tileExtremesRow(gray: Mask, y: number, columns: number, darkest: Uint8Array, lightest: Uint8Array) {
  const { width, data } = gray;
  const tileRow = Math.floor(y / LABEL_TILE) * columns;
  for (let x = 0; x < width; x++) {
    const g = data[y * width + x]!;
    const t = tileRow + Math.floor(x / LABEL_TILE);
    if (g < darkest[t]!) darkest[t] = g;
    if (g > lightest[t]!) lightest[t] = g;
  }
}

/**
 * Row `y` of the mask: print where a pixel is darker than halfway between the darkest print and the
 * lightest paper of its tile and the tiles around it. Halfway keeps a blurred stroke as wide as it was
 * printed and a sharp one as the old fixed threshold did; even paper or an even dark background, with
 * no contrast in it, has no print.
 */
function thresholdRow(
  gray: Mask,
  y: number,
  tiles: { columns: number; rows: number; darkest: Uint8Array; lightest: Uint8Array },
  out: Uint8Array,
) {
  const { width, data } = gray;
  const { columns, rows, darkest, lightest } = tiles;
  const ty = Math.floor(y / LABEL_TILE);
  let tx = -1;
  let threshold = -1;
  for (let x = 0; x < width; x++) {
    if (Math.floor(x / LABEL_TILE) !== tx) {
      tx = Math.floor(x / LABEL_TILE);
      let low = 255;
      let high = 0;
      for (let j = Math.max(0, ty - 1); j <= Math.min(rows - 1, ty + 1); j++)
        for (let i = Math.max(0, tx - 1); i <= Math.min(columns - 1, tx + 1); i++) {
          low = Math.min(low, darkest[j * columns + i]!);
          high = Math.max(high, lightest[j * columns + i]!);
        }
      threshold = high - low < LABEL_MIN_CONTRAST ? -1 : (low + high) / 2;
    }
    out[y * width + x] = data[y * width + x]! < threshold ? 0 : 255;
  }
}

/**
 * The label region's gray, upright, one pixel per `scale` × `scale` block of the sheet (the label comes out
 * about 1000 pixels wide whatever the scan's resolution): the block's mean when `average`, else its first
 * pixel.
 */
function labelGray(pixels: Pixels, region: typeof LABEL_REGION, turn: SheetTurn, average: boolean): Mask {
  const sideways = turn === 90 || turn === 270;
  const uprightWidth = sideways ? pixels.height : pixels.width;
  const uprightHeight = sideways ? pixels.width : pixels.height;
  const x0 = Math.floor(uprightWidth * region.left);
  const y0 = Math.floor(uprightHeight * region.top);
  const scale = Math.max(1, Math.round(uprightWidth / 2000));
  const width = Math.floor((Math.floor(uprightWidth * region.right) - x0) / scale);
  const height = Math.floor((Math.floor(uprightHeight * region.bottom) - y0) / scale);
  const out = new Uint8Array(width * height);
  const at = {
    x0,
    y0,
    scale,
    block: average ? scale : 1,
    turn,
    last: { x: pixels.width - 1, y: pixels.height - 1 },
  };
  for (let y = 0; y < height; y++) grayRow(pixels, at, y, width, out);
  return { data: out, width, height };
}

/** One row of the label's gray, each pixel read where the turned scan has it. */
function grayRow(
  pixels: Pixels,
  at: {
    x0: number;
    y0: number;
    scale: number;
    block: number;
    turn: SheetTurn;
    last: { x: number; y: number };
  },
  y: number,
  width: number,
  out: Uint8Array,
) {
  const { x0, y0, scale, block, turn, last } = at;
  const { data } = pixels;
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let dy = 0; dy < block; dy++)
      for (let dx = 0; dx < block; dx++) {
        // (u, v) on the upright sheet, and where the turned scan has it.
        const u = x0 + x * scale + dx;
        const v = y0 + y * scale + dy;
        const px = turn === 0 ? u : turn === 90 ? last.x - v : turn === 180 ? last.x - u : v;
        const py = turn === 0 ? v : turn === 90 ? u : turn === 180 ? last.y - v : last.y - u;
        const i = (py * pixels.width + px) * 4;
        sum += data[i]! + data[i + 1]! + data[i + 2]!;
      }
    out[y * width + x] = Math.floor(sum / (3 * block * block));
  }
}

/**
 * What the printed label says, as hints: they decide nothing on their own; a legacy record that matches
 * them in full may confirm a number the stamp showed (stamp-confirmation.ts).
 */
export interface LabelHints {
  collector: string | null;
  number: string | null;
  date: string | null;
}

/** How many of collector, number and date a reading of the label found. */
export const fieldsKnown = (hints: LabelHints) =>
  [hints.collector, hints.number, hints.date].filter(Boolean).length;

/** What a label prints before its collecting date, in en, fr, es and pt: "Date:", "Fecha de colecta:", "Data:". */
const DATE_LABEL = /\b(?:Date|Fecha|Data)(?: (?:of|de|da|do|del) \p{L}+)?\s*[:.]?\s*/giu;
/** A determination's or revision's date is not the collecting date. */
const DETERMINATION = /^\W*(?:Det|Determ\p{L}*|Ident\p{L}*|Rev|Revis\p{L}*|Conf)\b/iu;

/**
 * The collecting date: what follows the label's "Date:" in any form the station reads, else the date that
 * follows the collector and number on the collector's line (`leg. M. Steiner 1209 - 22.07.1995`), else
 * the one date the other lines write in words or Roman numerals (14 de julio de 1961, 14.VII.1961); none
 * when they write two different ones.
 */
function labelDate(lines: string[], afterCollector: string | null): string | null {
  const text = lines.join('\n');
  for (const label of text.matchAll(DATE_LABEL)) {
    const date = findLabelDate(text.slice(label.index + label[0].length), true);
    if (date !== null) return date;
  }
  const onCollectorLine = afterCollector === null ? null : findLabelDate(afterCollector, true);
  if (onCollectorLine !== null) return onCollectorLine;
  const dates = new Set(
    lines.filter((line) => !DETERMINATION.test(line)).flatMap((line) => findLabelDate(line) ?? []),
  );
  return dates.size === 1 ? [...dates][0]! : null;
}

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
/** A day, a month in Roman numerals as the OCR may read them (`1X`, `V1`, `XIl`), and a year in full. */
const OCR_ROMAN_DATE = /(?<![\p{L}\d])(\d{1,2})([ .\-/]+)([IVXl1|]{1,4})([ .\-/]+)(\d{4})(?![\p{L}\d])/gu;

/**
 * A Roman month whose I the OCR read as 1, l or | (`23-1X-1979`) written as the label prints it
 * (`23-IX-1979`): only between a day and a year in full, only when the word has a letter and makes a
 * month. `8-11-1985`, all digits, stays as it is.
 */
export function withRomanMonths(line: string): string {
  return line.replace(
    OCR_ROMAN_DATE,
    (whole, day: string, gap: string, month: string, gap2: string, year: string) => {
      if (!/[IVXl|]/.test(month)) return whole;
      const roman = month.replace(/[1l|]/g, 'I');
      return ROMAN_MONTHS.includes(roman) ? `${day}${gap}${roman}${gap2}${year}` : whole;
    },
  );
}

/**
 * Collector, number and date from the label's lines as the OCR read them: `Coll.: J. Smith  No. 366`,
 * `Date: 1963-03-19` (the demo herbarium's labels), `Fecha: 14 de julio de 1961`, `14.VII.1961`,
 * `leg. F. Oberhauser 3310 - 14.07.1987`, `Leg. C. Vuillemin  Dét. C. Vuillemin`, `n° 1402`.
 */
export function readLabelLines(read: string[]): LabelHints {
  const lines = read.map(withRomanMonths);
  const text = lines.join('\n');
  const line = COLLECTOR_LINE.exec(text);
  const collector = line?.[1]?.trim() ?? null;
  const restOfLine = (from: number) => text.slice(from).split('\n')[0]!;
  const end = line ? line.index + line[0].length : 0;
  // `Leg. J. Smith 12 Jul 1961`: the number right after the name is a date's day, not a collector number.
  const bare = line?.[3] ?? null;
  const dateFromBare = bare === null ? null : findLabelDate(restOfLine(end - bare.length), true);
  const bareIsDay = dateFromBare !== null && dateFromBare.length > bare!.length;
  const number =
    line?.[2] ??
    (bareIsDay ? null : bare) ??
    /(?<!\p{L})(?:No|Nr|N°|Nº|n°|nº|#)\.?\s*:?\s*([0-9][0-9A-Za-z-]*)/u.exec(text)?.[1] ??
    null;
  const afterCollector = !line
    ? null
    : bareIsDay
      ? dateFromBare
      : restOfLine(end).replace(/^[\s\-–—,;:]+/, '');
  return {
    collector: collector && collector.length > 1 ? collector : null,
    number,
    date: labelDate(lines, afterCollector),
  };
}

/**
 * The collector's line: `Coll.: J. Smith  No. 366`, `Col. R. Acevedo T.  No. 1187`, `Coll.: S. Okada 2210`
 * (the number right after the name), `Leg. …`, `Collector: …`, `Colector: …`, `Collecteur : …`. The word
 * stands alone (not the "Coll" of COLLEGE HERBARIUM); the name runs to the number, a comma (`Leg. P. Martin,
 * 21 mars 1961`: what follows a comma is no collector number), the determiner's `Det.` on the same line
 * or the end of the line.
 */
const COLLECTOR_LINE =
  /(?<!\p{L})(?:Coll?|Collector|Colector|Collecteur|Coletor|Leg|Legit)(?!\p{L})\.?\s*:?\s*([\p{L}][\p{L}.' -]*?)[ \t]*(?:(?:No|Nr|N°|Nº|#)\.?[ \t]*:?[ \t]*(\d[0-9A-Za-z-]*)|(\d[0-9A-Za-z-]*)|(?=,)|(?=[ \t]+D[eé]t\.)|$)/imu;

/**
 * The machine-read label against a record, field by field, as the record card compares what a technician
 * typed: hints for the eye, never a decision.
 */
export function compareLabelHints(
  record: RecordLabel,
  hints: LabelHints,
  dates: { order: DateOrder; today: string },
): Comparison {
  const collector = hints.collector ? readCollector(hints.collector) : null;
  const date = hints.date ? readLabelDate(hints.date, dates) : null;
  return compareRecordToSheet(record, {
    collectorLastName: collector?.ok ? collector.value.lastName : null,
    collectorNumber: hints.number,
    date: date?.ok ? date.value : null,
  });
}
