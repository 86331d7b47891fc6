import type { MessageKey } from '../../i18n/intl';
import { useSay } from '../../i18n/use-say';
import type { PortalReads } from '../../portal/portal';
import { LanguageSwitcher } from '../../ui/language-switcher';
import { NoticeLine, StatusLine } from '../../ui/status-line';
import { LoginFields } from './login-fields';
import { usePortalLogin } from './use-portal-login';

interface Props {
  portal: PortalReads;
  collectionName: string | null;
  hint?: MessageKey | undefined;
  /** After Log out: the user the portal's editor pages are still logged in as (a portal at the web root). */
  notice?: string | null;
  onLoggedIn: (username: string) => void;
}

/** The portal's own login, with the technician's own account; the password is sent to the portal only. */
export function LoginForm({ portal, collectionName, hint, notice = null, onLoggedIn }: Props) {
  const say = useSay();
  const login = usePortalLogin(portal, '', onLoggedIn);

  return (
    <form className="panel login" onSubmit={(e) => void login.submit(e)} aria-labelledby="login-heading">
      <LanguageSwitcher />
      <h2 id="login-heading">{say('session.login.heading', { collection: collectionName || null })}</h2>
      <LoginFields login={login} submitLabel={say('session.login.submit')} focus="username" />
      {hint ? <p className="hint">{say(hint)}</p> : null}
      {notice ? (
        <StatusLine tone="warning">{say('session.editor-still-logged-in', { user: notice })}</StatusLine>
      ) : null}
      {login.problem ? <NoticeLine notice={{ tone: 'error', words: login.problem }} /> : null}
    </form>
  );
}
