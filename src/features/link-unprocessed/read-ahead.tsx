import type { UnprocessedStore } from './unprocessed-store';
import { useReadAheadFirstSheet } from './use-read-ahead';

/** Reads the first sheet of Option 2's queue right after login (use-read-ahead.ts); shows nothing. */
export function ReadAheadFirstSheet({ store }: { store: UnprocessedStore }) {
  useReadAheadFirstSheet(store);
  return null;
}
