import type { MergePreview } from '../domain/merge-preview';

const FIELD_NAMES: Record<string, string> = {
  catalogNumber: 'Barcode',
  sciname: 'Taxon',
  scientificNameAuthorship: 'Author',
  family: 'Family',
  recordedBy: 'Collector',
  recordNumber: 'Number',
  eventDate: 'Date',
  country: 'Country',
  stateProvince: 'State',
  county: 'County',
  locality: 'Locality',
  habitat: 'Habitat',
  processingStatus: 'Status',
};

/**
 * What the portal's merge will produce (PROTOCOL §9.3): every field, where its value comes from, and the
 * values the merge drops because the legacy record already has one.
 */
/** Bookkeeping columns every record has its own value for; a difference there loses nothing a person entered. */
const BOOKKEEPING = new Set(['recordID', 'dateEntered', 'recordEnteredBy', 'basisOfRecord', 'occurrenceID']);

export function MergePreviewTable({ preview }: { preview: MergePreview }) {
  const conflicts = preview.fields.filter((f) => f.conflict && !BOOKKEEPING.has(f.field));
  return (
    // A scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1, axe
    // scrollable-region-focusable): tabIndex 0 is the fix axe and WAI give for it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <section className="merge-preview" aria-label="Merge preview" tabIndex={0}>
      <p>
        Merging moves the barcode <strong>{preview.catalogNumber ?? 'none'}</strong>
        {preview.images.some((i) => i.from === 'source') ? ' and the sheet image' : ''} to record{' '}
        {preview.targetOccid}; the image record {preview.sourceOccid} disappears. The legacy record keeps
        every value it has; its empty fields are filled from the image record.
      </p>
      {!preview.barcodeSurvives ? (
        <p className="status-line status-error" role="alert">
          The merge would drop the new barcode: record {preview.targetOccid} already has one. Do not merge.
        </p>
      ) : null}
      {conflicts.length > 0 ? (
        <p className="status-line status-warning" role="status">
          {conflicts.length} field(s) differ; the legacy value is kept and the other is lost:{' '}
          {conflicts.map((c) => FIELD_NAMES[c.field] ?? c.field).join(', ')}.
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Legacy record {preview.targetOccid}</th>
            <th scope="col">Image record {preview.sourceOccid}</th>
            <th scope="col">After the merge</th>
          </tr>
        </thead>
        <tbody>
          {preview.fields.map((f) => (
            <tr
              key={f.field}
              className={f.conflict ? 'conflict' : f.from === 'source' ? 'from-source' : undefined}
            >
              <th scope="row">{FIELD_NAMES[f.field] ?? f.field}</th>
              <td>{f.target ?? '—'}</td>
              <td>{f.source ?? '—'}</td>
              <td>
                {f.result ?? '—'}{' '}
                <span className="hint">
                  {f.conflict
                    ? '(legacy kept, image record value lost)'
                    : f.from === 'source'
                      ? '(from image record)'
                      : ''}
                </span>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Other catalog numbers</th>
            <td colSpan={3}>{preview.identifiers.map((i) => i.value).join('; ') || '—'}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
