import type { LabelDate } from './label-date';
import { fold, words } from './text';

export type FieldVerdict = 'match' | 'mismatch' | 'missing' | 'not-entered';

export interface SheetReading {
  collectorLastName?: string | null;
  collectorNumber?: string | null;
  date?: LabelDate | null;
}

export interface RecordLabel {
  recordedBy: string | null;
  recordNumber: string | null;
  eventDate: string | null;
}

export interface Comparison {
  collector: FieldVerdict;
  number: FieldVerdict;
  date: FieldVerdict;
  /** True when nothing typed disagrees with the record. */
  agrees: boolean;
}

const blank = (v: string | null | undefined): v is null | undefined =>
  v === null || v === undefined || v.trim() === '';

export function compareCollector(
  recordedBy: string | null,
  lastName: string | null | undefined,
): FieldVerdict {
  if (blank(lastName)) return 'not-entered';
  if (blank(recordedBy)) return 'missing';
  const recordWords = words(recordedBy);
  const wanted = words(lastName);
  return wanted.every((w) => recordWords.includes(w)) ? 'match' : 'mismatch';
}

export function normaliseCollectorNumber(n: string): string {
  return fold(n)
    .replace(/\s+/g, '')
    .replace(/^0+(?=\w)/, '');
}

export function compareNumber(recordNumber: string | null, typed: string | null | undefined): FieldVerdict {
  if (blank(typed)) return 'not-entered';
  if (blank(recordNumber)) return 'missing';
  return normaliseCollectorNumber(recordNumber) === normaliseCollectorNumber(typed) ? 'match' : 'mismatch';
}

/** Record dates may carry `00` parts for an unknown month or day; those agree with any day inside them. */
export function compareDate(eventDate: string | null, typed: LabelDate | null | undefined): FieldVerdict {
  if (typed === null || typed === undefined) return 'not-entered';
  if (blank(eventDate)) return 'missing';
  const [y = '', m = '00', d = '00'] = eventDate.trim().slice(0, 10).split('-');
  if (typed.precision === 'day') {
    const [ty, tm, td] = typed.date.split('-');
    const fits = y === ty && (m === '00' || m === tm) && (d === '00' || d === td);
    return fits ? 'match' : 'mismatch';
  }
  const recordFrom = `${y}-${m === '00' ? '01' : m}-${d === '00' ? '01' : d}`;
  return recordFrom >= typed.from && recordFrom <= typed.to ? 'match' : 'mismatch';
}

/** Checks a portal record against what the technician read off the sheet (Option 1, no-stamp path). */
export function compareRecordToSheet(record: RecordLabel, sheet: SheetReading): Comparison {
  const collector = compareCollector(record.recordedBy, sheet.collectorLastName);
  const number = compareNumber(record.recordNumber, sheet.collectorNumber);
  const date = compareDate(record.eventDate, sheet.date);
  return { collector, number, date, agrees: ![collector, number, date].includes('mismatch') };
}
