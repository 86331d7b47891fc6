import type { RecordPage, RecordSummary } from '../../domain/occurrence';
import { PortalError } from '../errors';

export const parseHtml = (text: string): Document => new DOMParser().parseFromString(text, 'text/html');

const cellText = (el: Element | null | undefined) =>
  (el?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const orNull = (s: string) => (s === '' ? null : s);

/** The editor's "not authorized" sentence (PROTOCOL §2.1; recordings 02f, 09d1). */
export const NOT_AUTHORIZED = /not authorized to edit occurrences/i;

/**
 * The table view's column headers are localized and data-driven: a column appears only when some row has
 * a value in it (recording INDEX, surprise 8). These are the English labels seen on 3.4.14.
 */
type ListedText = Exclude<keyof RecordSummary, 'occid' | 'recordSecurity'>;
const COLUMNS: Record<string, ListedText | 'recordSecurity'> = {
  'catalog number': 'catalogNumber',
  'additional identifiers': 'otherCatalogNumbers',
  'other catalog numbers': 'otherCatalogNumbers',
  'scientific name': 'sciname',
  collector: 'recordedBy',
  'collector number': 'recordNumber',
  number: 'recordNumber',
  date: 'eventDate',
  'event date': 'eventDate',
  locality: 'locality',
  'processing status': 'processingStatus',
  family: 'family',
  country: 'country',
  'state/province': 'stateProvince',
  county: 'county',
  'date last modified': 'dateLastModified',
  security: 'recordSecurity',
};

const PAGING = /\|\s*(\d+)-(\d+)\s+of\s+(\d+)\s+records\s*\|/;

/** Reads `occurrencetabledisplay.php`: rows of `#defaulttable` and the `| a-b of N records |` count (PROTOCOL §5.3). */
export function parseRecordTable(doc: Document): RecordPage {
  const paging = [...doc.querySelectorAll('div.navpath')]
    .map((d) => PAGING.exec(cellText(d)))
    .find((m) => m !== null);
  if (!paging) {
    if (NOT_AUTHORIZED.test(doc.body?.textContent ?? '')) {
      throw new PortalError('not-authorized', 'You do not have editor rights on this collection.');
    }
    throw new PortalError('unexpected-response', 'The portal returned a search page without a record count.');
  }
  const total = Number(paging[3]);
  const offset = Math.max(0, Number(paging[1]) - 1);
  const table = doc.querySelector('table#defaulttable, table#dynamictable');
  if (!table) {
    if (total === 0) return { records: [], offset, total };
    throw new PortalError('unexpected-response', `The portal counted ${total} records but sent no table.`);
  }
  const headers = [...table.querySelectorAll('thead th')].map(
    (th) => COLUMNS[cellText(th).toLowerCase()] ?? null,
  );
  const records = [...table.querySelectorAll('tbody tr')].map((row) => {
    const cells = [...row.querySelectorAll(':scope > td')];
    const link = cells[0]?.querySelector('a[href*="occid="]');
    const occid = Number(/[?&]occid=(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1]);
    if (!Number.isInteger(occid) || occid <= 0) {
      throw new PortalError('unexpected-response', 'A search result row has no record number.');
    }
    const summary: RecordSummary = {
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
    };
    headers.forEach((field, i) => {
      if (field === 'recordSecurity') summary.recordSecurity = Number(cellText(cells[i])) || 0;
      else if (field !== null && summary[field] === null) summary[field] = orNull(cellText(cells[i]));
    });
    return summary;
  });
  return { records, offset, total };
}

/** The green or red line in `#statusdiv` after an editor save (PROTOCOL §7.1). */
export function parseActionStatus(doc: Document): { ok: boolean; message: string } | null {
  const span = doc.querySelector('#statusdiv span');
  if (!span) return null;
  const message = cellText(span);
  const style = (span.getAttribute('style') ?? '').toLowerCase();
  return { ok: /^success/i.test(message) && !style.includes('red'), message };
}

export function parseCollectionName(doc: Document): string | null {
  const heading = cellText(doc.querySelector('h1.page-heading'));
  const name = heading.replace(/^Occurrence Editor:\s*/i, '');
  return orNull(name);
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
