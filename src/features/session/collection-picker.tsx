import { useState, type FormEvent } from 'react';
import { said, type Said } from '../../domain/said';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { NoticeLine } from '../../ui/status-line';

/** When config.json leaves the collection open: pick one of the configured choices or type its id. */
export function CollectionPicker({
  choices,
  onChosen,
}: {
  choices: number[];
  onChosen: (collid: number) => void;
}) {
  const say = useSay();
  const sayRich = useSayRich();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<Said | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const collid = Number(typed.trim());
    if (!/^\d+$/.test(typed.trim()) || collid <= 0) {
      setProblem(said('session.collection.not-an-id', { typed }));
      return;
    }
    onChosen(collid);
  }

  return (
    <div className="panel">
      <h2>{say('session.collection.heading')}</h2>
      {choices.length > 0 ? (
        <ul className="choices">
          {choices.map((collid) => (
            <li key={collid}>
              <button type="button" onClick={() => onChosen(collid)}>
                {say('session.collection.choice', { collid })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit}>
        <label>
          {say('session.collection.id')}
          <input
            inputMode="numeric"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-describedby="collection-id-hint"
          />
        </label>
        <button type="submit">{say('session.collection.use')}</button>
      </form>
      <p id="collection-id-hint" className="hint">
        {sayRich('session.collection.hint')}
      </p>
      {problem ? <NoticeLine notice={{ tone: 'error', words: [problem] }} /> : null}
    </div>
  );
}
