import { setupWorker } from 'msw/browser';
import { FakeSymbiota } from './fake-portal';
import { fakeSymbiotaHandlers } from './handlers';
import { demoState, type FakeState } from './state';

const STORAGE_KEY = 'specimen-linker.demo-portal.v1';

declare global {
  interface Window {
    /** The demo portal's database, for the end-to-end tests to check what the portal holds. */
    __demoPortal?: FakeSymbiota;
  }
}

function restore(): FakeState {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === null) return demoState();
  try {
    return JSON.parse(saved) as FakeState;
  } catch {
    return demoState();
  }
}

/** Starts the in-browser demo portal; its data survive a reload until "Reset demo data". */
export async function startDemoPortal(rootPath: string) {
  // The demo's database is written to localStorage a moment after it changes (and when the page goes
  // away), not on every change: a large benchmark queue would otherwise be serialised on every save.
  let pending: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  let resetting = false;
  const persist = () => {
    pending = null;
    if (resetting) return;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(fake.state));
    } catch {
      if (!warned) console.warn('The demo portal is too large to keep over a reload; it works until then.');
      warned = true;
    }
  };
  const fake: FakeSymbiota = new FakeSymbiota({
    state: restore(),
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
  const worker = setupWorker(...fakeSymbiotaHandlers(fake, rootPath));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: './mockServiceWorker.js' },
  });
  window.__demoPortal = fake;
  return {
    reset() {
      resetting = true;
      if (pending !== null) clearTimeout(pending);
      localStorage.removeItem(STORAGE_KEY);
      localStorage.removeItem('specimen-linker.session');
      window.location.reload();
    },
  };
}
