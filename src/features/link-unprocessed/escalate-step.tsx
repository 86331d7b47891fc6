import { useEffect, useRef, useState } from 'react';
import type { EscalationReason } from '../../domain/escalation';
import { ReasonSelect } from '../../ui/reason-select';
import { useStepKeys } from '../../ui/use-step-keys';
import type { Duplicate } from './find-duplicates';

interface Props {
  reason: EscalationReason;
  accession: string | null;
  duplicates: Duplicate[];
  commentsOn: boolean;
  initialNote?: string | undefined;
  onSubmit: (reason: EscalationReason, note: string) => void;
  onBack: () => void;
}

/** Expert Required with a reason and a note: type the note, Enter. */
export function EscalateStep({
  reason: initial,
  accession,
  duplicates,
  commentsOn,
  initialNote = '',
  onSubmit,
  onBack,
}: Props) {
  const note = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState<EscalationReason>(initial);
  const [text, setText] = useState(initialNote);
  useEffect(() => note.current?.focus(), []);
  useStepKeys({ Escape: onBack }, { inFields: ['Escape'] });
  return (
    <form
      className="step-panel escalate"
      aria-labelledby="escalate-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(reason, text);
      }}
    >
      <h2 id="escalate-heading">Expert Required</h2>
      <p>
        The record gets status <strong>expert required</strong>
        {accession ? ` and accession ${accession}, in one save` : ''}
        {commentsOn ? ', and a portal comment with the reason (portal comments are public)' : ''}.
        {duplicates.length > 0
          ? ` Candidates named for the supervisor: ${duplicates.map((d) => `record ${d.record.occid}`).join(', ')}.`
          : ''}
      </p>
      <label>
        Note for the supervisor
        <input ref={note} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </label>
      <ReasonSelect value={reason} onChange={setReason} />
      <div className="step-actions">
        <button type="submit">
          Expert Required <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onBack}>
          Back <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
