import { useEffect, useRef } from 'react';
import type { ImagingStore } from './imaging-store';
import { useImaging } from './use-imaging';

interface Props {
  store: ImagingStore;
  /** True while this form is what the technician works in (the find step). */
  current: boolean;
  onSearch: () => void;
}

/** Step 1: the stamped number, or with no stamp the collector, number and date from the label. */
export function FindForm({ store, current, onSearch }: Props) {
  const mode = useImaging(store, (s) => s.mode);
  const query = useImaging(store, (s) => s.query);
  const searching = useImaging(store, (s) => s.step.kind === 'searching');
  const events = store.getState();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (current) {
      first.current?.focus();
      first.current?.select();
    }
  }, [current, mode]);

  const field = (name: keyof typeof query, label: string, hint?: string) => (
    <div className="field">
      <label>
        {label}
        <input
          ref={name === 'stamp' || name === 'collector' ? first : undefined}
          name={name}
          value={query[name]}
          onChange={(e) => events.queryTyped(name, e.target.value)}
          autoComplete="off"
          spellCheck={false}
          inputMode={name === 'stamp' ? 'numeric' : undefined}
          aria-describedby={hint ? `${name}-hint` : undefined}
          readOnly={searching}
        />
      </label>
      {hint ? (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );

  return (
    <form
      className="find-form"
      aria-label="Find the record"
      onSubmit={(e) => {
        e.preventDefault();
        if (!searching) onSearch();
      }}
    >
      <div className="find-mode">
        <button
          type="button"
          aria-pressed={mode === 'no-stamp'}
          aria-keyshortcuts="Alt+N"
          onClick={events.modeToggled}
        >
          {mode === 'stamp' ? 'No stamp on the sheet' : 'Back to the stamped number'} <kbd>Alt+N</kbd>
        </button>
      </div>
      {mode === 'stamp' ? (
        <div className="find-fields">
          {field(
            'stamp',
            'Stamped number',
            'The accession number stamped on the sheet; leading zeros do not matter.',
          )}
        </div>
      ) : (
        <div className="find-fields find-fields-sheet">
          {field('collector', 'Collector last name')}
          {field('number', 'Collector number')}
          {field('date', 'Date', 'As the label writes it: 14 Jul 1961, 7/14/1961, 14.VII.1961, 1961')}
        </div>
      )}
      <button type="submit" disabled={searching}>
        {searching ? 'Searching…' : 'Find'} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
