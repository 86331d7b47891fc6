import { readCollector } from './collector';
import type { RecordLabel } from './compare';
import { readLabelDate, type DateOrder, type LabelDate } from './label-date';
import {
  compareLabelHints,
  type LabelHints,
  type LegacyConfirmation,
  type StampReading,
} from './sheet-reading';

/**
 * The portal as a last witness for a stamp the readings alone could not settle (issue 16). Option 2 asks the
 * portal for the number's legacy record anyway (the duplicate check); when a number some reading showed is
 * this gathering's only legacy record's accession number, and that record's collector, collector number and
 * date are the ones printed on this sheet's label, that record is this specimen's and the number is its
 * stamp. Pure rules; src/ui/read-and-confirm.ts asks the portal.
 *
 * What is asked, so that a number that is not this sheet's stamp cannot pass:
 * - the label read in full, its date to the day, and the record's date a full day too;
 * - the record's Other Catalog Numbers is that number and nothing else (not a donor's number, not one of
 *   several identifiers), and the record has no barcode yet;
 * - the number is not the label's collector number nor the barcode's digits (numbers a reading of another
 *   line may show);
 * - exactly one number read passes, held by exactly one matching record;
 * - and the portal's search for the gathering (collector, number, date) finds that record and no other: a
 *   duplicate of the same gathering with its own accession number (often the next one) would otherwise be
 *   proposed for a sheet whose own number no reading showed.
 */

/**
 * More numbers than this read off one sheet is noise, not a reading the portal could settle. A line may be
 * read in three renderings, and a dotted number comes back differently in each (`735112`, `733112`,
 * `738112`).
 */
export const MAX_NUMBERS_TO_CONFIRM = 5;

/** A number the portal may be asked about: three digits or more (shorter ones are fragments). */
export const worthAsking = (value: string | null): value is string => /^\d{3,}$/.test(value ?? '');

/** The withheld numbers the portal is asked about: none when there are none, or too many to mean anything. */
export function numbersToConfirm(stamp: StampReading): string[] {
  if (stamp.kind !== 'unread') return [];
  const numbers = [...new Set(stamp.read ?? [])].filter(worthAsking);
  return numbers.length <= MAX_NUMBERS_TO_CONFIRM ? numbers : [];
}

/** The label read well enough to identify a gathering: collector, number and date all there. */
export const labelIdentifies = (hints: LabelHints | null): hints is LabelHints =>
  hints !== null && Boolean(hints.collector?.trim() && hints.number?.trim() && hints.date?.trim());

/** What the portal's search rows say of a record, as far as this rule looks. */
export type HeldBy = RecordLabel & {
  occid: number;
  catalogNumber: string | null;
  otherCatalogNumbers: string | null;
};

export interface NumberHolders {
  /** A number read off the stamp (no prefix, no leading zeros). */
  value: string;
  /** The records the portal's exact search finds holding it (any zero variant). */
  records: HeldBy[];
}

/** How the label's dates are read: the collection's order of day and month, and today's date. */
export type LabelDates = { order: DateOrder; today: string };

/** What the portal's witness weighs: who holds each number read, the label as read, the sheet's barcode. */
export interface Witnessed {
  holders: NumberHolders[];
  hints: LabelHints | null;
  dates: LabelDates;
  sheet: { catalogNumber: string | null };
}

/** A number settled by the portal: the legacy record holding it, and what the screen names of it. */
export interface Confirmed {
  value: string;
  record: HeldBy;
  confirmedBy: LegacyConfirmation;
}

/** The gathering the label names, as the portal's collector search takes it (PROTOCOL §4.1). */
export interface Gathering {
  /** The editor's `q_recordedby` term for the collector's last name. */
  portalTerm: string;
  number: string;
  date: Extract<LabelDate, { precision: 'day' }>;
}

/** The label's gathering, when the label was read in full with a date to the day. */
export function gatheringOf(hints: LabelHints | null, dates: LabelDates): Gathering | null {
  if (!labelIdentifies(hints)) return null;
  const collector = readCollector(hints.collector!);
  const date = readLabelDate(hints.date!, dates);
  // A year or a month matches a whole range of records' dates: only a day names a gathering.
  if (!collector.ok || !date.ok || date.value.precision !== 'day') return null;
  return { portalTerm: collector.value.portalTerm, number: hints.number!.trim(), date: date.value };
}

const digitsOf = (text: string | null) => (text ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '');
/** The record's Other Catalog Numbers is this number and nothing else, zeros aside. */
const holdsOnly = (record: HeldBy, value: string) => {
  const stored = (record.otherCatalogNumbers ?? '').trim();
  return /^\d+$/.test(stored) && digitsOf(stored) === value;
};
/** A full day: `1961-07-14`, not `1961-07-00` or `1961`. */
const fullDay = (eventDate: string | null) =>
  /^\d{4}-(?!00)\d{2}-(?!00)\d{2}$/.test((eventDate ?? '').trim());

/**
 * The one number whose legacy record is this label's gathering; null when none is, when two numbers or two
 * records are, or when the number could be something else the sheet prints (see above). The gathering
 * search (`onlyRecordOfGathering`) is the last check.
 */
export function confirmByLegacyRecord({ holders, hints, dates, sheet }: Witnessed): Confirmed | null {
  if (!gatheringOf(hints, dates)) return null;
  const notTheSheetsOwn = sheetsOwnNumbers(hints!, sheet);
  const agreeing = holders
    .filter(({ value }) => !notTheSheetsOwn.has(value))
    .map(({ value, records }) => ({
      value,
      records: records.filter(
        (record) => isThisLabelsRecord(record, hints!, dates) && holdsOnly(record, value),
      ),
    }))
    .filter((h) => h.records.length > 0);
  const [only, another] = agreeing;
  if (!only || another || only.records.length !== 1) return null;
  const record = only.records[0]!;
  return { value: only.value, record, confirmedBy: confirmationBy(record) };
}

/** Numbers a reading of another line of the sheet may show: the label's collector number, the barcode's. */
const sheetsOwnNumbers = (hints: LabelHints, sheet: { catalogNumber: string | null }) =>
  new Set([digitsOf(hints.number), digitsOf(sheet.catalogNumber)].filter(Boolean));

/** A legacy record of this label's gathering, dated to the day, still without a barcode. */
const isThisLabelsRecord = (record: HeldBy, hints: LabelHints, dates: LabelDates) => {
  const c = compareLabelHints(record, hints, dates);
  return (
    c.collector === 'match' &&
    c.number === 'match' &&
    c.date === 'match' &&
    fullDay(record.eventDate) &&
    (record.catalogNumber ?? '').trim() === ''
  );
};

const confirmationBy = (record: HeldBy, read?: string): LegacyConfirmation => ({
  occid: record.occid,
  recordedBy: record.recordedBy ?? '',
  recordNumber: record.recordNumber ?? '',
  eventDate: record.eventDate ?? '',
  ...(read === undefined ? {} : { read }),
});

/**
 * A number read that is `held` read slightly wrong: one digit other than the last read as another
 * (`6719` for `6779`, `91112` for `97112`), or the first digit lost (`701` for `3701`: broken ink, a
 * crop's edge). Not the last digit: a duplicate of the same gathering often has the next accession number,
 * which differs from this one only there.
 */
export function readsAsNear(read: string, held: string): boolean {
  if (read.length < 3 || read === held) return false;
  if (held.length === read.length + 1) return held.slice(1) === read;
  if (held.length !== read.length) return false;
  const differing = [...read].flatMap((digit, i) => (digit === held[i] ? [] : [i]));
  return differing.length === 1 && differing[0] !== read.length - 1;
}

/**
 * When no number read is a legacy record's, the portal's search for the label's gathering may still find
 * that gathering's only legacy record, holding a number one reading came close to (`readsAsNear`). That
 * record's number is proposed, and the sentence says what was read (`read`). Asked, besides the label read
 * in full and the record agreeing with it in everything as above:
 * - the gathering search found that one record and no other;
 * - the record holds one number, and no reading read it (the exact rule above decides those);
 * - the number read near it is held by no record at all: a number that is some record's accession may be
 *   this sheet's stamp read right, and then this record is not this sheet's.
 */
export function confirmByNearNumber(
  gathering: { total: number; records: HeldBy[] },
  { holders, hints, dates, sheet }: Witnessed,
): Confirmed | null {
  if (!gatheringOf(hints, dates)) return null;
  const [record] = gathering.records;
  if (!record || !onlyRecordOfGathering(gathering, record.occid)) return null;
  const value = digitsOf(record.otherCatalogNumbers);
  if (!holdsOnly(record, value) || sheetsOwnNumbers(hints!, sheet).has(value)) return null;
  if (!isThisLabelsRecord(record, hints!, dates)) return null;
  if (holders.some((h) => h.value === value)) return null;
  const near = holders.find((h) => h.records.length === 0 && readsAsNear(h.value, value));
  return near ? { value, record, confirmedBy: confirmationBy(record, near.value) } : null;
}

/** The portal's search for the label's gathering found this record and no other. */
export const onlyRecordOfGathering = (
  found: { total: number; records: { occid: number }[] },
  occid: number,
) => found.total === 1 && found.records.length === 1 && found.records[0]!.occid === occid;

/** The values a confirmed proposal's sentence names: the record and the label data it shares. */
export const confirmationWords = (c: LegacyConfirmation) => ({
  occid: String(c.occid),
  collector: c.recordedBy,
  number: c.recordNumber,
  date: c.eventDate,
});
