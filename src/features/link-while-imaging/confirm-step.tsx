import { useEffect, useRef } from 'react';
import { hasBarcode } from '../../domain/occurrence';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { RecordCard } from '../../ui/record-card';
import { useStepKeys } from '../../ui/use-step-keys';
import type { Candidate, SearchOutcome } from './find-record';

interface Props {
  search: SearchOutcome;
  candidate: Candidate;
  onMatches: () => void;
  onBack: () => void;
  onEscalate: () => void;
}

/** Step 3: the record next to the sheet. Enter = it matches, Esc = back, E = escalate. */
export function ConfirmStep({ search, candidate, onMatches, onBack, onEscalate }: Props) {
  const panel = useRef<HTMLElement>(null);
  const say = useSay();
  const sayRich = useSayRich();
  const { record, comparison } = candidate;
  const barcoded = hasBarcode(record);
  const disagrees = comparison !== null && !comparison.agrees;
  useEffect(() => panel.current?.focus(), [record.occid]);

  useStepKeys({ Escape: onBack, e: onEscalate, ...(barcoded ? {} : { Enter: onMatches }) });

  return (
    <section ref={panel} className="step-panel confirm" tabIndex={-1} aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{say('imaging.confirm.heading')}</h2>
      {barcoded ? (
        <p className="status-line status-warning" role="status">
          {sayRich('imaging.confirm.already-barcoded', { barcode: record.catalogNumber })}
        </p>
      ) : disagrees ? (
        <p className="status-line status-warning" role="status">
          {sayRich('imaging.confirm.mismatch')}
        </p>
      ) : (
        <p className="hint">{sayRich('imaging.confirm.hint')}</p>
      )}
      <RecordCard
        record={record}
        otherCatalogNumbers={candidate.otherCatalogNumbers}
        comparison={comparison}
        imagesKnown={candidate.imagesKnown}
        title={say('imaging.confirm.card-title', { occid: String(record.occid), by: search.query.kind })}
      />
      <div className="step-actions">
        {barcoded ? null : (
          <button type="button" onClick={onMatches} aria-keyshortcuts="Enter">
            {sayRich('imaging.confirm.matches')}
          </button>
        )}
        <button type="button" onClick={onBack} aria-keyshortcuts="Escape">
          {sayRich('imaging.back')}
        </button>
        <button type="button" onClick={onEscalate} aria-keyshortcuts="E">
          {sayRich(barcoded ? 'imaging.confirm.escalate-barcoded' : 'imaging.confirm.escalate-mismatch')}
        </button>
      </div>
    </section>
  );
}
