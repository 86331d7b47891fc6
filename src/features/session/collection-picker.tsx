import { useState, type FormEvent } from 'react';
import { StatusLine } from '../../ui/status-line';

/** When config.json leaves the collection open: pick one of the configured choices or type its id. */
export function CollectionPicker({
  choices,
  onChosen,
}: {
  choices: number[];
  onChosen: (collid: number) => void;
}) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const collid = Number(typed.trim());
    if (!/^\d+$/.test(typed.trim()) || collid <= 0) {
      setProblem(
        `"${typed}" is not a collection id: the id is a number, the one after collid= in the portal's collection addresses.`,
      );
      return;
    }
    onChosen(collid);
  }

  return (
    <div className="panel">
      <h2>Which collection does this station work on?</h2>
      {choices.length > 0 ? (
        <ul className="choices">
          {choices.map((collid) => (
            <li key={collid}>
              <button type="button" onClick={() => onChosen(collid)}>
                Collection {collid}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit}>
        <label>
          Collection id
          <input
            inputMode="numeric"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-describedby="collection-id-hint"
          />
        </label>
        <button type="submit">Use this collection</button>
      </form>
      <p id="collection-id-hint" className="hint">
        The collection id (collid) is the number at the end of the address of the collection’s page on the
        portal, <code>…/collections/misc/collprofiles.php?collid=3</code>, or after <code>collid=</code> in
        the address of the portal’s editor for that collection. To skip this question, set{' '}
        <code>collectionId</code> in the station’s <code>config.json</code>.
      </p>
      {problem ? <StatusLine tone="error">{problem}</StatusLine> : null}
    </div>
  );
}
