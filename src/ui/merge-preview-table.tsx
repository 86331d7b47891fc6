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
 * What the portal's merge will produce (PROTOCOL §9.3): every field, where its value comes from, and the
 * values the merge drops because the legacy record already has one.
 */
/** Bookkeeping columns every record has its own value for; a difference there loses nothing a person entered. */
const BOOKKEEPING = new Set(['recordID', 'dateEntered', 'recordEnteredBy', 'basisOfRecord', 'occurrenceID']);

export function MergePreviewTable({ preview }: { preview: MergePreview }) {
  const say = useSay();
  const sayRich = useSayRich();
  const fieldName = (field: string) => {
    const key = FIELD_NAMES[field];
    return key ? say(key) : field;
  };
  const conflicts = preview.fields.filter((f) => f.conflict && !BOOKKEEPING.has(f.field));
  return (
    // A scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1, axe
    // scrollable-region-focusable): tabIndex 0 is the fix axe and WAI give for it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <section className="merge-preview" aria-label={say('record.merge.name')} tabIndex={0}>
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
            fields: conflicts.map((c) => fieldName(c.field)).join(', '),
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
          {preview.fields.map((f) => (
            <tr
              key={f.field}
              className={f.conflict ? 'conflict' : f.from === 'source' ? 'from-source' : undefined}
            >
              <th scope="row">{fieldName(f.field)}</th>
              <td>{f.target ?? '—'}</td>
              <td>{f.source ?? '—'}</td>
              <td>
                {f.result ?? '—'}{' '}
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
            <td colSpan={3}>{preview.identifiers.map((i) => i.value).join('; ') || '—'}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
