import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { EscalationReason } from '../../domain/escalation';
import { EXPERT_REQUIRED, statusLabel } from '../../domain/processing-status';
import type { Said } from '../../domain/said';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { told, useTell, type Told } from '../../i18n/told';
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
  /** The reason when the station knows it; null when the technician must choose one. */
  initialReason: EscalationReason | null;
  candidates: Candidate[];
  /** What the technician typed, as the form says it. */
  context: Said;
  commentsOn: boolean;
  /** Resolves to what to say when nothing (or not everything) was written, null when done. */
  onSubmit: (input: EscalationInput) => Promise<Told[] | null>;
  onBack: () => void;
}

/** One keyboard-only form: scan the barcode, type a note, Enter. */
export function EscalateForm({ initialReason, candidates, context, commentsOn, onSubmit, onBack }: Props) {
  const barcodeField = useRef<HTMLInputElement>(null);
  const noteField = useRef<HTMLInputElement>(null);
  const reasonField = useRef<HTMLSelectElement>(null);
  const [barcode, setBarcode] = useState('');
  const [reason, setReason] = useState<EscalationReason | null>(initialReason);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Told[] | null>(null);
  const intl = useIntl();
  const say = useSay();
  const sayRich = useSayRich();
  const tell = useTell();
  const records = intl.formatList(
    candidates.map((c) =>
      say('imaging.escalate.candidate', {
        occid: String(c.record.occid),
        barcode: c.record.catalogNumber || null,
      }),
    ),
    { type: 'unit' },
  );

  useEffect(() => barcodeField.current?.focus(), []);
  useStepKeys({ Escape: onBack }, { active: !busy, inFields: ['Escape'] });
  useScannerCapture({
    active: !busy,
    field: barcodeField,
    onScan: (code) => {
      setBarcode(code);
      afterBarcode();
    },
  });

  /** From the barcode, Enter goes on to what is still to fill: the reason if none is chosen, else the note. */
  const afterBarcode = () => (reason === null ? reasonField.current : noteField.current)?.focus();

  const submit = async () => {
    if (busy) return;
    if (reason === null) {
      setProblem([told('reason.missing')]);
      reasonField.current?.focus();
      return;
    }
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
      <h2 id="escalate-heading">{say('imaging.escalate.heading')}</h2>
      <p>
        {sayRich('imaging.escalate.intro', {
          status: say(statusLabel(EXPERT_REQUIRED)),
          comments: commentsOn,
        })}{' '}
        {candidates.length > 0 ? `${say('imaging.escalate.candidates', { records })} ` : null}
        {say(context)}
      </p>
      <label>
        {say('imaging.escalate.barcode')}
        <input
          ref={barcodeField}
          value={barcode}
          onChange={(e) => setBarcode(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey && barcode !== '' && reason === null)) {
              e.preventDefault();
              afterBarcode();
            }
          }}
          autoComplete="off"
          spellCheck={false}
          readOnly={busy}
        />
      </label>
      <ReasonSelect
        value={reason}
        onChange={(r) => {
          setReason(r);
          setProblem(null);
        }}
        onEnter={() => noteField.current?.focus()}
        selectRef={reasonField}
        disabled={busy}
      />
      <label>
        {say('imaging.escalate.note')}
        <input
          ref={noteField}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoComplete="off"
          readOnly={busy}
          placeholder={say('imaging.escalate.note-placeholder')}
        />
      </label>
      {busy ? <StatusLine tone="info">{say('imaging.escalate.writing')}</StatusLine> : null}
      {problem ? <StatusLine tone="error">{tell(problem)}</StatusLine> : null}
      <div className="step-actions">
        <button type="submit" disabled={busy}>
          {sayRich('imaging.escalate.submit')}
        </button>
        <button type="button" onClick={onBack}>
          {sayRich('imaging.back')}
        </button>
      </div>
    </form>
  );
}
