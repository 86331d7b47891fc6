import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { Said, SaidValue } from '../domain/said';
import type { MessageKey } from './intl';
import { shownValues } from './shown-values';

/** Words for the screen: a stored code and its values, or a catalog key, in the station's language. */
export function useSay() {
  const intl = useIntl();
  return useCallback(
    function word(words: Said | MessageKey, values?: Record<string, SaidValue>): string {
      const { code, values: v } = typeof words === 'string' ? { code: words, values } : words;
      return intl.formatMessage({ id: code as MessageKey }, shownValues(v, word) ?? {});
    },
    [intl],
  );
}
