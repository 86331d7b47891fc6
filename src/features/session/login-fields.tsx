import { useSay } from '../../i18n/use-say';
import type { usePortalLogin } from './use-portal-login';

interface Props {
  login: ReturnType<typeof usePortalLogin>;
  submitLabel: string;
  /** The field the cursor starts in: the user name on a fresh station, the password when logging in again. */
  focus: 'username' | 'password';
}

/** User name, password and the button, as both login forms show them. */
export function LoginFields({ login, submitLabel, focus }: Props) {
  const say = useSay();
  return (
    <>
      <label>
        {say('session.login.user-name')}
        <input
          name="username"
          autoComplete="username"
          autoFocus={focus === 'username'}
          value={login.username}
          onChange={(e) => login.setUsername(e.target.value)}
        />
      </label>
      <label>
        {say('session.login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus={focus === 'password'}
          value={login.password}
          onChange={(e) => login.setPassword(e.target.value)}
        />
      </label>
      <button type="submit" disabled={login.busy}>
        {login.busy ? say('session.login.logging-in') : submitLabel}
      </button>
    </>
  );
}
