import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createIntl, createIntlCache, type IntlConfig, type IntlShape } from 'react-intl';
import type { Said, SaidValue } from '../domain/said';
import type { MessageKey } from './keys';
import { catalogPart } from './areas';
import { shownValues } from './shown-values';

export type { MessageKey } from './keys';

/** The languages the station speaks; English is the source catalog, the others are translations of it. */
export const STATION_LOCALES = ['en', 'es', 'fr', 'pt-BR'] as const;
export type StationLocale = (typeof STATION_LOCALES)[number];
/** A catalog as the app holds it: each message parsed at build time (vite.config.ts precompiledCatalogs). */
export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>;

export const isStationLocale = (value: unknown): value is StationLocale =>
  (STATION_LOCALES as readonly unknown[]).includes(value);

/** The pseudo-language the layout tests run in (src/i18n/pseudo.ts); never offered in the switcher. */
export const PSEUDO_LOCALE = 'en-XA';
export type ShownLocale = StationLocale | typeof PSEUDO_LOCALE;

/** Each language's catalog, one file per area, loaded when the language is first needed (its own chunks). */
const catalogs = import.meta.glob<{ default: Messages }>('./locales/*/*.json');

/** A language's catalog: the part the first screen needs, the part the work screens need, or all of it. */
export async function loadMessages(
  locale: ShownLocale,
  part: 'first' | 'screens' | 'all' = 'all',
): Promise<Messages> {
  if (locale === PSEUDO_LOCALE) {
    const [english, { pseudoMessages }] = await Promise.all([loadMessages('en', part), import('./pseudo')]);
    return pseudoMessages(english);
  }
  const files = Object.entries(catalogs).filter(
    ([path]) => path.startsWith(`./locales/${locale}/`) && (part === 'all' || catalogPart(path) === part),
  );
  const parts = await Promise.all(files.map(([, load]) => load()));
  return Object.assign({}, ...parts.map((p) => p.default)) as Messages;
}

const cache = createIntlCache();
let current: IntlShape | null = null;
const listeners = new Set<(intl: IntlShape) => void>();

let complete = true;
let completed: Promise<void> = Promise.resolve();
let markComplete: () => void = () => {};

/**
 * The whole catalog of the station's language is here: the work screens wait for it (the login screen comes
 * with the first part only, src/i18n/areas.ts).
 */
export const catalogReady = (): Promise<void> => completed;

/**
 * Makes the formatter the station uses (React and code outside it) for this language, and says so.
 * `partial`: only the first screen's part of the catalog; `catalogReady()` waits until the rest is set.
 */
export function setStationLocale(locale: ShownLocale, messages: Messages, partial = false): IntlShape {
  if (partial && complete) {
    complete = false;
    completed = new Promise((resolve) => (markComplete = resolve));
  } else if (!partial && !complete) {
    complete = true;
    markComplete();
  }
  current = createIntl({ locale, messages, defaultLocale: 'en', onError: reportMissing }, cache);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const listener of listeners) listener(current);
  return current;
}

/** Follows the station's language (the app re-renders in the new one). */
export function onStationLocale(listener: (intl: IntlShape) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
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
  return current.formatMessage({ id: code as MessageKey }, shownValues(v, (w) => say(w)) ?? {});
}
