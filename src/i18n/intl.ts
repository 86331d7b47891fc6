import { createIntl, createIntlCache, type IntlConfig, type IntlShape } from 'react-intl';
import type { Said, SaidValue } from '../domain/said';

/** The languages the station speaks (issue 18 adds es, fr, pt-BR); English is the source catalog. */
export type StationLocale = 'en';
export type Messages = Record<string, string>;
/** Every message the station has: the keys of the English catalog. */
export type MessageKey = keyof typeof import('./locales/en.json');

const cache = createIntlCache();
let current: IntlShape | null = null;

/** The catalog of a language, loaded when needed (its own chunk, not in the first screen's script). */
export async function loadMessages(locale: StationLocale): Promise<Messages> {
  switch (locale) {
    case 'en':
      return (await import('./locales/en.json')).default;
  }
}

/** Makes the formatter the station uses outside React (errors, stored codes) for this language. */
export function setStationLocale(locale: StationLocale, messages: Messages): IntlShape {
  current = createIntl({ locale, messages, defaultLocale: 'en', onError: reportMissing }, cache);
  return current;
}

const reportMissing: NonNullable<IntlConfig['onError']> = (error) => {
  // A missing message is a bug the catalog tests catch; the station then shows the code, never nothing.
  if (error.code === 'MISSING_TRANSLATION') return;
  console.warn(error.message);
};

/** The formatter of the station's language, for React (`RawIntlProvider`) and for code outside it. */
export function stationIntl(): IntlShape {
  if (current === null) throw new Error('The station language was not set before the first screen.');
  return current;
}

/** The sentence for a code and its values, in the station's language; the code itself before any is set. */
export function say(words: Said | MessageKey, values?: Record<string, SaidValue>): string {
  const { code, values: v } = typeof words === 'string' ? { code: words, values } : words;
  if (current === null) return v ? `${code} ${JSON.stringify(v)}` : code;
  return current.formatMessage({ id: code as MessageKey }, v ?? {});
}
