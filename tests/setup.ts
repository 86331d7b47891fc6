import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { resetSessionStore } from '../src/features/session/session-store';
import { setStationLocale } from '../src/i18n/intl';
import { englishMessages } from '../src/i18n/english';

// A screen loads its code on first use; on a busy two-core machine that can take more than the default second.
configure({ asyncUtilTimeout: 4000 });

// The station speaks English in tests unless a test says otherwise.
beforeAll(() => {
  setStationLocale('en', englishMessages);
});
// A test that let the station follow a portal in another language leaves the next one in English again.
beforeEach(() => {
  setStationLocale('en', englishMessages);
});

// Any console.error during a test fails it (house style): React warnings are bugs.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error during test: ${args.map(String).join(' ')}`);
  });
});

afterEach(() => {
  cleanup();
  // Tests of the readers run in Node, without a DOM.
  if (typeof localStorage !== 'undefined') localStorage.clear();
  resetSessionStore();
  // Every test starts with an empty station journal.
  globalThis.indexedDB = new IDBFactory();
});
