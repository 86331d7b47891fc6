import { describe, expect, it } from 'vitest';
import { EMPTY_BURST, feedBurst, type BurstAction } from '../../src/ui/scanner-burst';

/** Feeds keys at a fixed gap and returns every action, the way a scanner would send them. */
function scan(keys: string[], gapMs: number, startAt = 1000) {
  let state = EMPTY_BURST;
  const actions: BurstAction[] = [];
  keys.forEach((key, i) => {
    const result = feedBurst(state, key, startAt + i * gapMs);
    state = result.state;
    actions.push(result.action);
  });
  return actions;
}
const chars = (code: string) => [...code];

describe('recognising a scanner burst', () => {
  it.each([
    [0, 'Enter'],
    [0, 'Tab'],
    [80, 'Enter'],
    [80, 'Tab'],
  ])('reads a scan with %i ms between keys ended by %s', (gap, suffix) => {
    const actions = scan([...chars('DEMO0001241'), suffix], gap);
    expect(actions.at(-1)).toEqual({ kind: 'scan', code: 'DEMO0001241' });
    expect(actions.slice(0, -1).every((a) => a.kind === 'swallow')).toBe(true);
  });

  it('loses no character over 200 scans at 0 ms', () => {
    let state = EMPTY_BURST;
    const read: string[] = [];
    let at = 0;
    for (let n = 0; n < 200; n += 1) {
      const code = `DEMO${String(n).padStart(7, '0')}`;
      for (const key of [...chars(code), 'Enter']) {
        const result = feedBurst(state, key, at);
        state = result.state;
        if (result.action.kind === 'scan') read.push(result.action.code);
      }
      at += 500;
    }
    expect(read).toEqual(Array.from({ length: 200 }, (_, n) => `DEMO${String(n).padStart(7, '0')}`));
  });

  it('ignores the Shift a scanner sends for capitals', () => {
    expect(scan(['Shift', 'D', 'Shift', 'E', 'M', 'O', '1', 'Enter'], 5).at(-1)).toEqual({
      kind: 'scan',
      code: 'DEMO1',
    });
  });

  it('lets a lone Enter through, so a focused button still works', () => {
    expect(scan(['Enter'], 0)).toEqual([{ kind: 'pass' }]);
  });

  it('does not take slow typing followed by Enter for a scan', () => {
    expect(scan([...chars('DEMO1'), 'Enter'], 400).at(-1)).toEqual({ kind: 'pass' });
  });

  it('does not take a short burst for a scan', () => {
    expect(scan(['1', '2', 'Enter'], 10).at(-1)).toEqual({ kind: 'pass' });
  });

  it('starts over after a pause, keeping only the new burst', () => {
    let state = EMPTY_BURST;
    state = feedBurst(state, 'x', 0).state;
    let result = feedBurst(state, 'D', 5000);
    for (const [i, key] of chars('EMO0001241').entries()) result = feedBurst(result.state, key, 5001 + i);
    expect(feedBurst(result.state, 'Enter', 5020).action).toEqual({ kind: 'scan', code: 'DEMO0001241' });
  });
});
