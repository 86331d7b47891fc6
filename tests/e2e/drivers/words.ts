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

export type Words = (english: string, values?: Record<string, string | number>) => string;

/**
 * What the screen says in a language, asked for by its English source text, so that one driver and one set
 * of steps run in every language: `words('Sheet {barcode}', { barcode })` gives "Hoja DEMO0001231" in
 * Spanish. English text that is not a message of the catalog is a mistake in the test and throws.
 */
export function wordsIn(language: TestLanguage): Words {
  const english = catalogOf('en');
  const target = language === 'en-XA' ? pseudoMessages(english) : catalogOf(language);
  const keyOf = new Map<string, string>();
  for (const [key, message] of Object.entries(english)) if (!keyOf.has(message)) keyOf.set(message, key);
  const intl = createIntl({ locale: language, messages: target, onError: () => {} });
  const flatten = (chunks: unknown): string => (Array.isArray(chunks) ? chunks.join('') : String(chunks));
  return (source, values = {}) => {
    const key = keyOf.get(source);
    if (key === undefined) throw new Error(`"${source}" is not an English message of the station's catalog.`);
    const tags = { kbd: flatten, strong: flatten, em: flatten, i: flatten, code: flatten };
    const text = intl.formatMessage({ id: key }, { ...tags, ...values });
    return Array.isArray(text) ? text.join('') : String(text);
  };
}
