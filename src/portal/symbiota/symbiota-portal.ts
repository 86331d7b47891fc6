import { statusVocabulary } from '../../domain/processing-status';
import type { RecordPage } from '../../domain/occurrence';
import { isRecordProblem, PortalError } from '../errors';
import type { CollectorSearch, PageRequest, PortalClient, SessionState } from '../portal';
import { PortalHttp, requireSession, type PortalHttpOptions } from './http';
import { parseCollectionRole, ROLE_PROBE } from './collection-role';
import { checkPortal } from './portal-check';
import { createRecordReader, parseJson, type RecordReaderOptions } from './record-reader';
import {
  isRightsRefusal,
  parseCollectionName,
  parseComments,
  parseHtml,
  parseRecordTable,
  parseEditorUser,
  parseStatusOptions,
} from './html';
import { z } from 'zod';
import { API_PING, API_STATUS, EDITOR, LOGIN, RECORD_PAGE, TABLE } from './paths';
import { pageLanguage } from './portal-words';
import { otherCatalogNumbersOf, type RecordSummary, type SpecimenRecord } from '../../domain/occurrence';
import { said } from '../../domain/said';
import { createGuardedWrites } from './writes';

const DEFAULT_PAGE: PageRequest = { offset: 0, limit: 100 };

/** A search row made from a whole record, for tables whose columns cannot all be named. */
function summaryOf(record: SpecimenRecord): RecordSummary {
  const other = otherCatalogNumbersOf(record).join(', ');
  return {
    occid: record.occid,
    catalogNumber: record.catalogNumber,
    otherCatalogNumbers: other === '' ? null : other,
    sciname: record.sciname,
    recordedBy: record.recordedBy,
    recordNumber: record.recordNumber,
    eventDate: record.eventDate,
    locality: record.locality,
    processingStatus: record.processingStatus,
    family: record.family,
    country: record.country,
    stateProvince: record.stateProvince,
    county: record.county,
    dateLastModified: record.dateLastModified,
    recordSecurity: record.recordSecurity,
  };
}

/** The portal's own paging: `occindex` is rounded down to a multiple of `reclimit`, and 0 divides by zero (§5.3). */
function paging(page: PageRequest): [string, string][] {
  const limit = Math.max(1, Math.floor(page.limit));
  const offset = Math.floor(Math.max(0, page.offset) / limit) * limit;
  return [
    ['occindex', String(offset)],
    ['reclimit', String(limit)],
  ];
}

/** The `PortalClient` for a stock Symbiota 3.x portal, over the endpoints of PROTOCOL §13. */
export function createSymbiotaPortal(options: PortalHttpOptions & RecordReaderOptions): PortalClient {
  const http = new PortalHttp(options);
  const reader = createRecordReader(http, options);

  /**
   * A table-view search. `oldColumn`: whether the rows' Other Catalog Numbers must be known even when the
   * table's headers cannot be named (then each row's record is read, and for that column its table row or
   * editor form too); a listing of records without any (`IS NULL`) knows them already.
   */
  async function search(
    collid: number,
    criteria: [string, string][],
    page: PageRequest,
    { catalogNumber = '', oldColumn = true }: { catalogNumber?: string; oldColumn?: boolean } = {},
  ): Promise<RecordPage> {
    // q_catalognumber must be present, or the portal reuses the query kept in the session (§3.1).
    const params: [string, string][] = [
      ['collid', String(collid)],
      ['q_catalognumber', catalogNumber],
      ...criteria,
      ...paging(page),
    ];
    reader.workOn(collid);
    const response = requireSession(await http.get(TABLE, params));
    const { records, offset, total, unnamedColumns } = parseRecordTable(parseHtml(response.text));
    // A header the station cannot name might hide a field it reads (a Portuguese portal prints most of
    // them empty, INDEX §16–17): the rows' record numbers are sure, their values are read record by record.
    if (!unnamedColumns) return { records, offset, total };
    reader.tableHeadersUnnamed();
    const read = (occid: number) => (oldColumn ? reader.readWithLegacyColumn(occid) : reader.readCore(occid));
    // One record the station cannot read (another editor holds it, it is gone) does not hold up the rest:
    // its row is listed with what the table showed and why it could not be read.
    const whole = await Promise.all(
      records.map(async (row): Promise<RecordSummary> => {
        try {
          const record = await read(row.occid);
          if (record !== null) return summaryOf(record);
          return { ...row, unreadable: said('portal.error.record-missing', { occid: row.occid }) };
        } catch (error) {
          if (!isRecordProblem(error)) throw error;
          return { ...row, unreadable: error.said };
        }
      }),
    );
    return { records: whole, offset, total };
  }

  async function rpc(path: string, form: Record<string, string | number>): Promise<string> {
    const response = await http.postForm(`collections/editor/rpc/${path}`, form);
    if (response.status !== 200)
      throw new PortalError('unexpected-response', 'check-http', { status: response.status });
    return response.text.trim();
  }

  const occidList = (text: string) =>
    text === ''
      ? []
      : text
          .split(',')
          .map((s) => Number(s.trim()))
          .filter((n) => Number.isInteger(n) && n > 0);

  async function barcodeInUse(collid: number, barcode: string, exceptOccid: number): Promise<number[]> {
    // D1 matches exactly, untrimmed: trim before asking (§8.1). An empty body means "unused" (rec. 08b).
    const body = await rpc('dupequerycatnum.php', { catnum: barcode.trim(), collid, occid: exceptOccid });
    if (!/^[\d,\s]*$/.test(body))
      throw new PortalError('unexpected-response', 'barcode-check-answer', undefined, body.slice(0, 200));
    return occidList(body);
  }

  async function accessionInUse(collid: number, variants: string[], exceptOccid: number): Promise<number[]> {
    // D2 is exact and ignores leading zeros (§8.2), so every zero variant is asked for.
    const found = new Set<number>();
    for (const variant of variants) {
      const body = await rpc('dupequeryothercatnum.php', {
        othercatnum: variant,
        collid,
        occid: exceptOccid,
      });
      if (!body.startsWith('ocnum:'))
        throw new PortalError('unexpected-response', 'accession-check-answer', undefined, body.slice(0, 200));
      occidList(body.slice('ocnum:'.length)).forEach((o) => found.add(o));
    }
    found.delete(exceptOccid);
    return [...found].sort((a, b) => a - b);
  }

  async function imageCount(occid: number): Promise<number> {
    const body = await rpc('getassocimgcnt.php', { occid });
    if (!/^\d+$/.test(body)) throw new PortalError('unexpected-response', 'image-count-answer');
    return Number(body);
  }

  const portal: Omit<PortalClient, keyof ReturnType<typeof createGuardedWrites>> = {
    async session(collid) {
      reader.workOn(collid);
      const response = await http.get(EDITOR, { collid });
      if (response.redirected) return { kind: 'logged-out' };
      const doc = parseHtml(response.text);
      const collectionName = parseCollectionName(doc);
      const portalLanguage = pageLanguage(doc);
      if (doc.querySelector('form[name="queryform"]')) {
        return {
          kind: 'editor',
          collectionName,
          statuses: statusVocabulary(parseStatusOptions(doc)),
          portalLanguage,
          user: parseEditorUser(response.text),
        } satisfies SessionState;
      }
      if (isRightsRefusal(doc)) return { kind: 'no-rights', collectionName, portalLanguage };
      throw new PortalError('unexpected-response', 'editor-page-unknown');
    },

    async collectionRole(collid) {
      // The table view, not the collection's profile page: it is in the editor's folder, so it answers as the
      // same user the saves are made as, even on a portal at the web root (rec. 23).
      const response = requireSession(await http.get(TABLE, [['collid', String(collid)], ...ROLE_PROBE]));
      return parseCollectionRole(parseHtml(response.text));
    },

    async login(username, password) {
      // remember=1: the session cookie is scoped to /profile/; other folders log in from the crumb (PROTOCOL preface, rec. 01).
      const response = await http.postForm(LOGIN, [
        ['login', username],
        ['password', password],
        ['remember', '1'],
        ['refurl', ''],
        ['resetpwd', ''],
        ['action', 'login'],
      ]);
      if (response.redirected) return;
      const doc = parseHtml(response.text);
      const said = [...doc.querySelectorAll('.error, [style*="red"], #errordiv')]
        .map((e) => e.textContent?.trim())
        .find(Boolean);
      throw new PortalError(
        'login-failed',
        said ? 'login-refused-said' : 'login-refused',
        said ? { said } : undefined,
      );
    },

    async logout() {
      // The portal keeps an edit lock 15 minutes after its user logs out; the station's goes first.
      await reader.releaseHeldLock();
      await http.get(LOGIN, { submit: 'logout' });
    },

    findByAccession: (collid, variants, page = DEFAULT_PAGE) =>
      search(collid, [['q_othercatalognumbers', variants.join(',')]], page),

    findByAccessionPattern: (collid, pattern, page = DEFAULT_PAGE) =>
      search(collid, [['q_othercatalognumbers', pattern]], page),

    findByCollector(collid, criteria: CollectorSearch, page = DEFAULT_PAGE) {
      const params: [string, string][] = [['q_recordedby', criteria.recordedBy]];
      if (criteria.recordNumber) params.push(['q_recordnumber', criteria.recordNumber]);
      if (criteria.eventDate) params.push(['q_eventdate', criteria.eventDate]);
      return search(collid, params, page);
    },

    listUnprocessedWithoutAccession: (collid, page, afterBarcode) =>
      search(
        collid,
        [
          // IS NULL checks both the legacy column and the identifier table (PROTOCOL §5.1, encoding 1).
          ['q_othercatalognumbers', 'IS NULL'],
          ['q_processingstatus', 'unprocessed'],
          ['orderby', 'catalognumber'],
          ['orderbydir', 'ASC'],
        ],
        page,
        // `>X` on q_catalognumber compares as text, like the ORDER BY (PROTOCOL §5.2).
        { catalogNumber: afterBarcode ? `>${afterBarcode}` : '', oldColumn: false },
      ),

    listByStatus: (collid, status, page) =>
      search(
        collid,
        [
          ['q_processingstatus', status],
          ['orderby', 'datelastmodified'],
          ['orderbydir', 'DESC'],
        ],
        page,
        { oldColumn: false },
      ),

    readRecord: reader.readRecord,

    async readComments(occid) {
      const response = await http.get(RECORD_PAGE, { occid });
      if (response.status !== 200)
        throw new PortalError('unexpected-response', 'record-page-http', { occid, status: response.status });
      return parseComments(parseHtml(response.text));
    },

    async portalVersion() {
      // 3.4 answers installation/status; 3.0–3.3 have no such route (HTTP 500) but answer ping (rec. 3.1 07e, 07f).
      for (const path of [API_STATUS, API_PING]) {
        const response = await http.get(path, undefined, { returnServerErrors: true });
        if (response.status !== 200 || !/^\s*\{/.test(response.text)) continue;
        const parsed = z.object({ symbiotaVersion: z.string() }).safeParse(parseJson(response.text, null));
        if (parsed.success) return parsed.data.symbiotaVersion;
      }
      return null;
    },

    barcodeInUse,
    accessionInUse,
    imageCount,

    recordSource: reader.source,
    onRecordSourceChange: reader.onSourceChange,
    checkPortal: (collid) => checkPortal({ http, reader, portal: client, collid }),
  };

  const client: PortalClient = {
    ...portal,
    ...createGuardedWrites({ http, reader, barcodeInUse, imageCount }),
  };
  return client;
}
