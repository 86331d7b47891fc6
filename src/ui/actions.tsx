import type { ReactNode } from 'react';
import { useStepKeys } from './use-step-keys';

/**
 * One thing a person can do on a screen, declared once: its label, its key and what it performs. The key
 * and the button run the same code (house style, excalidraw's actions), so they cannot drift apart.
 */
export interface Action {
  /** What the button says. */
  label: ReactNode;
  /** The key (`event.key`), e.g. `m`, `Enter`, `F7`, `Escape`. */
  key: string;
  /** How the key is written on the button, e.g. `M`, `Esc`. */
  keyLabel?: string;
  run: () => void;
  disabled?: boolean;
  /** The key works while a field has focus (Esc). */
  inFields?: boolean;
}

/** The actions' keys, wherever focus is on the page (fields keep their keys, except `inFields`). */
export function useActionKeys(actions: Action[], active = true) {
  const keys = Object.fromEntries(
    actions.map((a) => [a.key, () => (a.disabled ? undefined : a.run())] as const),
  );
  useStepKeys(keys, { active, inFields: actions.filter((a) => a.inFields).map((a) => a.key) });
}

export function ActionButton({ action }: { action: Action }) {
  const shown = action.keyLabel ?? (action.key.length === 1 ? action.key.toUpperCase() : action.key);
  return (
    <button type="button" disabled={action.disabled} onClick={action.run} aria-keyshortcuts={shown}>
      {action.label} <kbd>{shown}</kbd>
    </button>
  );
}
