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
  const fake = new FakeSymbiota({
    state: restore(),
    onChange: (state) => localStorage.setItem(STORAGE_KEY, JSON.stringify(state)),
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
      localStorage.removeItem(STORAGE_KEY);
      localStorage.removeItem('specimen-linker.session');
      window.location.reload();
    },
  };
}
