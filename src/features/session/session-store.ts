import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface SessionStore {
  /** The portal has no "who am I" endpoint (PROTOCOL §2.1), so the station remembers who logged in. */
  username: string | null;
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
      chosenCollid: null,
      loggedIn: (username) => set({ username }),
      loggedOut: () => set({ username: null }),
      collectionChosen: (chosenCollid) => set({ chosenCollid }),
    }),
    { name: 'specimen-linker.session' },
  ),
);

/** Who is logged in on this station now, for code outside React (the outbox). */
export const currentSessionUser = () => useSessionStore.getState().username;

export const useSessionUser = () => useSessionStore((s) => s.username);
export const useChosenCollection = () => useSessionStore((s) => s.chosenCollid);
export const useSessionEvents = () => ({
  loggedIn: useSessionStore.getState().loggedIn,
  loggedOut: useSessionStore.getState().loggedOut,
  collectionChosen: useSessionStore.getState().collectionChosen,
});
