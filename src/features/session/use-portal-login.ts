import { useState, type FormEvent } from 'react';
import { explain } from '../../portal/errors';
import type { PortalReads } from '../../portal/portal';

/**
 * The portal login behind both login forms (the first one and the one that opens when the session ends):
 * user name and password as typed, a clear message when either is missing or the portal says no.
 */
export function usePortalLogin(
  portal: PortalReads,
  initialUsername: string,
  onLoggedIn: (username: string) => void | Promise<void>,
) {
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setProblem('Type your portal user name and password.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await portal.login(username.trim(), password);
      setPassword('');
      await onLoggedIn(username.trim());
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setBusy(false);
    }
  }

  return { username, setUsername, password, setPassword, problem, busy, submit };
}
