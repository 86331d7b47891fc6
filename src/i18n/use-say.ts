import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { Said, SaidValue } from '../domain/said';
import type { MessageKey } from './intl';

/** Words for the screen: a stored code and its values, or a catalog key, in the station's language. */
export function useSay() {
  const intl = useIntl();
  return useCallback(
    (words: Said | MessageKey, values?: Record<string, SaidValue>) =>
      typeof words === 'string'
        ? intl.formatMessage({ id: words }, values)
        : intl.formatMessage({ id: words.code as MessageKey }, words.values ?? {}),
    [intl],
  );
}
