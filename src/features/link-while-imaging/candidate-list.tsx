import { useEffect, useRef } from 'react';
import { hasBarcode } from '../../domain/occurrence';
import { say } from '../../i18n/intl';
import { listboxKey } from '../../ui/listbox-keys';
import { localityLine } from '../../ui/record-card';
import type { SearchOutcome } from './find-record';

interface Props {
  search: SearchOutcome;
  highlighted: number;
  onHighlight: (index: number) => void;
  onChoose: (index: number) => void;
  onBack: () => void;
  onEscalate: () => void;
}

/** Step 2 with several records (or none): pick with the arrow keys and Enter, or escalate. */
export function CandidateList({ search, highlighted, onHighlight, onChoose, onBack, onEscalate }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const none = search.candidates.length === 0;
  useEffect(() => list.current?.focus(), []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') onBack();
    else if (event.key === 'e' || event.key === 'E') onEscalate();
    else if (
      (event.key === 'Enter' && event.target !== event.currentTarget) ||
      !listboxKey(event.key, search.candidates.length, highlighted, {
        highlight: onHighlight,
        choose: onChoose,
      })
    )
      return;
    event.preventDefault();
  };

  return (
    <section className="step-panel" aria-labelledby="results-heading">
      <h2 id="results-heading">
        {none
          ? 'No record found'
          : `${search.candidates.length + search.notShown} records answer this search`}
      </h2>
      {none ? (
        <p>
          Check what you typed against the sheet and search again (<kbd>Esc</kbd>). If it is right, escalate
          it to a supervisor (<kbd>E</kbd>): you will scan the barcode and add a note.
        </p>
      ) : (
        <p>
          Pick the one that matches the sheet: <kbd>↑</kbd> <kbd>↓</kbd> then <kbd>Enter</kbd>. Never guess —
          if none fits, or you cannot tell, escalate (<kbd>E</kbd>).
          {search.notShown > 0
            ? ` Only the first ${search.candidates.length} are shown; narrow the search to see the rest.`
            : null}
        </p>
      )}
      <div
        ref={list}
        role="listbox"
        tabIndex={0}
        aria-label="Records found"
        aria-activedescendant={none ? undefined : `candidate-${highlighted}`}
        onKeyDown={onKeyDown}
        className="candidate-list"
      >
        {search.candidates.map((c, i) => (
          <div
            key={c.record.occid}
            id={`candidate-${i}`}
            role="option"
            aria-selected={i === highlighted}
            className="candidate"
          >
            <strong>
              {c.record.recordedBy ?? 'no collector'} {c.record.recordNumber ?? 'no number'}
            </strong>
            <span>{c.record.eventDate ?? 'no date'}</span>
            <i>{c.record.sciname ?? 'no taxon'}</i>
            <span>{localityLine(c.record) || 'no locality'}</span>
            <span>Other catalog numbers: {c.otherCatalogNumbers ?? '—'}</span>
            {c.unreadable ? (
              <span className="unreadable">
                {say('records.unreadable', { occid: c.record.occid })} {say(c.unreadable)}
              </span>
            ) : (
              <span>
                {hasBarcode(c.record) ? `Barcode ${c.record.catalogNumber}` : 'No barcode'} ·{' '}
                {c.record.images.length > 0 ? `${c.record.images.length} image(s)` : 'no image'}
                {c.record.recordSecurity === 5 ? ' · hidden from the public' : ''}
              </span>
            )}
          </div>
        ))}
        {none ? <p className="hint">Nothing to pick.</p> : null}
      </div>
      <div className="step-actions">
        <button type="button" onClick={onBack} aria-keyshortcuts="Escape">
          Correct the search <kbd>Esc</kbd>
        </button>
        <button type="button" onClick={onEscalate} aria-keyshortcuts="E">
          Escalate to a supervisor <kbd>E</kbd>
        </button>
      </div>
    </section>
  );
}
