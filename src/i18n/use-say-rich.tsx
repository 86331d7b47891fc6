import { useCallback, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { SaidValue } from '../domain/said';
import type { MessageKey } from './keys';

/** The tags a message may use around its words: `Press <kbd>Enter</kbd> to link`, `<strong>…</strong>`. */
const TAGS = {
  kbd: (chunks: ReactNode[]) => <kbd>{chunks}</kbd>,
  strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
  em: (chunks: ReactNode[]) => <em>{chunks}</em>,
  i: (chunks: ReactNode[]) => <i>{chunks}</i>,
  code: (chunks: ReactNode[]) => <code>{chunks}</code>,
};

/**
 * Words with markup, for a sentence that holds a key name or an emphasis: the catalog keeps the whole
 * sentence (Press <kbd>Enter</kbd> to log in.) so a translation can move the key.
 */
export function useSayRich() {
  const intl = useIntl();
  return useCallback(
    (key: MessageKey, values?: Record<string, SaidValue | ReactNode>): ReactNode =>
      intl.formatMessage({ id: key }, { ...TAGS, ...values }) as ReactNode,
    [intl],
  );
}
