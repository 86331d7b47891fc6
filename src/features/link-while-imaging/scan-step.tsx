import { useCallback, useEffect, useRef, useState } from 'react';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { useTell, type Told } from '../../i18n/told';
import { useScannerCapture } from '../../ui/use-scanner-capture';
import { StatusLine } from '../../ui/status-line';
import type { Candidate } from './find-record';

interface Props {
  candidate: Candidate;
  label: string;
  /** Runs the station's checks; a message when the scan cannot be used, null when it was taken. */
  onScan: (raw: string) => Told | null;
  onBack: () => void;
  onEscalate: () => void;
}

/** Step 4: the barcode. The field has focus, and a scan made while focus is elsewhere is caught too. */
export function ScanStep({ candidate, label, onScan, onBack, onEscalate }: Props) {
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Told | null>(null);
  const say = useSay();
  const sayRich = useSayRich();
  const tell = useTell();

  useEffect(() => field.current?.focus(), []);

  const submit = useCallback(
    (raw: string) => {
      const refused = onScan(raw);
      if (refused === null) return;
      setProblem(refused);
      setText(raw.trim());
      field.current?.focus();
      field.current?.select();
    },
    [onScan],
  );

  useScannerCapture({ active: true, field, onScan: submit });

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || (event.key === 'Tab' && text !== '')) {
      event.preventDefault();
      submit(text);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onBack();
    }
  };

  return (
    <section className="step-panel scan" aria-labelledby="scan-heading">
      <h2 id="scan-heading">{say('imaging.scan.heading')}</h2>
      <p>{sayRich('imaging.scan.linking-to', { label, occid: String(candidate.record.occid) })}</p>
      <label>
        {say('imaging.scan.barcode')}
        <input
          ref={field}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby="scan-hint"
        />
      </label>
      <span id="scan-hint" className="hint">
        {sayRich('imaging.scan.hint')}
      </span>
      {problem ? <StatusLine tone="error">{tell(problem)}</StatusLine> : null}
      <div className="step-actions">
        <button type="button" onClick={onBack}>
          {sayRich('imaging.scan.back')}
        </button>
        <button type="button" onClick={onEscalate}>
          {say('imaging.scan.escalate')}
        </button>
      </div>
    </section>
  );
}
