import { useSay } from '../../i18n/use-say';
import { StatusLine } from '../../ui/status-line';

interface Props {
  loggedIn: string;
  editorUser: string;
  onLogOut: () => Promise<void>;
  onRecheck: () => Promise<void>;
}

/**
 * The portal's editor pages answer as someone other than who logged in here: on a portal at the web root its
 * logout does not end their session. Anything saved now would carry the other name, so the station shows no
 * screen until it is sorted out.
 */
export function SomeoneElseLoggedIn({ loggedIn, editorUser, onLogOut, onRecheck }: Props) {
  const say = useSay();
  return (
    <section className="panel" aria-labelledby="someone-else-heading">
      <h2 id="someone-else-heading">{say('session.someone-else.heading', { user: editorUser })}</h2>
      <StatusLine tone="error">
        {say('session.someone-else.text', { user: editorUser, me: loggedIn })}
      </StatusLine>
      <p>{say('session.someone-else.next')}</p>
      <button type="button" onClick={() => void onRecheck()}>
        {say('session.someone-else.recheck')}
      </button>{' '}
      <button type="button" onClick={() => void onLogOut()}>
        {say('session.log-out')}
      </button>
    </section>
  );
}
