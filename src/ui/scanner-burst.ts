/**
 * A keyboard-wedge scanner "types" a code in a burst and ends it with Enter or Tab. Some scanners leave
 * up to ~80 ms between keys, so a burst is any run of characters with gaps of at most `maxGapMs`,
 * at least `minLength` long, closed promptly by Enter or Tab.
 */
export interface BurstOptions {
  maxGapMs: number;
  minLength: number;
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 120, minLength: 4 };

export interface BurstState {
  chars: string;
  lastAt: number | null;
}

export const EMPTY_BURST: BurstState = { chars: '', lastAt: null };

export type BurstAction = { kind: 'swallow' } | { kind: 'pass' } | { kind: 'scan'; code: string };

const IGNORED = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

/** One key of a possible burst: what to do with it, and the state after it. */
export function feedBurst(
  state: BurstState,
  key: string,
  at: number,
  options: BurstOptions = DEFAULT_BURST,
): { state: BurstState; action: BurstAction } {
  if (IGNORED.has(key)) return { state, action: { kind: 'pass' } };
  const prompt = state.lastAt !== null && at - state.lastAt <= options.maxGapMs;
  if (key.length === 1) {
    const chars = prompt ? state.chars + key : key;
    return { state: { chars, lastAt: at }, action: { kind: 'swallow' } };
  }
  if ((key === 'Enter' || key === 'Tab') && prompt && state.chars.length >= options.minLength) {
    return { state: EMPTY_BURST, action: { kind: 'scan', code: state.chars } };
  }
  return { state: EMPTY_BURST, action: { kind: 'pass' } };
}
