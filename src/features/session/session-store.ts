import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface SessionStore {
  /** The portal has no "who am I" endpoint (PROTOCOL §2.1), so the station remembers who logged in. */
  username: string | null;
  /** When this user's work session on the station began (ms): "This session" lists what they did since. */
  since: number | null;
  /** The collection chosen on this station when the configuration leaves it open. */
  chosenCollid: number | null;
  /**
   * Someone pressed Log out here and nobody has logged in since: the login form shows, even when the portal's
   * editor pages still answer as logged in (a portal at the web root does not end their session).
   */
  loggedOutHere: boolean;
  loggedIn: (username: string) => void;
  loggedOut: () => void;
  collectionChosen: (collid: number | null) => void;
}

const useSessionStore = create<SessionStore>()(
  persist(
    (set) => ({
      username: null,
      since: null,
      chosenCollid: null,
      loggedOutHere: false,
      // Logging in again in place (a session that timed out) continues the same work session.
      loggedIn: (username) =>
        set((s) =>
          s.username === username && s.since !== null
            ? { loggedOutHere: false }
            : { username, since: Date.now(), loggedOutHere: false },
        ),
      loggedOut: () => set({ username: null, since: null, loggedOutHere: true }),
      collectionChosen: (chosenCollid) => set({ chosenCollid }),
    }),
    { name: 'specimen-linker.session' },
  ),
);

/** A station as it comes out of the box (for tests: each starts on a fresh station). */
export const resetSessionStore = () =>
  useSessionStore.setState({ username: null, since: null, chosenCollid: null, loggedOutHere: false });

/** Who is logged in on this station now, for code outside React (the outbox). */
export const currentSessionUser = () => useSessionStore.getState().username;

export const useSessionUser = () => useSessionStore((s) => s.username);
export const useSessionSince = () => useSessionStore((s) => s.since);
export const useChosenCollection = () => useSessionStore((s) => s.chosenCollid);
export const useLoggedOutHere = () => useSessionStore((s) => s.loggedOutHere);
export const useSessionEvents = () => ({
  loggedIn: useSessionStore.getState().loggedIn,
  loggedOut: useSessionStore.getState().loggedOut,
  collectionChosen: useSessionStore.getState().collectionChosen,
});
