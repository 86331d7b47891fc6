import { useCallback } from 'react';
import type { Said, SaidValue } from '../domain/said';
import { useSay } from './use-say';

/**
 * Words that name other words: a whole sentence with a task's label in it (`{label}`), kept as codes and
 * worded inside out when shown, so a store keeps no sentence and a language switch rewords it.
 */
export interface Told extends Said {
  inner?: Record<string, Said>;
}

export const told = (
  code: string,
  values?: Record<string, SaidValue>,
  inner?: Record<string, Said>,
): Told => ({
  code,
  ...(values === undefined ? {} : { values }),
  ...(inner === undefined ? {} : { inner }),
});

/** Sentences for the screen in the station's language, each whole, one after another. */
export function useTell() {
  const say = useSay();
  return useCallback(
    (words: Told | readonly Told[] | null | undefined): string => {
      if (words === null || words === undefined) return '';
      const list: readonly Told[] = 'code' in words ? [words] : words;
      return list
        .map((w) => {
          const inner = Object.entries(w.inner ?? {}).map(([name, s]) => [name, say(s)] as const);
          return say({ code: w.code, values: { ...w.values, ...Object.fromEntries(inner) } });
        })
        .join(' ');
    },
    [say],
  );
}
