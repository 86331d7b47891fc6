import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Messages } from './intl';

/**
 * A pseudo-language for checking the screens, never offered to technicians: every English message with
 * accented letters and about 40 % longer, its values, plurals and markup untouched. A layout that holds this
 * holds Spanish, French and Portuguese, which run up to a third longer than English. Chosen by storing
 * `en-XA` as the station's language (the end-to-end tests do).
 */
const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ø',
  U: 'Ü',
  C: 'Ç',
  N: 'Ñ',
  Y: 'Ý',
};

const stretch = (text: string): string => {
  const accented = text.replace(/[aeiouycnAEIOUYCN]/g, (c) => ACCENTED[c] ?? c);
  const letters = text.replace(/[^A-Za-z]/g, '').length;
  if (letters === 0) return accented;
  // Longer by words, so that lines can still break where a translation's would.
  return `${accented} ${'~'.repeat(Math.max(1, Math.ceil(letters * 0.4) - 1))}`.replace(
    /~{12}/g,
    '~~~~~~~~~~~ ',
  );
};

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((e) => {
    if (e.type === TYPE.literal) return { ...e, value: stretch(e.value) };
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(e.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }]),
      );
      return { ...e, options } as MessageFormatElement;
    }
    if (e.type === TYPE.tag) return { ...e, children: pseudoElements(e.children) };
    return e;
  });
}

/** One message, as text (tests, the end-to-end driver). */
export const pseudoMessage = (message: string): string => printAST(pseudoElements(parse(message)));

/** The English catalog as the app holds it (parsed at build time) in the pseudo-language, parsed too. */
export const pseudoMessages = (english: Messages): Record<string, MessageFormatElement[]> =>
  Object.fromEntries(
    Object.entries(english).map(([key, message]: [string, string | MessageFormatElement[]]) => [
      key,
      pseudoElements(typeof message === 'string' ? parse(message) : message),
    ]),
  );
