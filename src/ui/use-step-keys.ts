import { useEffect, useRef } from 'react';

type KeyMap = Partial<Record<string, () => void>>;

const isField = (t: HTMLElement) =>
  t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT';
const isControl = (t: HTMLElement) => t.tagName === 'BUTTON' || t.tagName === 'A';

/**
 * A step's single-key shortcuts (Enter, Esc, E…), wherever focus is on the page. Keys typed into a field
 * stay in the field (except those listed in `inFields`), and Enter or Space on a focused button presses that
 * button, not the shortcut.
 */
export function useStepKeys(keys: KeyMap, options: { active?: boolean; inFields?: string[] } = {}) {
  const { active = true, inFields = [] } = options;
  const current = useRef(keys);
  useEffect(() => {
    current.current = keys;
  });
  const fieldKeys = inFields.join('|');
  useEffect(() => {
    if (!active) return;
    const allowed = new Set(fieldKeys.split('|'));
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && isField(target) && !allowed.has(event.key)) return;
      if (target && isControl(target) && (event.key === 'Enter' || event.key === ' ')) return;
      const action = current.current[event.key] ?? current.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, fieldKeys]);
}
