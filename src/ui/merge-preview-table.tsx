import type { MergePreview } from '../domain/merge-preview';
import type { MessageKey } from '../i18n/intl';
import { useSay } from '../i18n/use-say';
import { useSayRich } from '../i18n/use-say-rich';

/** The fields a person reads by name; any other is shown by the portal's own field name. */
const FIELD_NAMES: Record<string, MessageKey> = {
  catalogNumber: 'record.field.barcode',
  sciname: 'record.field.taxon',
  scientificNameAuthorship: 'record.field.author',
  family: 'record.field.family',
  recordedBy: 'record.field.collector',
  recordNumber: 'record.field.number',
  eventDate: 'record.field.date',
  country: 'record.field.country',
  stateProvince: 'record.field.state',
  county: 'record.field.county',
  locality: 'record.field.locality',
  habitat: 'record.field.habitat',
  processingStatus: 'record.field.status',
};

/**
 * What the portal's merge will produce (PROTOCOL §9.3), as a technician compares it with the sheet: the fields
 * a person reads by name, where each value comes from and which the merge drops; the portal's other columns
 * (bookkeeping, codes) only counted, since they follow the same rule and nobody reads them off a sheet.
 */
export function MergePreviewTable({ preview }: { preview: MergePreview }) {
  const say = useSay();
  const sayRich = useSayRich();
  const hasValue = (f: MergePreview['fields'][number]) => Boolean(f.target || f.source);
  const rows = preview.fields.filter((f) => FIELD_NAMES[f.field] !== undefined && hasValue(f));
  const others = preview.fields.filter(
    (f) => FIELD_NAMES[f.field] === undefined && hasValue(f) && f.target !== f.source,
  ).length;
  const conflicts = rows.filter((f) => f.conflict);
  const identifiers = [...new Set(preview.identifiers.map((i) => i.value))];
  return (
    <section className="merge-preview" aria-label={say('record.merge.name')}>
      <p>
        {sayRich('record.merge.moves', {
          barcode: preview.catalogNumber ?? null,
          image: preview.images.some((i) => i.from === 'source'),
          target: preview.targetOccid,
          source: preview.sourceOccid,
        })}
      </p>
      {!preview.barcodeSurvives ? (
        <p className="status-line status-error" role="alert">
          {say('record.merge.drops-barcode', { target: preview.targetOccid })}
        </p>
      ) : null}
      {conflicts.length > 0 ? (
        <p className="status-line status-warning" role="status">
          {say('record.merge.conflicts', {
            count: conflicts.length,
            fields: conflicts.map((c) => say(FIELD_NAMES[c.field]!)).join(', '),
          })}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{say('record.merge.field')}</th>
            <th scope="col">{say('record.merge.legacy', { occid: preview.targetOccid })}</th>
            <th scope="col">{say('record.merge.image-record', { occid: preview.sourceOccid })}</th>
            <th scope="col">{say('record.merge.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr
              key={f.field}
              className={f.conflict ? 'conflict' : f.from === 'source' ? 'from-source' : undefined}
            >
              <th scope="row">{say(FIELD_NAMES[f.field]!)}</th>
              <td translate="no">{f.target ?? '—'}</td>
              <td translate="no">{f.source ?? '—'}</td>
              <td>
                <span translate="no">{f.result ?? '—'}</span>{' '}
                <span className="hint">
                  {f.conflict
                    ? say('record.merge.legacy-kept')
                    : f.from === 'source'
                      ? say('record.merge.from-image')
                      : ''}
                </span>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{say('record.field.other-catalog-numbers')}</th>
            <td colSpan={3} translate="no">
              {identifiers.join('; ') || '—'}
            </td>
          </tr>
        </tbody>
      </table>
      {others > 0 ? <p className="hint">{say('record.merge.other-fields', { count: others })}</p> : null}
    </section>
  );
}
