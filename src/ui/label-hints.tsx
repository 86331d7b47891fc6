import type { FieldVerdict } from '../domain/compare';
import type { SpecimenRecord } from '../domain/occurrence';
import { compareLabelHints, type LabelHints } from '../domain/sheet-reading';
import type { DateOrder } from '../domain/label-date';

const VERDICT: Record<FieldVerdict, string> = {
  match: 'agrees with the record',
  mismatch: 'differs from the record',
  missing: 'the record has none',
  'not-entered': 'not read',
};

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
  const comparison = compareLabelHints(record, hints, { order: dateOrder, today });
  const rows: [string, string | null, string | null, FieldVerdict][] = [
    ['Collector', hints.collector, record.recordedBy, comparison.collector],
    ['Number', hints.number, record.recordNumber, comparison.number],
    ['Date', hints.date, record.eventDate, comparison.date],
  ];
  return (
    <table className="label-hints" aria-label="Label read by the station">
      <caption>The sheet&apos;s label as the station read it (machine-read: a hint, check the image)</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Label (machine-read)</th>
          <th scope="col">Record {record.occid}</th>
          <th scope="col">Agreement</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, read, held, verdict]) => (
          <tr key={name} className={`verdict-${verdict}`}>
            <th scope="row">{name}</th>
            <td>{read ?? '—'}</td>
            <td>{held ?? '—'}</td>
            <td>{VERDICT[verdict]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
