import type { Said } from '../domain/said';
import { useSay } from '../i18n/use-say';
import { useSayRich } from '../i18n/use-say-rich';

/** Shown instead of the app when config.json is missing or wrong: nothing talks to the portal. */
export function ConfigErrorPage({ url, problems }: { url: string; problems: Said[] }) {
  const say = useSay();
  const sayRich = useSayRich();
  return (
    <main className="panel config-error">
      <h1>{say('setup.error.heading')}</h1>
      <p>{sayRich('setup.error.fix', { url })}</p>
      <ul>
        {problems.map((p) => (
          <li key={JSON.stringify(p)}>{say(p)}</li>
        ))}
      </ul>
    </main>
  );
}
