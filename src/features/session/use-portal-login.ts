import { useState, type FormEvent } from 'react';
import { said, type Said } from '../../domain/said';
import { explained } from '../../portal/errors';
import { armEarlyKeys, disarmEarlyKeys } from '../../ui/early-keys';
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
  const [problem, setProblem] = useState<Said[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setProblem([said('session.login.missing')]);
      return;
    }
    setBusy(true);
    setProblem(null);
    // What the technician types while the screen opens is kept for its first field (src/ui/early-keys.ts).
    const form = event.currentTarget as HTMLFormElement;
    armEarlyKeys();
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    try {
      await portal.login(username.trim(), password);
      setPassword('');
      await onLoggedIn(username.trim());
    } catch (error) {
      disarmEarlyKeys();
      form.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
      setProblem(explained(error));
    } finally {
      setBusy(false);
    }
  }

  return { username, setUsername, password, setPassword, problem, busy, submit };
}
