/**
 * Words kept as a code and its values, never as a sentence: what is stored (the outbox, the journal, the
 * CSV) and what crosses layers says `{ code: 'portal.error.barcode-in-use', values: { barcode, holders } }`,
 * and each screen words it in the language it shows (src/i18n). Values the portal stores (`expert
 * required`) or says in its own words are values, kept as they are.
 */
export type SaidValue = string | number | boolean | null;

export interface Said {
  code: string;
  values?: Record<string, SaidValue>;
}

export const said = (code: string, values?: Record<string, SaidValue>): Said =>
  values === undefined ? { code } : { code, values };
