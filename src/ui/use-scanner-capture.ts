import { useEffect, useRef } from 'react';
import { DEFAULT_BURST, EMPTY_BURST, feedBurst, type BurstOptions } from './scanner-burst';

interface Options {
  /** Only while the screen waits for a scan. */
  active: boolean;
  /** The barcode field itself handles its own keys; bursts are caught everywhere else on the page. */
  field: React.RefObject<HTMLInputElement | null>;
  onScan: (code: string) => void;
  burst?: BurstOptions;
  /**
   * When each key arrived; a test can give the scanner's own pace. By default the key's own time stamp:
   * when the page is busy for a moment, keys wait in line and are handled late, but a burst stays a burst.
   */
  clock?: () => number;
}

/**
 * Catches a scan made while focus is elsewhere on the page, so its characters do not go astray and its
 * Enter does not press whatever button has focus. Characters typed outside text fields during the scan
 * step go nowhere anyway, so they are held until the burst is known.
 */
export function useScannerCapture({ active, field, onScan, burst = DEFAULT_BURST, clock }: Options) {
  const state = useRef(EMPTY_BURST);
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (!active) return;
    state.current = EMPTY_BURST;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target === field.current) return;
      if (
        target &&
        (target.isContentEditable ||
          target.tagName === 'TEXTAREA' ||
          (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox'))
      )
        return;
      const next = feedBurst(state.current, event.key, clock ? clock() : event.timeStamp, burst);
      state.current = next.state;
      if (next.action.kind === 'pass') return;
      event.preventDefault();
      event.stopPropagation();
      if (next.action.kind === 'scan') handler.current(next.action.code);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active, field, burst, clock]);
}
