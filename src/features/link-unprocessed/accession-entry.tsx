import { useEffect, useRef } from 'react';
import type { LegacyConfirmation } from '../../domain/sheet-reading';
import { confirmationWords } from '../../domain/stamp-confirmation';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';

/** A number read off the stamp, put in the field for the technician to accept (Enter) or replace. */
export interface Proposal {
  value: string;
  confidence: number;
  /** The legacy record that confirmed a number the readings alone left open. */
  confirmedBy?: LegacyConfirmation;
  crop: string | null;
}

interface Props {
  value: string;
  /** The stamp as the station read it; shown while the field holds it. */
  proposal: Proposal | null;
  /** What the reading says when there is no proposal (reading, could not read). */
  readingNote: string | null;
  busy: boolean;
  onType: (value: string) => void;
  onSubmit: () => void;
  onNoStamp: () => void;
  onEscalate: () => void;
  onSkip: () => void;
}

/**
 * What settled a proposal, on the screen for tools that read it (the bench): the readings alone, the legacy
 * record holding the number read, or the gathering's only record holding one a reading came close to.
 */
const settledBy = (p: Proposal) =>
  p.confirmedBy === undefined
    ? 'reading'
    : p.confirmedBy.read === undefined
      ? 'legacy-record'
      : 'near-legacy-record';

/** Step 1: the stamped number read off the image. F-keys so that typing digits never triggers a command. */
export function AccessionEntry({
  value,
  proposal,
  readingNote,
  busy,
  onType,
  onSubmit,
  onNoStamp,
  onEscalate,
  onSkip,
}: Props) {
  const field = useRef<HTMLInputElement>(null);
  const say = useSay();
  const sayRich = useSayRich();
  useEffect(() => {
    if (!busy) field.current?.focus();
  }, [busy]);
  const proposed = proposal !== null && value === proposal.value ? proposal : null;
  // The proposal is selected: Enter accepts it, the first digit typed replaces it.
  const proposedValue = proposed?.value ?? null;
  useEffect(() => {
    if (proposedValue !== null && document.activeElement === field.current) field.current?.select();
  }, [proposedValue]);

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
      aria-label={say('unprocessed.entry.label')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <label>
        {say('unprocessed.entry.stamp')}
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
      {proposed ? (
        <div className="stamp-proposal" role="status" data-settled-by={settledBy(proposed)}>
          {proposed.crop ? <img src={proposed.crop} alt={say('unprocessed.entry.crop')} /> : null}
          <p>
            {proposed.confirmedBy === undefined
              ? sayRich('unprocessed.entry.proposal', {
                  value: proposed.value,
                  confidence: proposed.confidence,
                })
              : sayRich(
                  proposed.confirmedBy.read === undefined
                    ? 'unprocessed.entry.proposal-confirmed'
                    : 'unprocessed.entry.proposal-near-record',
                  {
                    value: proposed.value,
                    read: proposed.confirmedBy.read ?? '',
                    ...confirmationWords(proposed.confirmedBy),
                  },
                )}
          </p>
        </div>
      ) : readingNote ? (
        <p className="hint" role="status">
          {readingNote}
        </p>
      ) : null}
      <p id="accession-hint" className="hint">
        {sayRich('unprocessed.entry.hint')}
      </p>
      <div className="step-actions">
        <button type="submit" disabled={busy}>
          {sayRich(busy ? 'unprocessed.entry.checking' : 'unprocessed.entry.submit')}
        </button>
        <button type="button" onClick={onNoStamp} aria-keyshortcuts="F8" disabled={busy}>
          {sayRich('unprocessed.entry.no-stamp')}
        </button>
        <button type="button" onClick={onEscalate} aria-keyshortcuts="F7" disabled={busy}>
          {sayRich('unprocessed.entry.escalate')}
        </button>
        <button type="button" onClick={onSkip} aria-keyshortcuts="F4" disabled={busy}>
          {sayRich('unprocessed.entry.skip')}
        </button>
      </div>
    </form>
  );
}
