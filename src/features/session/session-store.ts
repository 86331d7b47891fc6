import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface SessionStore {
  /** The portal has no "who am I" endpoint (PROTOCOL §2.1), so the station remembers who logged in. */
  username: string | null;
  /** When this user's work session on the station began (ms): "This session" lists what they did since. */
  since: number | null;
  /** The collection chosen on this station when the configuration leaves it open. */
  chosenCollid: number | null;
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
      // Logging in again in place (a session that timed out) continues the same work session.
      loggedIn: (username) =>
        set((s) => (s.username === username && s.since !== null ? {} : { username, since: Date.now() })),
      loggedOut: () => set({ username: null, since: null }),
      collectionChosen: (chosenCollid) => set({ chosenCollid }),
    }),
    { name: 'specimen-linker.session' },
  ),
);

/** Who is logged in on this station now, for code outside React (the outbox). */
export const currentSessionUser = () => useSessionStore.getState().username;

export const useSessionUser = () => useSessionStore((s) => s.username);
export const useSessionSince = () => useSessionStore((s) => s.since);
export const useChosenCollection = () => useSessionStore((s) => s.chosenCollid);
export const useSessionEvents = () => ({
  loggedIn: useSessionStore.getState().loggedIn,
  loggedOut: useSessionStore.getState().loggedOut,
  collectionChosen: useSessionStore.getState().collectionChosen,
});
