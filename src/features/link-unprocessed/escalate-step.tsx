import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { EscalationReason } from '../../domain/escalation';
import { EXPERT_REQUIRED, statusLabel } from '../../domain/processing-status';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
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
  const intl = useIntl();
  const say = useSay();
  const sayRich = useSayRich();
  const records = intl.formatList(
    duplicates.map((d) => say('unprocessed.escalate.candidate', { occid: String(d.record.occid) })),
    { type: 'unit' },
  );
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
      <h2 id="escalate-heading">{say('unprocessed.escalate.heading')}</h2>
      <p>
        {sayRich('unprocessed.escalate.intro', {
          status: say(statusLabel(EXPERT_REQUIRED)),
          accession,
          comments: commentsOn,
        })}
        {duplicates.length > 0 ? ` ${say('unprocessed.escalate.candidates', { records })}` : null}
      </p>
      <label>
        {say('unprocessed.escalate.note')}
        <input ref={note} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </label>
      <ReasonSelect value={reason} onChange={setReason} />
      <div className="step-actions">
        <button type="submit">{sayRich('unprocessed.escalate.submit')}</button>
        <button type="button" onClick={onBack}>
          {sayRich('unprocessed.back')}
        </button>
      </div>
    </form>
  );
}
