import type { PortalClient } from '../../portal/portal';
import { StatusLine } from '../../ui/status-line';
import { usePortalLogin } from './use-portal-login';

interface Props {
  portal: PortalClient;
  collectionName: string | null;
  hint?: string | undefined;
  onLoggedIn: (username: string) => void;
}

/** The portal's own login, with the technician's own account; the password is sent to the portal only. */
export function LoginForm({ portal, collectionName, hint, onLoggedIn }: Props) {
  const { username, setUsername, password, setPassword, problem, busy, submit } = usePortalLogin(
    portal,
    '',
    onLoggedIn,
  );

  return (
    <form className="panel login" onSubmit={(e) => void submit(e)} aria-labelledby="login-heading">
      <h2 id="login-heading">Log in to the portal{collectionName ? ` — ${collectionName}` : ''}</h2>
      <label>
        User name
        <input
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Logging in…' : 'Log in'}
      </button>
      {hint ? <p className="hint">{hint}</p> : null}
      {problem ? <StatusLine tone="error">{problem}</StatusLine> : null}
    </form>
  );
}
