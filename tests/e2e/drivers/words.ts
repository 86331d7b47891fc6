import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntl } from 'react-intl';
import { pseudoMessages } from '../../../src/i18n/pseudo';

/** The languages the end-to-end tests run the station in: the four it speaks and the layout pseudo-language. */
export type TestLanguage = 'en' | 'es' | 'fr' | 'pt-BR' | 'en-XA';

const LOCALES = join(process.cwd(), 'src', 'i18n', 'locales');

export function catalogOf(locale: Exclude<TestLanguage, 'en-XA'>): Record<string, string> {
  const dir = join(LOCALES, locale);
  return Object.assign(
    {},
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>),
  ) as Record<string, string>;
}

export type Words = (key: string, values?: Record<string, string | number | null>) => string;

/**
 * What the screen says in a language, asked for by its catalog key, so that one driver and one set of steps
 * run in every language: `words('unprocessed.viewer.label', { sheet })` gives "Hoja DEMO0001231" in Spanish.
 * Markup (`<kbd>`) is flattened as a screen reader and Playwright's names see it. A key the English catalog
 * lacks is a mistake in the test and throws.
 */
export function wordsIn(language: TestLanguage): Words {
  const english = catalogOf('en');
  const target = language === 'en-XA' ? pseudoMessages(english) : catalogOf(language);
  const intl = createIntl({ locale: language, messages: target, onError: () => {} });
  const flatten = (chunks: unknown): string => (Array.isArray(chunks) ? chunks.join('') : String(chunks));
  const tags = { kbd: flatten, strong: flatten, em: flatten, i: flatten, code: flatten };
  return (key, values = {}) => {
    if (!(key in english)) throw new Error(`"${key}" is not a key of the station's English catalog.`);
    const text = intl.formatMessage({ id: key }, { ...tags, ...values });
    return Array.isArray(text) ? text.join('') : String(text);
  };
}
