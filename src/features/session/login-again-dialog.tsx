import { useQueryClient } from '@tanstack/react-query';
import { taskSettled } from '../../domain/task';
import { useSay } from '../../i18n/use-say';
import { useOutboxView } from '../../ui/outbox-status';
import { useStation } from '../../ui/station';
import { NoticeLine } from '../../ui/status-line';
import { portalQueries } from '../../portal/queries';
import { useSessionEvents } from './session-store';
import { LoginFields } from './login-fields';
import { usePortalLogin } from './use-portal-login';

/**
 * The portal said the session ended: log in again over the current screen. The screen, what was typed and
 * the outbox stay; the waiting writes go out after the login. Another user logging in here does not send
 * them under their name.
 */
export function LoginAgainDialog() {
  const say = useSay();
  const { portal, outbox, username, collid } = useStation();
  const queryClient = useQueryClient();
  const view = useOutboxView(outbox);
  const events = useSessionEvents();
  const login = usePortalLogin(portal, username, async (who) => {
    if (who !== username) {
      // Another person: the station goes on as them; the first user's writes stay kept for them.
      events.loggedIn(who);
      await queryClient.invalidateQueries({ queryKey: portalQueries(portal).session(collid).queryKey });
    }
    outbox.loggedIn(who);
  });
  const waiting = view.tasks.filter((t) => !taskSettled(t) && t.user === username).length;

  if (!view.sessionEnded) return null;

  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="login-again-heading"
        className="panel login dialog"
        onSubmit={(e) => void login.submit(e)}
      >
        <h2 id="login-again-heading">{say('session.login-again.heading')}</h2>
        <p>{say('session.login-again.text', { waiting, user: username })}</p>
        <LoginFields login={login} submitLabel={say('session.login-again.submit')} focus="password" />
        {login.problem ? <NoticeLine notice={{ tone: 'error', words: login.problem }} /> : null}
      </form>
    </div>
  );
}
