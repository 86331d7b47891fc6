import type { SpecimenRecord } from '../../domain/occurrence';
import { PortalError } from '../errors';
import type { RecordSource } from '../portal';
import { apiLists, occurrenceResponseSchema, toSpecimenRecord, type ApiLists } from './api-record';
import { isLockedByAnotherEditor, parseEditorRecord, parseImageTab } from './editor-record';
import { parseHtml } from './html';
import { requireSession, type PortalHttp, type PortalResponse } from './http';
import { API_RECORD, EDITOR, IMAGE_TAB } from './paths';
import { createRowReader, type RowNeeds } from './record-row';

export { parseJson } from './record-row';

/** How long the portal keeps a record locked for the editor who opened it (OccurrenceEditorManager::getLock). */
export const EDIT_LOCK_MINUTES = 15;
/** Reads that come together (a page of candidates) release their lock once, a moment after the last. */
export const LOCK_RELEASE_DELAY_MS = 200;
/**
 * After a write the station lets go of the lock once it has written nothing through the editor for this
 * long. Each save moves the user's one lock to the record it saved (`getLock` deletes the user's other
 * locks first, rec. 21h), so a run of links holds one record at a time and costs no request per link for
 * the release; the last record written is free again this long after the run, not 15 minutes.
 */
export const LOCK_QUIET_AFTER_WRITE_MS = 30_000;

export interface RecordReaderOptions {
  /** How long after its last write the station lets go of the edit lock (default LOCK_QUIET_AFTER_WRITE_MS). */
  lockQuietAfterWriteMs?: number;
}

const recordLocked = (occid: number) =>
  new PortalError('record-locked', 'record-locked', { occid, minutes: EDIT_LOCK_MINUTES });

type ApiAnswer =
  | { kind: 'record'; record: SpecimenRecord; lists: ApiLists }
  | { kind: 'not-found' }
  | { kind: 'unusable'; reason: string };

const isJson = (r: PortalResponse) => r.contentType.includes('json') || /^\s*[[{]/.test(r.text);

/**
 * Reads records. API v2 first, without cookies (rec. 14b, 14c); where the API is missing, broken, or
 * answers in a shape this app does not know, the editor's own pages for the rest of the station session
 * (rec. 15a–15c), decided once, the first time it happens, and announced to whoever listens (the portal
 * check and the banner). A network failure is not a reason to switch: it is reported as such.
 */
export function createRecordReader(http: PortalHttp, options: RecordReaderOptions = {}) {
  const quietAfterWrite = options.lockQuietAfterWriteMs ?? LOCK_QUIET_AFTER_WRITE_MS;
  let source: RecordSource = { via: 'api', reason: null };
  /** The collection the station works on, once it has asked the portal about one (for the table view). */
  let collection: number | null = null;
  const rows = createRowReader(http);

  /**
   * Every page of the editor that shows a record takes the user's edit lock on it, for 15 minutes: a read
   * (rec. 15b, 21d) and the page a save or a new record answers with (rec. 09a, 13; 25m, 26c). The portal
   * keeps one lock per user and drops it when the user opens another record, so opening "record -1"
   * (stored as the non-record 0) releases it (rec. 21h, 26d). Done once after a burst of editor pages: a
   * moment after reads, after a quiet spell after writes.
   */
  let openInEditor = 0;
  /** What last opened an editor page that shows a record since the last release; null: no lock held. */
  let lockTakenBy: 'read' | 'write' | null = null;
  let release: ReturnType<typeof setTimeout> | null = null;
  function letGo() {
    lockTakenBy = null;
    return http.get(EDITOR, { occid: -1 }).then(
      () => undefined,
      () => undefined,
    );
  }
  function releaseLockSoon() {
    if (release !== null) clearTimeout(release);
    release = null;
    if (lockTakenBy === null) return;
    release = setTimeout(
      () => {
        release = null;
        if (openInEditor > 0 || lockTakenBy === null) return;
        void letGo();
      },
      lockTakenBy === 'write' ? quietAfterWrite : LOCK_RELEASE_DELAY_MS,
    );
  }
  /**
   * Runs what may open editor pages that show a record (it says so with `editorPageOpened`), and lets go of
   * the lock once it, and whatever else came in the same burst, is done.
   */
  async function inEditor<T>(run: () => Promise<T>): Promise<T> {
    openInEditor += 1;
    try {
      return await run();
    } finally {
      openInEditor -= 1;
      if (openInEditor === 0) releaseLockSoon();
    }
  }
  /**
   * An editor page that shows a record was answered: the user now holds its lock (rec. 15b, 25-sql, 26-sql).
   * A record another editor holds gives the user no lock (rec. 25o), but pages answered together may have
   * taken one in another order than they came back, so a lock already noted is still let go of.
   */
  const editorPageOpened = (by: 'read' | 'write' | 'held-by-another') => {
    if (by !== 'held-by-another') lockTakenBy = by;
  };
  /** Lets go of a lock the station still holds, now (before logging out: the portal keeps it 15 minutes). */
  async function releaseHeldLock(): Promise<void> {
    if (release !== null) clearTimeout(release);
    release = null;
    if (lockTakenBy !== null && openInEditor === 0) await letGo();
  }

  const listeners = new Set<(source: RecordSource) => void>();
  function switchToEditorPages(reason: string) {
    if (source.via === 'editor-pages') return;
    source = { via: 'editor-pages', reason };
    listeners.forEach((listener) => listener(source));
  }

  async function fromApi(occid: number): Promise<ApiAnswer> {
    const response = await http.get(
      `${API_RECORD}/${occid}`,
      { includeMedia: 1 },
      { returnServerErrors: true },
    );
    const where = `API v2 (${API_RECORD}/${occid})`;
    if (response.redirected) return { kind: 'unusable', reason: `${where} answered with a redirect` };
    if (response.status === 404 && isJson(response)) return { kind: 'not-found' };
    if (response.status === 404)
      return { kind: 'unusable', reason: `${where} is not routed on this portal (HTTP 404 page)` };
    if (response.status !== 200)
      return { kind: 'unusable', reason: `${where} answered HTTP ${response.status}` };
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return { kind: 'unusable', reason: `${where} answered with something other than JSON` };
    }
    const parsed = occurrenceResponseSchema.safeParse(body);
    if (!parsed.success) return { kind: 'unusable', reason: `${where} sent a record in an unknown shape` };
    if (parsed.data === null) return { kind: 'not-found' };
    const record = toSpecimenRecord(parsed.data, (url) => http.absolute(url));
    return { kind: 'record', record, lists: apiLists(body) };
  }

  async function imagesOf(occid: number, collid: number) {
    const tab = requireSession(await http.get(IMAGE_TAB, { occid, occindex: 0, csmode: 0, collid }));
    return parseImageTab(parseHtml(tab.text), (url) => http.absolute(url));
  }

  /**
   * An API record with what this portal's API leaves out, from the record's table row: the processing
   * status on 3.0 (recorded-3.0 07a, 21a) and, when `numbers`, the identifier rows on 3.0–3.3, which list
   * none (rec. 3.1 07a, 3.1 25c, 3.1 25d): the row's Other Catalog Numbers holds them with the old column.
   */
  async function completed(record: SpecimenRecord, lists: ApiLists, numbers: boolean) {
    const needs: RowNeeds = { status: !lists.status, numbers: numbers && !lists.identifierRows };
    if (!needs.status && !needs.numbers) return record;
    const row = await rows.read(record.occid, record.collid, needs);
    if (row === null) {
      if (needs.status)
        throw new PortalError('unexpected-response', 'no-status-anywhere', { occid: record.occid });
      return record;
    }
    let whole = record;
    if (needs.status) {
      const status = row.fields['processingStatus'] ?? null;
      whole = { ...whole, processingStatus: status, fields: { ...whole.fields, processingStatus: status } };
    }
    if (needs.numbers)
      whole = {
        ...whole,
        fields: { ...whole.fields, otherCatalogNumbers: row.fields['otherCatalogNumbers'] ?? null },
      };
    return whole;
  }

  /**
   * A record read without an edit lock, for one another editor has open: its table-view row (named in any
   * language, record-row.ts), the image tab, and the record page for what the row cannot say. Null: no
   * such record.
   */
  async function fromTableView(occid: number): Promise<SpecimenRecord | null> {
    if (collection === null) throw recordLocked(occid);
    const row = await rows.read(occid, collection, { all: true });
    if (row === null) return null;
    const fields = row.fields;
    const images = await imagesOf(occid, collection);
    return {
      occid,
      collid: collection,
      catalogNumber: fields['catalogNumber'] ?? null,
      identifiers: [],
      processingStatus: fields['processingStatus'] ?? null,
      recordedBy: fields['recordedBy'] ?? null,
      recordNumber: fields['recordNumber'] ?? null,
      eventDate: fields['eventDate'] ?? null,
      sciname: fields['sciname'] ?? null,
      family: fields['family'] ?? null,
      locality: fields['locality'] ?? null,
      country: fields['country'] ?? null,
      stateProvince: fields['stateProvince'] ?? null,
      county: fields['county'] ?? null,
      dateLastModified: fields['dateLastModified'] ?? null,
      recordSecurity: Number(fields['recordSecurity'] ?? 0) || 0,
      images,
      // The table shows identifier rows and the legacy column together, as the legacy column.
      fields: { otherCatalogNumbers: null, ...fields },
    };
  }

  /**
   * The editor form (it takes an edit lock, rec. 15b) and, when the record has images, the image tab. A
   * record another editor has open shows no form but "Record Locked!" in any language (rec. 3.1 16b,
   * 25e): it is then read from the table view, which takes no lock.
   */
  const fromEditorPages = (occid: number) => inEditor(() => fromEditorForm(occid));
  async function fromEditorForm(occid: number): Promise<SpecimenRecord | null> {
    const response = requireSession(await http.get(EDITOR, { occid }));
    const doc = parseHtml(response.text);
    const held = isLockedByAnotherEditor(doc, occid);
    editorPageOpened(held ? 'held-by-another' : 'read');
    if (held) return fromTableView(occid);
    // The page for a record that does not exist is not recorded; whatever it shows, it shows no form for
    // this occid, and neither does the refusal a user without rights on the record's collection gets.
    const record = parseEditorRecord(doc, occid);
    if (record === null) return null;
    // The page lists the record's images in a script (`imgArr[1] = "…_med.jpg"`, rec. 15b); without one
    // there is nothing to ask the image tab for.
    if (!/imgArr\[\d+\]\s*=/.test(response.text)) return { ...record, images: [] };
    return { ...record, images: await imagesOf(occid, record.collid) };
  }

  /**
   * The old column, which API v2 on 3.4 hides (rec. 07a, 14b): its record's table-view row shows it, or
   * where the row's headers cannot be named, the record page (rec. 25d); neither takes an edit lock.
   * (The record page's JSON does not, on a portal that keeps stamps only in the old column: rec. 16m.)
   */
  async function legacyCatalogNumbers(record: SpecimenRecord): Promise<string | null> {
    const row = await rows.read(record.occid, record.collid, { numbers: true });
    return row?.fields['otherCatalogNumbers'] ?? null;
  }

  /**
   * A record as the station guards it before a barcode, a status or a merge. Read through API v2 it lacks
   * what that API hides (3.4: the old column; 3.0–3.3: the identifier rows).
   */
  async function read(occid: number, numbers: boolean): Promise<SpecimenRecord | null> {
    if (source.via === 'api') {
      const answer = await fromApi(occid);
      if (answer.kind === 'record') return completed(answer.record, answer.lists, numbers);
      // A portal may hide protected records from anonymous API readers; the editor lists them to editors.
      if (answer.kind === 'not-found') return fromEditorPages(occid);
      switchToEditorPages(answer.reason);
    }
    return fromEditorPages(occid);
  }
  const readCore = (occid: number) => read(occid, false);

  return {
    readCore,

    /**
     * A record as a screen shows it: with its other catalog numbers where this portal's API lists no
     * identifier rows (3.0–3.3: one request more, the record's table row, which 3.0 reads anyway).
     */
    readRecord: (occid: number) => read(occid, true),

    /**
     * The record with all its other catalog numbers, where they matter most (before adding an accession):
     * also the old column that 3.4's API hides.
     */
    async readWithLegacyColumn(occid: number): Promise<SpecimenRecord | null> {
      const record = await read(occid, true);
      if (record === null || record.identifiers.length > 0 || 'otherCatalogNumbers' in record.fields)
        return record;
      const legacy = await legacyCatalogNumbers(record);
      return { ...record, fields: { ...record.fields, otherCatalogNumbers: legacy } };
    },

    /** After a merge: is the record gone? (API 404, rec. 10d; on the editor pages, no form for it.) */
    async isGone(occid: number): Promise<boolean> {
      if (source.via === 'api') {
        const answer = await fromApi(occid);
        if (answer.kind !== 'unusable') return answer.kind === 'not-found';
        switchToEditorPages(answer.reason);
      }
      return (await fromEditorPages(occid)) === null;
    },

    fromApi,
    fromEditorPages,
    fromTableView,
    inEditor,
    editorPageOpened,
    releaseHeldLock,
    tableHeadersUnnamed: rows.tablesUnnamed,
    /** The station works on this collection: records can be read from its table view. */
    workOn(collid: number) {
      collection = collid;
    },
    source: () => source,
    onSourceChange(listener: (source: RecordSource) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type RecordReader = ReturnType<typeof createRecordReader>;
