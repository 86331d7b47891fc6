import { useEffect, useRef } from 'react';
import type { LabelHints } from '../../domain/sheet-reading';
import type { DateOrder } from '../../domain/label-date';
import { LabelHintsTable } from '../../ui/label-hints';
import { MergePreviewTable } from '../../ui/merge-preview-table';
import { RecordCard } from '../../ui/record-card';
import { useStepKeys } from '../../ui/use-step-keys';
import type { Step } from './unprocessed-store';

type Compare = Extract<Step, { kind: 'compare' | 'merging' }>;

interface Props {
  step: Compare;
  linkedStatus: string | null;
  /** The sheet's label as the station read it, when it has. */
  labelHints: LabelHints | null;
  dateOrder: DateOrder;
  today: string;
  onMerge: () => void;
  onEscalate: () => void;
  onBack: () => void;
}

/** One duplicate without image or barcode: the legacy record's data next to the sheet, and the merge preview. */
export function CompareStep({
  step,
  linkedStatus,
  labelHints,
  dateOrder,
  today,
  onMerge,
  onEscalate,
  onBack,
}: Props) {
  const panel = useRef<HTMLElement>(null);
  const merging = step.kind === 'merging';
  useEffect(() => panel.current?.focus(), []);
  useStepKeys({ m: onMerge, x: onEscalate, Escape: onBack }, { active: !merging });
  const { legacy, preview } = step;
  return (
    <section ref={panel} className="step-panel compare" tabIndex={-1} aria-labelledby="compare-heading">
      <h2 id="compare-heading">
        Record {legacy.record.occid} already holds accession {step.check.accession.value}: is it this sheet?
      </h2>
      <p>
        Check taxon, collector and locality on the label in the image against the legacy record. <kbd>M</kbd>{' '}
        merges, <kbd>X</kbd> sends it to an expert, <kbd>Esc</kbd> goes back.
      </p>
      <RecordCard
        record={legacy.record}
        otherCatalogNumbers={legacy.otherCatalogNumbers}
        title="Legacy record"
      />
      {labelHints ? (
        <LabelHintsTable record={legacy.record} hints={labelHints} dateOrder={dateOrder} today={today} />
      ) : null}
      <MergePreviewTable preview={preview} />
      <p className="hint">
        The merge copies the image record&apos;s status onto a legacy record without one (PROTOCOL rec. 10a);{' '}
        {linkedStatus
          ? `the station then sets the status to "${linkedStatus}".`
          : 'the station puts the legacy record’s own status back afterwards, in a logged save.'}{' '}
        The portal logs no edit for a merge, so this station keeps both records in its journal.
      </p>
      <div className="step-actions">
        <button
          type="button"
          onClick={onMerge}
          disabled={merging || !preview.barcodeSurvives}
          aria-keyshortcuts="M"
        >
          {merging ? 'Merging…' : 'Merge'} <kbd>M</kbd>
        </button>
        <button type="button" onClick={onEscalate} disabled={merging} aria-keyshortcuts="X">
          Expert Required <kbd>X</kbd>
        </button>
        <button type="button" onClick={onBack} disabled={merging} aria-keyshortcuts="Escape">
          Back <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
