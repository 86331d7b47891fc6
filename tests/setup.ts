import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { resetSessionStore } from '../src/features/session/session-store';
import { setStationLocale } from '../src/i18n/intl';
import en from '../src/i18n/locales/en.json';

// The station speaks English in tests unless a test says otherwise.
beforeAll(() => {
  setStationLocale('en', en);
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
