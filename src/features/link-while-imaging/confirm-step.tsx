import { useEffect, useRef } from 'react';
import { hasBarcode } from '../../domain/occurrence';
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
  const { record, comparison } = candidate;
  const barcoded = hasBarcode(record);
  const disagrees = comparison !== null && !comparison.agrees;
  useEffect(() => panel.current?.focus(), [record.occid]);

  useStepKeys({ Escape: onBack, e: onEscalate, ...(barcoded ? {} : { Enter: onMatches }) });

  return (
    <section ref={panel} className="step-panel confirm" tabIndex={-1} aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">Check the record against the sheet</h2>
      {barcoded ? (
        <p className="status-line status-warning" role="status">
          This record already has barcode <strong>{record.catalogNumber}</strong>. If the sheet in hand is
          another sheet of the same specimen, or the record is the wrong one, escalate (<kbd>E</kbd>): the
          barcode is never overwritten.
        </p>
      ) : disagrees ? (
        <p className="status-line status-warning" role="status">
          What you typed does not match this record (see below). Escalate (<kbd>E</kbd>) unless the sheet
          shows you misread it.
        </p>
      ) : (
        <p className="hint">
          Collector, number and date on the sheet must be the same as here. <kbd>Enter</kbd> if they are,{' '}
          <kbd>E</kbd> if they are not.
        </p>
      )}
      <RecordCard
        record={record}
        otherCatalogNumbers={candidate.otherCatalogNumbers}
        comparison={comparison}
        imagesKnown={candidate.imagesKnown}
        title={`Record ${record.occid} found by ${search.query.kind === 'stamp' ? 'stamped number' : 'collector'}`}
      />
      <div className="step-actions">
        {barcoded ? null : (
          <button type="button" onClick={onMatches} aria-keyshortcuts="Enter">
            It matches the sheet <kbd>Enter</kbd>
          </button>
        )}
        <button type="button" onClick={onBack} aria-keyshortcuts="Escape">
          Back <kbd>Esc</kbd>
        </button>
        <button type="button" onClick={onEscalate} aria-keyshortcuts="E">
          {barcoded ? 'Escalate: already barcoded' : 'Does not match: escalate'} <kbd>E</kbd>
        </button>
      </div>
    </section>
  );
}
