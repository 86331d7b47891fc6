import type { Comparison, FieldVerdict } from '../domain/compare';
import { hasBarcode, otherCatalogNumbersOf, type SpecimenRecord } from '../domain/occurrence';
import { statusLabel } from '../domain/processing-status';

interface Props {
  record: SpecimenRecord;
  /** The merged Other Catalog Numbers string from the search row (it shows the legacy column too). */
  otherCatalogNumbers?: string | null;
  comparison?: Comparison | null;
  title?: string;
  /** False when the record came from a search row, which lists no images. */
  imagesKnown?: boolean;
}

const VERDICT_TEXT: Record<FieldVerdict, string | null> = {
  match: 'matches the sheet',
  mismatch: 'does not match the sheet',
  missing: 'not in the record',
  'not-entered': null,
};

function LabelField({
  name,
  value,
  verdict,
}: {
  name: string;
  value: string | null;
  verdict?: FieldVerdict;
}) {
  const said = verdict ? VERDICT_TEXT[verdict] : null;
  return (
    <div className={`label-field ${verdict ? `verdict-${verdict}` : ''}`}>
      <dt>{name}</dt>
      <dd>
        <span className="label-value">{value && value.trim() !== '' ? value : '—'}</span>
        {said ? <span className="verdict">{said}</span> : null}
      </dd>
    </div>
  );
}

export const localityLine = (r: SpecimenRecord) =>
  [r.country, r.stateProvince, r.county, r.locality].filter((p) => p && p.trim() !== '').join(', ');

/** What a technician checks against the sheet: collector, number and date first and large. */
export function RecordCard({ record, otherCatalogNumbers, comparison, title, imagesKnown = true }: Props) {
  const accession = otherCatalogNumbers ?? (otherCatalogNumbersOf(record).join('; ') || null);
  return (
    <article className="record-card" aria-label={title ?? `Record ${record.occid}`}>
      <dl className="label-fields">
        <LabelField name="Collector" value={record.recordedBy} verdict={comparison?.collector} />
        <LabelField name="Number" value={record.recordNumber} verdict={comparison?.number} />
        <LabelField name="Date" value={record.eventDate} verdict={comparison?.date} />
      </dl>
      <dl className="record-details">
        <div>
          <dt>Taxon</dt>
          <dd>
            <i>{record.sciname ?? '—'}</i> {record.family ? `(${record.family})` : null}
          </dd>
        </div>
        <div>
          <dt>Locality</dt>
          <dd>{localityLine(record) || '—'}</dd>
        </div>
        <div>
          <dt>Other catalog numbers</dt>
          <dd>{accession ?? '—'}</dd>
        </div>
        <div>
          <dt>Barcode</dt>
          <dd>{hasBarcode(record) ? <strong>{record.catalogNumber}</strong> : 'none yet'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{statusLabel(record.processingStatus)}</dd>
        </div>
        <div>
          <dt>Record</dt>
          <dd>
            {record.occid}
            {record.recordSecurity === 5 ? ' — hidden from public view (you see it as an editor)' : null}
          </dd>
        </div>
      </dl>
      {record.images.length > 0 ? (
        <div className="record-images">
          {record.images.map((image) => {
            const src = image.thumbnailUrl ?? image.webUrl;
            return src ? (
              <a
                key={image.mediaId}
                href={image.webUrl ?? src}
                target="_blank"
                rel="noreferrer"
                tabIndex={-1}
              >
                <img src={src} alt={`Sheet already on record ${record.occid}`} height={120} />
              </a>
            ) : null;
          })}
        </div>
      ) : imagesKnown ? (
        <p className="hint">No image on this record yet.</p>
      ) : (
        <p className="hint">Images on this record are checked when the barcode is saved.</p>
      )}
    </article>
  );
}
