import { said, type Said } from '../domain/said';
import type { JournalEntry } from './station-journal';

/**
 * The columns of the export, headed in the station's language (`journal.csv.…`). What happened is given as
 * its code and values (any language can word them again) and, for reading, worded in the station's language.
 * Times stay ISO 8601 (UTC), which every spreadsheet and report reads alike.
 */
const COLUMNS = [
  'time',
  'user',
  'collection',
  'action',
  'record',
  'barcode',
  'before',
  'after',
  'outcome',
  'code',
  'values',
  'message',
] as const;

/** `field=value; field=value`, empty values shown as nothing after the `=`. */
const values = (v: Record<string, string | null>) =>
  Object.entries(v)
    .map(([field, value]) => `${field}=${value ?? ''}`)
    .join('; ');

/**
 * One CSV cell. Quoted when it holds a separator, quote or line break; a value that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'` so that opening the export is safe.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The journal as the collection's digitization reports read it: one row per action, oldest first. */
export function journalToCsv(entries: JournalEntry[], say: (words: Said) => string): string {
  const rows = [...entries]
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
    .map((e) =>
      [
        e.at,
        e.user,
        e.collid,
        e.action,
        e.occid,
        e.barcode,
        values(e.before),
        values(e.after),
        e.outcome,
        e.said.code,
        e.said.values ? JSON.stringify(e.said.values) : '',
        say(e.said),
      ]
        .map(csvCell)
        .join(','),
    );
  const header = COLUMNS.map((column) => csvCell(say(said(`journal.csv.${column}`)))).join(',');
  return `${[header, ...rows].join('\r\n')}\r\n`;
}
