import type { Comparison, FieldVerdict } from '../domain/compare';
import { hasBarcode, otherCatalogNumbersOf, type SpecimenRecord } from '../domain/occurrence';
import { statusLabel } from '../domain/processing-status';
import { useSay } from '../i18n/use-say';

interface Props {
  record: SpecimenRecord;
  /** The merged Other Catalog Numbers string from the search row (it shows the legacy column too). */
  otherCatalogNumbers?: string | null;
  comparison?: Comparison | null;
  title?: string;
  /** False when the record came from a search row, which lists no images. */
  imagesKnown?: boolean;
}

function LabelField({
  name,
  value,
  verdict,
}: {
  name: string;
  value: string | null;
  verdict?: FieldVerdict;
}) {
  const say = useSay();
  // A field the technician did not enter gets no verdict.
  const said = verdict && verdict !== 'not-entered' ? say(`record.verdict.${verdict}`) : null;
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
  const say = useSay();
  const accession = otherCatalogNumbers ?? (otherCatalogNumbersOf(record).join('; ') || null);
  return (
    <article className="record-card" aria-label={title ?? say('record.card.name', { occid: record.occid })}>
      <dl className="label-fields">
        <LabelField
          name={say('record.field.collector')}
          value={record.recordedBy}
          verdict={comparison?.collector}
        />
        <LabelField name={say('record.field.number')} value={record.recordNumber} verdict={comparison?.number} />
        <LabelField name={say('record.field.date')} value={record.eventDate} verdict={comparison?.date} />
      </dl>
      <dl className="record-details">
        <div>
          <dt>{say('record.field.taxon')}</dt>
          <dd>
            <i>{record.sciname ?? '—'}</i> {record.family ? `(${record.family})` : null}
          </dd>
        </div>
        <div>
          <dt>{say('record.field.locality')}</dt>
          <dd>{localityLine(record) || '—'}</dd>
        </div>
        <div>
          <dt>{say('record.field.other-catalog-numbers')}</dt>
          <dd>{accession ?? '—'}</dd>
        </div>
        <div>
          <dt>{say('record.field.barcode')}</dt>
          <dd>{hasBarcode(record) ? <strong>{record.catalogNumber}</strong> : say('record.no-barcode')}</dd>
        </div>
        <div>
          <dt>{say('record.field.status')}</dt>
          <dd>{say(statusLabel(record.processingStatus))}</dd>
        </div>
        <div>
          <dt>{say('record.field.record')}</dt>
          <dd>
            {record.occid}
            {record.recordSecurity === 5 ? ` ${say('record.hidden')}` : null}
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
                <img src={src} alt={say('record.image-alt', { occid: record.occid })} height={120} />
              </a>
            ) : null;
          })}
        </div>
      ) : imagesKnown ? (
        <p className="hint">{say('record.no-image')}</p>
      ) : (
        <p className="hint">{say('record.images-unknown')}</p>
      )}
    </article>
  );
}
