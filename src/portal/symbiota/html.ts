import type { RecordPage, RecordSummary } from '../../domain/occurrence';
import { PortalError } from '../errors';
import {
  fieldOfHeader,
  saysApplied,
  saysNotAuthorized,
  saysQueuedForReview,
  startsAsFailure,
  TABLE_ORDER,
} from './portal-words';

export const parseHtml = (text: string): Document => new DOMParser().parseFromString(text, 'text/html');

const cellText = (el: Element | null | undefined) =>
  (el?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const orNull = (s: string) => (s === '' ? null : s);

/**
 * The fields a search result must show for the station to tell candidates apart and keep its queue
 * (`RecordSummary`). When a header the station cannot name could hide one of them, the rows are read
 * record by record instead (`unnamed` below).
 */
const SHOWN: (keyof RecordSummary)[] = [
  'catalogNumber',
  'otherCatalogNumbers',
  'sciname',
  'recordedBy',
  'recordNumber',
  'eventDate',
  'locality',
  'processingStatus',
  'family',
  'country',
  'stateProvince',
  'county',
  'dateLastModified',
];
const SHOWN_SET = new Set<string>(SHOWN);

/** `| 1-25 of 212 records |`, `| 1-1 de 1 registro |`, `| 1-1 de 1 enregistrements |` (INDEX §16–17). */
const PAGING = /\|\s*(\d+)-(\d+)\s+\S+\s+(\d+)\s+\S+\s*\|/;

/** A cell under a header the station cannot name, and the fields its place in the table allows. */
export interface UnnamedCell {
  text: string | null;
  candidates: string[];
}

export interface TablePage extends RecordPage {
  /** Every named column of each row by its field name, for reading a whole record off its row. */
  values: Map<number, Record<string, string | null>>;
  /** Each row's cells under headers the station cannot name, in table order. */
  unnamedCells: Map<number, UnnamedCell[]>;
  /**
   * True when some column's header is one the station cannot name (an empty Portuguese header, a label
   * changed by the portal's administrator) and it could be one of the fields the station reads: the rows'
   * values are then not to be trusted field by field, only their record numbers.
   */
  unnamedColumns: boolean;
}

/**
 * Names each column: by its header in any language the portal ships, else by its place (the table keeps
 * a fixed column order, so a header between two named ones is one of the fields between them).
 */
function nameColumns(labels: string[]): {
  fields: (string | null)[];
  candidates: string[][];
  unnamed: boolean;
} {
  const fields = labels.map(fieldOfHeader);
  let unnamed = false;
  const candidates = fields.map((field, i) => {
    if (field !== null) return [];
    const before = fields
      .slice(0, i)
      .reverse()
      .find((f) => f !== null && TABLE_ORDER.includes(f));
    const after = fields.slice(i + 1).find((f) => f !== null && TABLE_ORDER.includes(f));
    const from = before ? TABLE_ORDER.indexOf(before) + 1 : 0;
    const to = after ? TABLE_ORDER.indexOf(after) : TABLE_ORDER.length;
    // Named neighbours out of the known order: this column could be any field.
    const between = to < from ? TABLE_ORDER : TABLE_ORDER.slice(from, to);
    if (between.some((c) => SHOWN_SET.has(c)) || to < from) unnamed = true;
    return between;
  });
  return { fields, candidates, unnamed };
}

/**
 * Reads `occurrencetabledisplay.php` (PROTOCOL §5.3) by its structure: the count from the `| a-b … N … |`
 * paging text whatever its words, the record numbers from the rows' links, the values by column.
 */
export function parseRecordTable(doc: Document): TablePage {
  const paging = [...doc.querySelectorAll('div.navpath')]
    .map((d) => PAGING.exec(cellText(d)))
    .find((m) => m !== null);
  if (!paging) {
    if (saysNotAuthorized(doc.body?.textContent ?? '')) {
      throw new PortalError('not-authorized', 'no-editor-rights');
    }
    throw new PortalError('unexpected-response', 'search-without-count');
  }
  const total = Number(paging[3]);
  const offset = Math.max(0, Number(paging[1]) - 1);
  const table = doc.querySelector('table#defaulttable, table#dynamictable');
  if (!table) {
    if (total === 0)
      return {
        records: [],
        offset,
        total,
        unnamedColumns: false,
        values: new Map(),
        unnamedCells: new Map(),
      };
    throw new PortalError('unexpected-response', 'search-without-table', { total });
  }
  // The first column is the record number (its link); the others are data columns.
  const labels = [...table.querySelectorAll('thead th')].slice(1).map((th) => cellText(th));
  const { fields, candidates, unnamed } = nameColumns(labels);
  const values = new Map<number, Record<string, string | null>>();
  const unnamedCells = new Map<number, UnnamedCell[]>();
  const records = [...table.querySelectorAll('tbody tr')].map((row) => {
    const cells = [...row.querySelectorAll(':scope > td')];
    const link = cells[0]?.querySelector('a[href*="occid="]');
    const occid = Number(/[?&]occid=(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1]);
    if (!Number.isInteger(occid) || occid <= 0) {
      throw new PortalError('unexpected-response', 'search-row-without-number');
    }
    const summary: RecordSummary = emptySummary(occid);
    const named: Record<string, string | null> = {};
    const others: UnnamedCell[] = [];
    values.set(occid, named);
    unnamedCells.set(occid, others);
    fields.forEach((field, i) => {
      const cell = cells[i + 1];
      if (field === null) others.push({ text: orNull(cellText(cell)), candidates: candidates[i] ?? [] });
      if (field !== null && !(field in named)) named[field] = orNull(cellText(cell));
      if (field === 'recordSecurity') summary.recordSecurity = Number(cellText(cell)) || 0;
      else if (field !== null && SHOWN_SET.has(field)) {
        const key = field as ListedText;
        if (summary[key] === null) summary[key] = orNull(cellText(cell));
      }
    });
    return summary;
  });
  return { records, offset, total, unnamedColumns: unnamed, values, unnamedCells };
}

export const emptySummary = (occid: number): RecordSummary => ({
  occid,
  catalogNumber: null,
  otherCatalogNumbers: null,
  sciname: null,
  recordedBy: null,
  recordNumber: null,
  eventDate: null,
  locality: null,
  processingStatus: null,
  family: null,
  country: null,
  stateProvince: null,
  county: null,
  dateLastModified: null,
  recordSecurity: 0,
});

type ListedText = Exclude<keyof RecordSummary, 'occid' | 'recordSecurity' | 'unreadable'>;

export type ActionStatus =
  | { kind: 'applied'; message: string }
  | { kind: 'queued'; message: string }
  | { kind: 'failed'; message: string }
  /** A line in words this station does not know: the record the page shows says what happened. */
  | { kind: 'unknown'; message: string };

/**
 * The line in `#statusdiv` after an editor save (PROTOCOL §7.1), by its words in any language the portal
 * ships. Its colour is no signal (a French failure is green, INDEX §16–17).
 */
export function parseActionStatus(doc: Document): ActionStatus | null {
  const span = doc.querySelector('#statusdiv span');
  if (!span) return null;
  const message = cellText(span);
  if (saysQueuedForReview(message)) return { kind: 'queued', message };
  if (startsAsFailure(message)) return { kind: 'failed', message };
  if (saysApplied(message)) return { kind: 'applied', message };
  return { kind: 'unknown', message };
}

/** The collection's name from the editor heading, whatever the words before it ("Editor de Ocurrencias: …"). */
export function parseCollectionName(doc: Document): string | null {
  const h1 = doc.querySelector('h1.page-heading');
  if (!h1) {
    // 3.0 prints the bare name as the first text of `#titleDiv` (recorded-3.0 02a).
    const title = doc.querySelector('#titleDiv');
    const own = [...(title?.childNodes ?? [])].filter((n) => n.nodeType === 3).map((n) => n.textContent);
    return orNull(own.join(' ').replace(/\s+/g, ' ').trim());
  }
  const heading = cellText(h1);
  const colon = heading.indexOf(': ');
  return orNull(colon >= 0 ? heading.slice(colon + 2).trim() : heading);
}

/**
 * An editor page without the query form is a refusal when it says so, in any language the portal ships,
 * or when it is the editor's own page (its heading) with nothing else on it: 02f, 16d, 17d.
 */
export function isRightsRefusal(doc: Document): boolean {
  if (doc.querySelector('form[name="queryform"], form#fullform, form[name="fullform"]')) return false;
  const text = doc.body?.textContent ?? '';
  if (saysNotAuthorized(text)) return true;
  // A wording this station does not know: the editor's heading over an error line and nothing else.
  return doc.querySelector('h1.page-heading') !== null && /\b(ERROR|ERREUR|ERRO)\s*:/.test(text);
}

export function parseStatusOptions(doc: Document): string[] {
  return [...doc.querySelectorAll('select[name="q_processingstatus"] option')].map(
    (o) => o.getAttribute('value') ?? cellText(o),
  );
}

export interface PortalComment {
  author: string;
  posted: string;
  text: string;
}

/** Comments as listed on the public record page `collections/individual/index.php` (recording 12b). */
export function parseComments(doc: Document): PortalComment[] {
  const tab = doc.querySelector('#commenttab');
  if (!tab) return [];
  return [...tab.querySelectorAll(':scope > div')]
    .map((block) => {
      const head = block.querySelector(':scope > div:first-child');
      const author = cellText(head?.querySelector('b'));
      const posted = cellText(head?.querySelector('span')).replace(/^posted\s*/i, '');
      // A reported comment carries a red notice before its text (rec. 12f).
      const text = cellText(
        block.querySelector(':scope > div[style*="margin:10px"]') ??
          block.querySelector(':scope > div:nth-child(2)'),
      );
      return { author, posted, text };
    })
    .filter((c) => c.author !== '' && c.text !== '');
}

/**
 * The user the editor page belongs to: its query form's "entered by me" button fills in `$USERNAME`
 * (`function enteredByCurrentUser(){ … f.q_recordenteredby.value = "tech"; …}`, every 3.x, rec. 02a).
 */
export function parseEditorUser(pageText: string): string | null {
  const match =
    /function\s+enteredByCurrentUser\s*\(\)\s*\{[^}]*?q_recordenteredby\.value\s*=\s*"([^"]*)"/.exec(
      pageText,
    );
  return match?.[1] ? match[1] : null;
}
