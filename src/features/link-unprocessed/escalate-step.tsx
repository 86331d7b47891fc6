import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { EscalationReason } from '../../domain/escalation';
import { EXPERT_REQUIRED, statusLabel } from '../../domain/processing-status';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { ReasonSelect } from '../../ui/reason-select';
import { StatusLine } from '../../ui/status-line';
import { useStepKeys } from '../../ui/use-step-keys';
import type { Duplicate } from './find-duplicates';

interface Props {
  /** The reason when the station knows it; null when the technician must choose one. */
  reason: EscalationReason | null;
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
  const reasonField = useRef<HTMLSelectElement>(null);
  const [reason, setReason] = useState<EscalationReason | null>(initial);
  const [missing, setMissing] = useState(false);
  const [text, setText] = useState(initialNote);
  const intl = useIntl();
  const say = useSay();
  const sayRich = useSayRich();
  const records = intl.formatList(
    duplicates.map((d) => say('unprocessed.escalate.candidate', { occid: String(d.record.occid) })),
    { type: 'unit' },
  );
  // The reason first when the station does not know it, else the note.
  useEffect(() => (initial === null ? reasonField.current : note.current)?.focus(), [initial]);
  useStepKeys({ Escape: onBack }, { inFields: ['Escape'] });
  return (
    <form
      className="step-panel escalate"
      aria-labelledby="escalate-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason === null) {
          setMissing(true);
          reasonField.current?.focus();
          return;
        }
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
      <ReasonSelect
        value={reason}
        onChange={(r) => {
          setReason(r);
          setMissing(false);
        }}
        onEnter={() => note.current?.focus()}
        selectRef={reasonField}
      />
      <label>
        {say('unprocessed.escalate.note')}
        <input ref={note} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </label>
      {missing ? <StatusLine tone="error">{say('reason.missing')}</StatusLine> : null}
      <div className="step-actions">
        <button type="submit">{sayRich('unprocessed.escalate.submit')}</button>
        <button type="button" onClick={onBack}>
          {sayRich('unprocessed.back')}
        </button>
      </div>
    </form>
  );
}
