import { useEffect, useRef } from 'react';
import { hasBarcode } from '../../domain/occurrence';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
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
  const say = useSay();
  const sayRich = useSayRich();
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
          ? say('imaging.results.none')
          : say('imaging.results.heading', { count: search.candidates.length + search.notShown })}
      </h2>
      {none ? (
        <p>{sayRich('imaging.results.none-hint')}</p>
      ) : (
        <p>
          {sayRich('imaging.results.pick', { notShown: search.notShown, shown: search.candidates.length })}
        </p>
      )}
      <div
        ref={list}
        // Nothing to choose from: a group that holds the keys, not an empty list (axe: a listbox needs options).
        role={none ? 'group' : 'listbox'}
        tabIndex={0}
        aria-label={say('imaging.results.label')}
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
              {say('imaging.candidate.collector', {
                collector: c.record.recordedBy,
                number: c.record.recordNumber,
              })}
            </strong>
            <span>{c.record.eventDate ?? say('imaging.candidate.no-date')}</span>
            <i>{c.record.sciname ?? say('imaging.candidate.no-taxon')}</i>
            <span>{localityLine(c.record) || say('imaging.candidate.no-locality')}</span>
            <span>{say('imaging.candidate.other-numbers', { numbers: c.otherCatalogNumbers ?? '—' })}</span>
            {c.unreadable ? (
              <span className="unreadable">
                {say('imaging.candidate.unreadable', { occid: c.record.occid })} {say(c.unreadable)}
              </span>
            ) : (
              <span>
                {say('imaging.candidate.holdings', {
                  barcode: hasBarcode(c.record) ? c.record.catalogNumber : null,
                  images: c.record.images.length,
                  hidden: c.record.recordSecurity === 5,
                })}
              </span>
            )}
          </div>
        ))}
        {none ? <p className="hint">{say('imaging.results.nothing')}</p> : null}
      </div>
      <div className="step-actions">
        <button type="button" onClick={onBack} aria-keyshortcuts="Escape">
          {sayRich('imaging.results.correct')}
        </button>
        <button type="button" onClick={onEscalate} aria-keyshortcuts="E">
          {sayRich('imaging.results.escalate')}
        </button>
      </div>
    </section>
  );
}
