import { setupWorker } from 'msw/browser';
import { FakeSymbiota } from './fake-portal';
import { fakeSymbiotaHandlers } from './handlers';
import {
  DEFAULT_PROFILE,
  isProfileName,
  PORTAL_PROFILES,
  withLegacyStamps,
  type PortalProfile,
} from './profiles';
import { demoState, type FakeState } from './state';

const PROFILE_KEY = 'specimen-linker.demo-portal.profile';
/** Where the demo's sheet images are served (public/demo), whatever root the portal plays. */
const MEDIA_ROOT = '/demo';

/**
 * The kind of portal the demo plays: `?portal=NAME` in the address chooses it and is remembered on this
 * browser; otherwise a fresh install's configuration.
 */
function chosenProfile(): PortalProfile {
  const asked = new URLSearchParams(window.location.search).get('portal');
  if (isProfileName(asked)) localStorage.setItem(PROFILE_KEY, asked);
  const kept = localStorage.getItem(PROFILE_KEY);
  return PORTAL_PROFILES[isProfileName(kept) ? kept : DEFAULT_PROFILE];
}

declare global {
  interface Window {
    /** The demo portal's database, for the end-to-end tests to check what the portal holds. */
    __demoPortal?: FakeSymbiota;
  }
}

/**
 * The editor folder's PHP session of a portal at the web root (FakeSymbiota.user) lives in a session cookie
 * on a real portal, so it ends with the browser. The demo keeps it in sessionStorage: it ends with the tab.
 */
const editorSessionKey = (key: string) => `${key}.editor-session`;

function restore(key: string, profile: PortalProfile): FakeState {
  const fresh = () => withLegacyStamps(demoState(), profile.legacyStamps);
  const saved = localStorage.getItem(key);
  if (saved === null) return fresh();
  try {
    const state = JSON.parse(saved) as FakeState;
    const editor = sessionStorage.getItem(editorSessionKey(key));
    return { ...state, editorSession: editor === null ? null : (JSON.parse(editor) as number | null) };
  } catch {
    return fresh();
  }
}

const CANNOT_START =
  'The demo portal could not start in this browser (its service worker does not take the page).';
const RELOADED_KEY = 'specimen-linker.demo-portal.reloaded-for-worker';

/**
 * MSW's worker unregisters itself when the page that goes away seems to be its last client. On a reload the
 * new page may not be counted yet: it then starts uncontrolled, and its requests would reach the static file
 * server instead of the demo portal (the station would say the portal answered with a page it does not
 * know). Wait a moment for the worker to take the page; if it does not, load the page once more, where the
 * worker is registered again and takes it (the reload spec, 4 failures in 8 runs before, 10 passes in 10).
 */
async function pageControlled() {
  const sw = navigator.serviceWorker;
  if (sw.controller === null) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, 1500);
      sw.addEventListener('controllerchange', done, { once: true });
    });
  }
  if (sw.controller !== null) {
    sessionStorage.removeItem(RELOADED_KEY);
    return;
  }
  if (sessionStorage.getItem(RELOADED_KEY) === null) {
    sessionStorage.setItem(RELOADED_KEY, '1');
    window.location.reload();
    // The page goes away; should it not (a reload refused), say so rather than wait for ever.
    await new Promise<never>((_, reject) => setTimeout(() => reject(new Error(CANNOT_START)), 10_000));
  }
  throw new Error(CANNOT_START);
}

/** Starts the in-browser demo portal; its data survive a reload until "Reset demo data". */
export async function startDemoPortal() {
  const profile = chosenProfile();
  // Each kind of portal keeps its own database: they hold the legacy stamps in different places.
  const STORAGE_KEY = `specimen-linker.demo-portal.v2.${profile.name}`;
  // The demo's database is written to localStorage a moment after it changes (and when the page goes
  // away), not on every change: a large benchmark queue would otherwise be serialised on every save.
  let pending: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  let resetting = false;
  const persist = () => {
    pending = null;
    if (resetting) return;
    try {
      const { editorSession, ...kept } = fake.state;
      localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
      sessionStorage.setItem(editorSessionKey(STORAGE_KEY), JSON.stringify(editorSession ?? null));
    } catch {
      if (!warned) console.warn('The demo portal is too large to keep over a reload; it works until then.');
      warned = true;
    }
  };
  const fake: FakeSymbiota = new FakeSymbiota({
    state: restore(STORAGE_KEY, profile),
    profile,
    onChange: () => {
      pending ??= setTimeout(persist, 200);
    },
  });
  window.addEventListener('pagehide', () => {
    if (pending !== null) {
      clearTimeout(pending);
      persist();
    }
  });
  fake.changed();
  const worker = setupWorker(...fakeSymbiotaHandlers(fake, profile.rootPath, MEDIA_ROOT));
  worker.events.on('request:match', () => {
    fake.requestsReceived++;
  });
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: './mockServiceWorker.js' },
  });
  await pageControlled();
  window.__demoPortal = fake;
  return {
    rootPath: profile.rootPath,
    profileLabel: profile.label,
    reset() {
      resetting = true;
      if (pending !== null) clearTimeout(pending);
      localStorage.removeItem(STORAGE_KEY);
      sessionStorage.removeItem(editorSessionKey(STORAGE_KEY));
      localStorage.removeItem('specimen-linker.session');
      window.location.reload();
    },
  };
}
