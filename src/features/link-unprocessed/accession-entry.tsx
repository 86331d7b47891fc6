import { useEffect, useRef } from 'react';

interface Props {
  value: string;
  busy: boolean;
  onType: (value: string) => void;
  onSubmit: () => void;
  onNoStamp: () => void;
  onEscalate: () => void;
  onSkip: () => void;
}

/** Step 1: the stamped number read off the image. F-keys so that typing digits never triggers a command. */
export function AccessionEntry({ value, busy, onType, onSubmit, onNoStamp, onEscalate, onSkip }: Props) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!busy) field.current?.focus();
  }, [busy]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const action =
      event.key === 'F8' ? onNoStamp : event.key === 'F7' ? onEscalate : event.key === 'F4' ? onSkip : null;
    if (action === null) return;
    event.preventDefault();
    action();
  };

  return (
    <form
      className="accession-entry"
      aria-label="Accession number"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <label>
        Stamped number on the sheet
        <input
          ref={field}
          name="accession"
          value={value}
          onChange={(e) => onType(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          inputMode="numeric"
          readOnly={busy}
          aria-describedby="accession-hint"
        />
      </label>
      <p id="accession-hint" className="hint">
        Read the stamp in the image (<kbd>F2</kbd> zooms to it), type it and press <kbd>Enter</kbd>: the
        duplicates are checked and the record saved or sent on.
      </p>
      <div className="step-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Check and save'} <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onNoStamp} aria-keyshortcuts="F8" disabled={busy}>
          No stamp on the sheet <kbd>F8</kbd>
        </button>
        <button type="button" onClick={onEscalate} aria-keyshortcuts="F7" disabled={busy}>
          Expert Required… <kbd>F7</kbd>
        </button>
        <button type="button" onClick={onSkip} aria-keyshortcuts="F4" disabled={busy}>
          Leave for later <kbd>F4</kbd>
        </button>
      </div>
    </form>
  );
}
