import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { said, type Said } from '../domain/said';
import { parseStampProfile, type StampProfile } from '../domain/stamp-profile';

/**
 * The collection's stamp profile, kept with this station's settings (localStorage): every screen that
 * reads sheets uses it, the stamp profile screen learns, imports and resets it.
 */
const storageKey = (collid: number) => `specimen-linker.stamp-profile.${collid}`;

interface Kept {
  profile: StampProfile | null;
  /** Why a stored profile was set aside (an older version, a damaged entry). */
  problem: Said | null;
}

/** What saving or resetting put in place since the page opened; the rest is read from localStorage. */
const store = createStore<Record<number, Kept>>(() => ({}));
const parsedFrom = new Map<string, Kept>();

function stored(collid: number): Kept {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(storageKey(collid));
  } catch {
    return { profile: null, problem: null };
  }
  if (raw === null) return NONE;
  let found = parsedFrom.get(raw);
  if (!found) {
    try {
      const parsed = parseStampProfile(JSON.parse(raw));
      found = parsed.ok
        ? { profile: parsed.profile, problem: null }
        : { profile: null, problem: parsed.problem };
    } catch {
      found = { profile: null, problem: said('stamp-profile.problem.stored-unreadable') };
    }
    parsedFrom.set(raw, found);
  }
  return found;
}

const NONE: Kept = { profile: null, problem: null };
const kept = (collid: number) => store.getState()[collid] ?? stored(collid);

// Another tab of this station calibrated or reset: read it again.
if (typeof window !== 'undefined')
  window.addEventListener('storage', (event) => {
    const match = /^specimen-linker\.stamp-profile\.(\d+)$/.exec(event.key ?? '');
    if (match) store.setState({ [Number(match[1])]: stored(Number(match[1])) });
  });

/** The collection's stamp profile on this station, or null (the reader's defaults). */
export function useStampProfile(collid: number): StampProfile | null {
  return useStore(store, (s) => s[collid] ?? null)?.profile ?? stored(collid).profile;
}

/** Why a stored profile is not in use, if it is not. */
export function useStampProfileProblem(collid: number): Said | null {
  const override = useStore(store, (s) => s[collid] ?? null);
  return override ? override.problem : stored(collid).problem;
}

/** The profile as it is now, outside React (the reader's background work). */
export const currentStampProfile = (collid: number) => kept(collid).profile;

/** A supervisor calibrated or imported a profile: this station reads with it from now on. */
export function stampProfileSaved(collid: number, profile: StampProfile) {
  localStorage.setItem(storageKey(collid), JSON.stringify(profile));
  store.setState({ [collid]: { profile, problem: null } });
}

/** Back to the reader's defaults. */
export function stampProfileReset(collid: number) {
  localStorage.removeItem(storageKey(collid));
  store.setState({ [collid]: { profile: null, problem: null } });
}
