import type { FieldVerdict } from '../domain/compare';
import type { SpecimenRecord } from '../domain/occurrence';
import { compareLabelHints, type LabelHints } from '../domain/sheet-reading';
import type { DateOrder } from '../domain/label-date';
import { useSay } from '../i18n/use-say';

/**
 * Collector, number and date as the station read them off the sheet's printed label, next to the record's,
 * with the record card's per-field agreement. Machine-read: a hint for the eye, never a decision.
 */
export function LabelHintsTable({
  record,
  hints,
  dateOrder,
  today,
}: {
  record: SpecimenRecord;
  hints: LabelHints;
  dateOrder: DateOrder;
  today: string;
}) {
  const say = useSay();
  const comparison = compareLabelHints(record, hints, { order: dateOrder, today });
  const rows: [string, string | null, string | null, FieldVerdict][] = [
    [say('record.field.collector'), hints.collector, record.recordedBy, comparison.collector],
    [say('record.field.number'), hints.number, record.recordNumber, comparison.number],
    [say('record.field.date'), hints.date, record.eventDate, comparison.date],
  ];
  return (
    <table className="label-hints" aria-label={say('record.hints.name')}>
      <caption>{say('record.hints.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{say('record.hints.field')}</th>
          <th scope="col">{say('record.hints.label')}</th>
          <th scope="col">{say('record.hints.record', { occid: record.occid })}</th>
          <th scope="col">{say('record.hints.agreement')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, read, held, verdict]) => (
          <tr key={name} className={`verdict-${verdict}`}>
            <th scope="row">{name}</th>
            <td>{read ?? '—'}</td>
            <td>{held ?? '—'}</td>
            <td>{say(`record.hints.verdict.${verdict}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
