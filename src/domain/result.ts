import { said, type Said, type SaidValue } from './said';

/** A rule's answer: a value, or what a technician can act on, as a code and its values (src/i18n). */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Said; suggestion?: string };

export const accept = <T>(value: T): Checked<T> => ({ ok: true, value });
export const refuse = <T = never>(
  code: string,
  values?: Record<string, SaidValue>,
  suggestion?: string,
): Checked<T> =>
  suggestion === undefined
    ? { ok: false, problem: said(code, values) }
    : { ok: false, problem: said(code, values), suggestion };
