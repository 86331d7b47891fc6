import { z } from 'zod';
import { STOCK_STATUSES } from '../../domain/processing-status';
import { PortalError } from '../errors';
import { parseHtml, parseRecordTable, type UnnamedCell } from './html';
import { requireSession, type PortalHttp } from './http';
import { RECORD_PAGE, TABLE } from './paths';
import { TABLE_ORDER } from './portal-words';
import { recordPageNumbers } from './record-page';

/** What a caller needs of a row whose headers it cannot all name; named columns are always read. */
export interface RowNeeds {
  status?: boolean;
  /** The Other Catalog Numbers string the table shows (identifier rows and the old column together). */
  numbers?: boolean;
  /** Every field the record card and the merge preview show. */
  all?: boolean;
}

/** The DwC record page names its fields by Darwin Core terms; these two differ from the table's. */
const DWC_NAME: Record<string, string> = { sciname: 'scientificName', dateLastModified: 'modified' };
/** The table view cuts a value at 60 characters and adds `...` (occurrencetabledisplay.php). */
const isCut = (value: string | null) => value !== null && value.length >= 63 && value.endsWith('...');

/** `format=json` of the record page: DwC, `occid` a string on 3.0–3.3 (rec. 12h, 3.1 12h). */
export function parseJson(text: string, what: { occid: number } | null): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PortalError(
      'unexpected-response',
      what ? 'not-json-record' : 'not-json-status',
      what ?? undefined,
      text.slice(0, 300),
    );
  }
}

/**
 * A record's row in the table view, found by its number (`q_catalognumber=occid N`, which every 3.x reads
 * as a record number, PROTOCOL §3.1, rec. 21a): every column that holds data, without opening the record in
 * the editor (so without an edit lock). Where a header cannot be named (Portuguese prints most of them
 * empty, rec. 21p, 25i, 25p), what is needed of those columns is read in ways that hold in every language:
 * the processing status by asking the table back, the other catalog numbers from the record page, the
 * rest from the record page's DwC JSON.
 */
export function createRowReader(http: PortalHttp) {
  /** This portal's table view prints headers the station cannot name (Portuguese): seen once, known. */
  let unnamedTables = false;

  async function table(collid: number, occid: number, extra: [string, string][] = []) {
    const response = requireSession(
      await http.get(TABLE, [
        ['collid', String(collid)],
        ['q_catalognumber', `occid${occid}`],
        ...extra,
        ['occindex', '0'],
        ['reclimit', '1'],
      ]),
    );
    const page = parseRecordTable(parseHtml(response.text));
    if (page.unnamedColumns) unnamedTables = true;
    return page;
  }

  /**
   * The status among the cells the station cannot name: each value that could be it is asked back of the
   * table view (`q_processingstatus`, an exact match, PROTOCOL §5.2), stock statuses first. A record
   * without a status shows no such column, so when no cell is confirmed (or `isnull` is), it has none.
   */
  async function confirmedStatus(occid: number, collid: number, cells: UnnamedCell[]) {
    const texts = cells
      .filter((c) => c.candidates.includes('processingStatus') && c.text !== null && c.text.length <= 45)
      .map((c) => c.text!)
      .reverse();
    const stock = (t: string) => (STOCK_STATUSES as readonly string[]).includes(t.toLowerCase());
    const tries = [...new Set([...texts.filter(stock), 'isnull', ...texts.filter((t) => !stock(t))])];
    for (const value of texts.length === 0 ? [] : tries) {
      const page = await table(collid, occid, [['q_processingstatus', value]]);
      if (page.total === 1) return value === 'isnull' ? null : value;
    }
    return null;
  }

  /** The record page's other catalog numbers; an error when the page does not show the record. */
  async function numbersFromRecordPage(occid: number): Promise<string | null> {
    const response = await http.get(RECORD_PAGE, { occid });
    const numbers = response.status === 200 ? recordPageNumbers(parseHtml(response.text), occid) : undefined;
    if (numbers === undefined)
      throw new PortalError('unexpected-response', 'record-page-without-record', { occid });
    return numbers;
  }

  async function dwcRecord(occid: number): Promise<Record<string, unknown>> {
    const json = await http.get(RECORD_PAGE, { occid, format: 'json' });
    const parsed = z.record(z.string(), z.unknown()).safeParse(parseJson(json.text, { occid }));
    return parsed.success ? parsed.data : {};
  }

  /**
   * The record's fields by their table names; null when the collection has no such record. `unnamed`:
   * some header of this portal's table could not be named.
   */
  async function read(
    occid: number,
    collid: number,
    needs: RowNeeds,
  ): Promise<{ fields: Record<string, string | null>; unnamed: boolean } | null> {
    // Only the other catalog numbers, on a portal whose rows cannot name them: the record page says.
    if (unnamedTables && needs.numbers && !needs.status && !needs.all)
      return { fields: { otherCatalogNumbers: await numbersFromRecordPage(occid) }, unnamed: true };
    const page = await table(collid, occid);
    if (!page.records.some((r) => r.occid === occid)) return null;
    const fields = { ...(page.values.get(occid) ?? {}) };
    const cells = page.unnamedCells.get(occid) ?? [];
    const open = (field: string) => cells.some((c) => c.candidates.includes(field));
    if ((needs.numbers || needs.all) && open('otherCatalogNumbers'))
      fields['otherCatalogNumbers'] = await numbersFromRecordPage(occid);
    if ((needs.status || needs.all) && open('processingStatus'))
      fields['processingStatus'] = await confirmedStatus(occid, collid, cells);
    if (needs.all) {
      const cut = Object.keys(fields).filter((f) => isCut(fields[f] ?? null));
      const unread = TABLE_ORDER.filter(
        (f) => open(f) && !(f in fields) && f !== 'otherCatalogNumbers' && f !== 'processingStatus',
      );
      if (cut.length + unread.length > 0) {
        const dwc = await dwcRecord(occid);
        for (const field of [...cut, ...unread]) {
          const value = dwc[DWC_NAME[field] ?? field];
          if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')
            fields[field] = String(value);
        }
      }
    }
    return { fields, unnamed: page.unnamedColumns };
  }

  return {
    read,
    /** A search found this portal's table headers unnamed: its rows cannot name a record's columns either. */
    tablesUnnamed() {
      unnamedTables = true;
    },
  };
}
