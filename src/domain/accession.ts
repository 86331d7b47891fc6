import { quoted } from './text';
import { accept, refuse, type Checked } from './result';

export interface AccessionRules {
  /** A regex source for an allowed letter prefix (e.g. `ASU-?`), or null for digits only. */
  prefixPattern: string | null;
  /** Longest accession number accepted, counted without leading zeros. */
  maxLength: number;
  /** Zero-padded search variants go up to this many characters (`145` → … `000145` at 6). */
  variantWidth: number;
}

export const defaultAccessionRules: AccessionRules = { prefixPattern: null, maxLength: 10, variantWidth: 6 };

export interface Accession {
  /** As stored in the portal: trimmed, prefix kept, leading zeros of the number stripped. */
  value: string;
  prefix: string;
  digits: string;
}

const stripZeros = (digits: string) => digits.replace(/^0+(?=\d)/, '');

function splitPrefix(text: string, rules: AccessionRules): { prefix: string; digits: string } | null {
  if (/^\d+$/.test(text)) return { prefix: '', digits: text };
  if (rules.prefixPattern === null) return null;
  const match = new RegExp(`^(${rules.prefixPattern})(\\d+)$`).exec(text);
  return match ? { prefix: match[1] ?? '', digits: match[2] ?? '' } : null;
}

/** Reads a stamped accession number as typed; PROTOCOL §3.1 stores them without leading zeros. */
export function readAccession(
  raw: string,
  rules: AccessionRules = defaultAccessionRules,
): Checked<Accession> {
  const text = raw.trim();
  if (text === '') return refuse('check.accession.empty');
  if (/\s/.test(text)) return refuse('check.accession.space', quoted(text), text.replace(/\s+/g, ''));
  const parts = splitPrefix(text, rules);
  if (parts === null) {
    const withZeros = text.replace(/[oO]/g, '0');
    if (withZeros !== text && splitPrefix(withZeros, rules) !== null) {
      const fixed = stripZeros(withZeros);
      return refuse('check.accession.letter-o', { ...quoted(text), fixed }, fixed);
    }
    return rules.prefixPattern === null
      ? refuse('check.accession.not-digits', quoted(text))
      : refuse('check.accession.not-prefixed-digits', quoted(text));
  }
  const digits = stripZeros(parts.digits);
  const value = parts.prefix + digits;
  if (value.length > rules.maxLength) {
    return refuse('check.accession.too-long', {
      ...quoted(text),
      characters: value.length,
      max: rules.maxLength,
    });
  }
  return accept({ value, prefix: parts.prefix, digits });
}

/**
 * The terms to search for one accession number. The portal's search strips zeros from the term only,
 * so a stored `0145` is found by `145` only when the padded variants are sent too (PROTOCOL §3.1, §8.2).
 */
export function accessionSearchVariants(accession: Accession, width: number): string[] {
  const variants = [accession.value];
  for (let padded = accession.digits; accession.prefix.length + padded.length < width;) {
    padded = `0${padded}`;
    variants.push(accession.prefix + padded);
  }
  return variants;
}

/** True when a stored other-catalog-number value is this accession number, zeros aside. */
export function sameAccession(stored: string, accession: Accession): boolean {
  const text = stored.trim();
  if (!text.startsWith(accession.prefix)) return false;
  const digits = text.slice(accession.prefix.length);
  return /^\d+$/.test(digits) && stripZeros(digits) === accession.digits;
}

/**
 * Legacy Other Catalog Numbers strings may hold several identifiers (`1499; Acc. 12`, `Herb. 1499 | 77`),
 * split on `; , |` with optional `tag:` prefixes (PROTOCOL §1.2). True when one of them is this number
 * as a whole token — `11499` never counts for `1499`.
 */
export function legacyStringHoldsAccession(legacy: string, accession: Accession): boolean {
  return legacy
    .split(/[;,|]/)
    .map((part) => part.replace(/^[^:]*:/, '').trim())
    .some((part) => part.split(/[\s.#]+/).some((token) => token !== '' && sameAccession(token, accession)));
}
