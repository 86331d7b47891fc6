import { useEffect, useRef } from 'react';
import type { LabelHints } from '../../domain/sheet-reading';
import type { DateOrder } from '../../domain/label-date';
import { statusLabel } from '../../domain/processing-status';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { LabelHintsTable } from '../../ui/label-hints';
import { MergePreviewTable } from '../../ui/merge-preview-table';
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

/**
 * One duplicate without image or barcode: the merge preview holds the legacy record's data beside the image
 * record's and the result, next to the sheet; the label as the station read it, when it has.
 */
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
  const say = useSay();
  const sayRich = useSayRich();
  const merging = step.kind === 'merging';
  useEffect(() => panel.current?.focus(), []);
  useStepKeys({ m: onMerge, x: onEscalate, Escape: onBack }, { active: !merging });
  const { legacy, preview } = step;
  return (
    <section ref={panel} className="step-panel compare" tabIndex={-1} aria-labelledby="compare-heading">
      <h2 id="compare-heading">
        {say('unprocessed.compare.heading', {
          occid: String(legacy.record.occid),
          accession: step.check.accession.value,
        })}
      </h2>
      <p>{sayRich('unprocessed.compare.hint')}</p>
      {labelHints ? (
        <LabelHintsTable record={legacy.record} hints={labelHints} dateOrder={dateOrder} today={today} />
      ) : null}
      <MergePreviewTable preview={preview} />
      <p className="hint">
        {say('unprocessed.compare.status-note', {
          linkedStatus: linkedStatus === null ? null : say(statusLabel(linkedStatus)),
        })}
      </p>
      <div className="step-actions">
        <button
          type="button"
          onClick={onMerge}
          disabled={merging || !preview.barcodeSurvives}
          aria-keyshortcuts="M"
        >
          {sayRich(merging ? 'unprocessed.compare.merging' : 'unprocessed.compare.merge')}
        </button>
        <button type="button" onClick={onEscalate} disabled={merging} aria-keyshortcuts="X">
          {sayRich('unprocessed.compare.escalate')}
        </button>
        <button type="button" onClick={onBack} disabled={merging} aria-keyshortcuts="Escape">
          {sayRich('unprocessed.back')}
        </button>
      </div>
    </section>
  );
}
