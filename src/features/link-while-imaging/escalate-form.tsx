import { useEffect, useRef, useState } from 'react';
import type { EscalationReason } from '../../domain/escalation';
import { EXPERT_REQUIRED } from '../../domain/processing-status';
import { StatusLine } from '../../ui/status-line';
import { useScannerCapture } from '../../ui/use-scanner-capture';
import { ReasonSelect } from '../../ui/reason-select';
import { useStepKeys } from '../../ui/use-step-keys';
import type { Candidate } from './find-record';

export interface EscalationInput {
  barcode: string;
  reason: EscalationReason;
  note: string;
}

interface Props {
  initialReason: EscalationReason;
  candidates: Candidate[];
  context: string;
  commentsOn: boolean;
  /** Resolves to a message when nothing (or not everything) was written, null when done. */
  onSubmit: (input: EscalationInput) => Promise<string | null>;
  onBack: () => void;
}

/** One keyboard-only form: scan the barcode, type a note, Enter. */
export function EscalateForm({ initialReason, candidates, context, commentsOn, onSubmit, onBack }: Props) {
  const barcodeField = useRef<HTMLInputElement>(null);
  const noteField = useRef<HTMLInputElement>(null);
  const [barcode, setBarcode] = useState('');
  const [reason, setReason] = useState<EscalationReason>(initialReason);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => barcodeField.current?.focus(), []);
  useStepKeys({ Escape: onBack }, { active: !busy, inFields: ['Escape'] });
  useScannerCapture({
    active: !busy,
    field: barcodeField,
    onScan: (code) => {
      setBarcode(code);
      noteField.current?.focus();
    },
  });

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const refused = await onSubmit({ barcode, reason, note });
    if (refused === null) return;
    setBusy(false);
    setProblem(refused);
  };

  return (
    <form
      className="step-panel escalate"
      aria-labelledby="escalate-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="escalate-heading">Escalate to a supervisor</h2>
      <p>
        A record is created for this sheet&apos;s barcode with status <strong>{EXPERT_REQUIRED}</strong>
        {commentsOn ? ', with a portal comment giving the reason (portal comments are public)' : ''}.{' '}
        {candidates.length > 0
          ? `Records for the supervisor to compare: ${candidates
              .map(
                (c) =>
                  `record ${c.record.occid}${c.record.catalogNumber ? ` (${c.record.catalogNumber})` : ''}`,
              )
              .join(', ')}.`
          : null}{' '}
        You typed: {context}.
      </p>
      <label>
        Barcode of the sheet in hand
        <input
          ref={barcodeField}
          value={barcode}
          onChange={(e) => setBarcode(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey && barcode !== '')) {
              e.preventDefault();
              noteField.current?.focus();
            }
          }}
          autoComplete="off"
          spellCheck={false}
          readOnly={busy}
        />
      </label>
      <label>
        Note for the supervisor
        <input
          ref={noteField}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoComplete="off"
          readOnly={busy}
          placeholder="What you see on the sheet (optional)"
        />
      </label>
      <ReasonSelect value={reason} onChange={setReason} disabled={busy} />
      {busy ? <StatusLine tone="info">Writing the escalation to the portal…</StatusLine> : null}
      {problem ? <StatusLine tone="error">{problem}</StatusLine> : null}
      <div className="step-actions">
        <button type="submit" disabled={busy}>
          Escalate <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onBack}>
          Back <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
