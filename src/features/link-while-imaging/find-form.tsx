import { useEffect, useRef } from 'react';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
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
  const say = useSay();
  const sayRich = useSayRich();

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
      aria-label={say('imaging.find.label')}
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
          {sayRich(mode === 'stamp' ? 'imaging.find.no-stamp' : 'imaging.find.back-to-stamp')}
        </button>
      </div>
      {mode === 'stamp' ? (
        <div className="find-fields">
          {field('stamp', say('imaging.find.stamp'), say('imaging.find.stamp-hint'))}
        </div>
      ) : (
        <div className="find-fields find-fields-sheet">
          {field('collector', say('imaging.find.collector'))}
          {field('number', say('imaging.find.number'))}
          {field('date', say('imaging.find.date'), say('imaging.find.date-hint'))}
        </div>
      )}
      <button type="submit" disabled={searching}>
        {sayRich(searching ? 'imaging.find.searching' : 'imaging.find.submit')}
      </button>
    </form>
  );
}
