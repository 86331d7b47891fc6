import { useEffect, useState } from 'react';

/**
 * The longest a sheet waits for the station's reading of it before it is shown anyway: the first sheet of
 * a session is read as Option 2 opens (about a second, engine start included); later ones are read while
 * the sheet before them is worked, so they are never held.
 */
export const HOLD_AT_MOST_MS = 2_500;

/**
 * Whether the sheet `key` is still held back while the station reads it, so that the sheet and its
 * proposal appear together (issue 16): a proposal that arrives after the sheet lands in a field the
 * technician may already be reading or typing in. Held only while the reading runs, and never longer than
 * `atMostMs` from when the sheet came up.
 */
export function useHeldWhileReading(
  key: string | null,
  reading: boolean,
  atMostMs = HOLD_AT_MOST_MS,
): boolean {
  const [waitedOut, setWaitedOut] = useState<string | null>(null);
  useEffect(() => {
    if (key === null || !reading) return;
    const timer = setTimeout(() => setWaitedOut(key), atMostMs);
    return () => clearTimeout(timer);
  }, [key, reading, atMostMs]);
  return key !== null && reading && waitedOut !== key;
}
