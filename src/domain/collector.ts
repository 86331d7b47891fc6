import { quoted } from './text';
import { accept, refuse, type Checked } from './result';

export interface CollectorName {
  /** The surname as the label gives it, diacritics kept (`van Devender`, `Hernández`). */
  lastName: string;
  /** The editor's `q_recordedby` term (PROTOCOL §4.1). */
  portalTerm: string;
}

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'la',
  'le',
  'du',
  'da',
  'di',
  'dos',
  'das',
  'ten',
  'ter',
  'st.',
  'bin',
  'ibn',
]);
const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv)$/i;
const INITIALS = /^(\p{L}\.)+\p{L}?\.?$|^\p{Lu}$/u;
/** InnoDB's default full-text stopwords that can occur inside surnames; `+word` on them matches nothing useful. */
const FULLTEXT_STOPWORDS = new Set([
  'a',
  'an',
  'de',
  'la',
  'en',
  'und',
  'the',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
]);
const MIN_TOKEN = 3;

/** `Smith`, `J. Smith`, `Smith, J.`, `J.A. Smith`, `van Devender` → the collector's last name. */
export function readCollector(raw: string): Checked<CollectorName> {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return refuse('check.collector.empty');
  if ([...text].length > 60) return refuse('check.collector.too-long', quoted(text));
  if (/\d/.test(text)) return refuse('check.collector.digits', quoted(text));
  // The portal reads % _ + - * " ( ) < > ~ @ as search operators (PROTOCOL §4.1): a name never needs them.
  const operators = [...new Set(text.match(/[%_+*"()<>~@;=\\]|(^|\s)-/g) ?? [])].map((o) => o.trim());
  if (operators.length > 0)
    return refuse('check.collector.operators', { ...quoted(text), operators: operators.join(' ') });
  const beforeComma = text.includes(',') ? text.slice(0, text.indexOf(',')).trim() : null;
  const words = (beforeComma ?? text)
    .replace(/(\p{L}\.)(?=\p{L})/gu, '$1 ')
    .split(' ')
    .filter((w) => w !== '' && !SUFFIXES.test(w));
  const named = beforeComma !== null ? words : dropGivenNames(words);
  const lastName = named.join(' ');
  if (lastName === '' || named.every((w) => INITIALS.test(w))) {
    return refuse('check.collector.initials-only', quoted(text));
  }
  return accept({ lastName, portalTerm: portalTerm(lastName) });
}

function dropGivenNames(words: string[]): string[] {
  // A second surname's initial after the name (`R. Acevedo T.`, as Spanish labels write it) is no surname.
  const named = words.findLastIndex((w) => !INITIALS.test(w));
  if (named >= 0) words = words.slice(0, named + 1);
  const rest = words.filter((w, i) => !(INITIALS.test(w) && i < words.length - 1));
  const particle = rest.findIndex((w) => PARTICLES.has(w.toLowerCase()));
  if (particle >= 0 && particle < rest.length - 1) return rest.slice(particle);
  return rest.slice(-1);
}

/**
 * A leading `%` switches the editor to a word search: under three characters a REGEXP word match, else a
 * boolean-mode full-text match where several words are OR-ed unless each carries `+` (PROTOCOL §4.1).
 * Operators typed by the user are stripped so they cannot change the query's meaning.
 */
export function portalTerm(lastName: string): string {
  const words = lastName.split(/[^\p{L}\p{M}]+/u).filter((w) => w !== '');
  const required = words.filter((w) => w.length >= MIN_TOKEN && !FULLTEXT_STOPWORDS.has(w.toLowerCase()));
  if (words.length === 1 && words[0]!.length < MIN_TOKEN) return `%${words[0]}`;
  if (required.length === 0) return `%${words.join(' ')}`;
  if (required.length === 1) return `%${required[0]}`;
  return `%${required.map((w) => `+${w}`).join(' ')}`;
}
