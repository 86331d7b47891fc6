import type { RecordLabel } from './compare';
import { readLabelDate, type DateOrder } from './label-date';
import {
  compareLabelHints,
  type LabelHints,
  type LegacyConfirmation,
  type StampReading,
} from './sheet-reading';

/**
 * The portal as a last witness for a stamp the readings alone could not settle (issue 16). Option 2 asks the
 * portal for the number's legacy record anyway (the duplicate check); when a number some reading showed is
 * held by a legacy record whose collector, collector number and date are the ones printed on this sheet's
 * label, that record is this specimen's, and the number is its stamp. Pure rules.
 *
 * A wrong number would need two coincidences at once: the OCR misreading the stamp into exactly another
 * record's number, and that record's label data equal to this label's (a duplicate of the same gathering).
 * The rule asks for all three label fields, read and equal (the date to the day), and for exactly one
 * number, held by exactly one record, to pass.
 */

/** More numbers than this read off one sheet is noise, not a reading the portal could settle. */
export const MAX_NUMBERS_TO_CONFIRM = 3;

/** The withheld numbers the portal is asked about: none when there are none, or too many to mean anything. */
export function numbersToConfirm(stamp: StampReading): string[] {
  if (stamp.kind !== 'unread') return [];
  const numbers = [...new Set(stamp.read ?? [])].filter((n) => /^\d{3,}$/.test(n));
  return numbers.length <= MAX_NUMBERS_TO_CONFIRM ? numbers : [];
}

/** The label read well enough to identify a gathering: collector, number and date all there. */
export const labelIdentifies = (hints: LabelHints | null): hints is LabelHints =>
  hints !== null && Boolean(hints.collector?.trim() && hints.number?.trim() && hints.date?.trim());

export interface NumberHolders {
  /** A number read off the stamp (no prefix, no leading zeros). */
  value: string;
  /** The records the portal's exact search finds holding it (any zero variant). */
  records: (RecordLabel & { occid: number })[];
}

/**
 * The one number whose legacy record agrees with the label on collector, number and date; null when none
 * does, when two numbers do, or when two records holding it do (which one is this specimen's is then a
 * supervisor's question, not the station's).
 */
export function confirmByLegacyRecord(
  holders: NumberHolders[],
  hints: LabelHints | null,
  dates: { order: DateOrder; today: string },
): { value: string; confirmedBy: LegacyConfirmation } | null {
  if (!labelIdentifies(hints)) return null;
  // A year or a month matches a whole range of records' dates: only a day names a gathering.
  const date = readLabelDate(hints.date!, dates);
  if (!date.ok || date.value.precision !== 'day') return null;
  const agreeing = holders
    .map(({ value, records }) => ({
      value,
      records: records.filter((record) => {
        const c = compareLabelHints(record, hints, dates);
        return c.collector === 'match' && c.number === 'match' && c.date === 'match';
      }),
    }))
    .filter((h) => h.records.length > 0);
  const [only, another] = agreeing;
  if (!only || another || only.records.length !== 1) return null;
  const record = only.records[0]!;
  return {
    value: only.value,
    confirmedBy: {
      occid: record.occid,
      recordedBy: record.recordedBy ?? '',
      recordNumber: record.recordNumber ?? '',
      eventDate: record.eventDate ?? '',
    },
  };
}

/** The values a confirmed proposal's sentence names: the record and the label data it shares. */
export const confirmationWords = (c: LegacyConfirmation) => ({
  occid: String(c.occid),
  collector: c.recordedBy,
  number: c.recordNumber,
  date: c.eventDate,
});
