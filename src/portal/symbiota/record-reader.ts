import type { SpecimenRecord } from '../../domain/occurrence';
import { PortalError } from '../errors';
import type { RecordSource } from '../portal';
import { occurrenceResponseSchema, toSpecimenRecord } from './api-record';
import { z } from 'zod';
import { isLockedByAnotherEditor, parseEditorRecord, parseImageTab } from './editor-record';
import { parseHtml, parseRecordTable } from './html';
import { requireSession, type PortalHttp, type PortalResponse } from './http';
import { API_RECORD, EDITOR, IMAGE_TAB, RECORD_PAGE, TABLE } from './paths';

/** How long the portal keeps a record locked for the editor who opened it (OccurrenceEditorManager::getLock). */
export const EDIT_LOCK_MINUTES = 15;
/** Reads that come together (a page of candidates) release their lock once, after the last. */
export const LOCK_RELEASE_DELAY_MS = 200;

const recordLocked = (occid: number) =>
  new PortalError('record-locked', 'record-locked', { occid, minutes: EDIT_LOCK_MINUTES });

/** `what`: the record the JSON was asked for, or null for the installation's status. */
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

type ApiAnswer =
  { kind: 'record'; record: SpecimenRecord } | { kind: 'not-found' } | { kind: 'unusable'; reason: string };

const isJson = (r: PortalResponse) => r.contentType.includes('json') || /^\s*[[{]/.test(r.text);

/**
 * Reads records. API v2 first, without cookies (rec. 14b, 14c); where the API is missing, broken, or
 * answers in a shape this app does not know, the editor's own pages for the rest of the station session
 * (rec. 15a–15c), decided once, the first time it happens, and announced to whoever listens (the portal
 * check and the banner). A network failure is not a reason to switch: it is reported as such.
 */
export function createRecordReader(http: PortalHttp) {
  let source: RecordSource = { via: 'api', reason: null };
  /** The collection the station works on, once it has asked the portal about one (for the table view). */
  let collection: number | null = null;
  /** This portal's table view prints headers the station cannot name (Portuguese): its rows are no help. */
  let tablesUnnamed = false;

  /**
   * Opening a record in the editor locks it against other editors for 15 minutes (rec. 15b, 18d). The
   * portal keeps one lock per user and drops it when the user opens another record, so opening "record
   * -1" (stored as the non-record 0) releases it (rec. 18h, 3.1 18h). Done once after a burst of reads.
   */
  let openInEditor = 0;
  let release: ReturnType<typeof setTimeout> | null = null;
  function releaseLockSoon() {
    if (release !== null) clearTimeout(release);
    release = setTimeout(() => {
      release = null;
      if (openInEditor > 0) return;
      void http.get(EDITOR, { occid: -1 }).catch(() => undefined);
    }, LOCK_RELEASE_DELAY_MS);
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
    // 3.0's API leaves out the processing status (recorded-3.0 07a–07c): the record's table row shows it.
    const wire = (Array.isArray(body) ? body[0] : body) as Record<string, unknown>;
    if (!('processingStatus' in wire)) return { kind: 'record', record: await withStatus(record) };
    return { kind: 'record', record };
  }

  async function imagesOf(occid: number, collid: number) {
    const tab = requireSession(await http.get(IMAGE_TAB, { occid, occindex: 0, csmode: 0, collid }));
    return parseImageTab(parseHtml(tab.text), (url) => http.absolute(url));
  }

  /**
   * A record's row in the table view, found by its number (`q_catalognumber=occid N`, which every 3.x
   * reads as a record number, PROTOCOL §3.1): every column that holds data, the legacy Other Catalog
   * Numbers column among them, without opening the record in the editor (so without an edit lock).
   * Null: no such record in the station's collection; `unnamed`: a header could not be named.
   */
  async function tableRow(occid: number, collid: number) {
    const response = requireSession(
      await http.get(TABLE, [
        ['collid', String(collid)],
        ['q_catalognumber', `occid${occid}`],
        ['occindex', '0'],
        ['reclimit', '1'],
      ]),
    );
    const page = parseRecordTable(parseHtml(response.text));
    if (page.unnamedColumns) tablesUnnamed = true;
    if (!page.records.some((r) => r.occid === occid)) return null;
    return { values: { ...(page.values.get(occid) ?? {}) }, unnamed: page.unnamedColumns };
  }

  /** A record with the processing status its table-view row shows (for an API that leaves it out). */
  async function withStatus(record: SpecimenRecord): Promise<SpecimenRecord> {
    const row = await tableRow(record.occid, record.collid);
    if (row === null || row.unnamed) {
      throw new PortalError('unexpected-response', 'no-status-anywhere', { occid: record.occid });
    }
    const status = row.values['processingStatus'] ?? null;
    return { ...record, processingStatus: status, fields: { ...record.fields, processingStatus: status } };
  }

  /**
   * A record read without an edit lock, for one another editor has open: its table-view row, the image
   * tab, and the record page's JSON for values the table cuts at 60 characters. Null: no such record.
   */
  async function fromTableView(occid: number): Promise<SpecimenRecord | null> {
    if (collection === null) throw recordLocked(occid);
    const row = await tableRow(occid, collection);
    if (row === null) return null;
    if (row.unnamed) throw recordLocked(occid);
    const fields = row.values;
    const cut = Object.entries(fields).filter(([, v]) => v !== null && /\.\.\.$/.test(v) && v.length >= 63);
    if (cut.length > 0) {
      const json = await http.get(RECORD_PAGE, { occid, format: 'json' });
      const whole = z.record(z.string(), z.unknown()).safeParse(parseJson(json.text, { occid }));
      if (whole.success)
        for (const [key] of cut) {
          const value = whole.data[key];
          if (typeof value === 'string' || typeof value === 'number') fields[key] = String(value);
        }
    }
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
   * record another editor has open shows no form but "Record Locked!" (rec. 3.1 16b): it is then read
   * from the table view, which takes no lock.
   */
  async function fromEditorPages(occid: number): Promise<SpecimenRecord | null> {
    openInEditor += 1;
    let response: PortalResponse;
    try {
      response = requireSession(await http.get(EDITOR, { occid }));
    } finally {
      openInEditor -= 1;
      releaseLockSoon();
    }
    const doc = parseHtml(response.text);
    if (isLockedByAnotherEditor(doc, occid)) return fromTableView(occid);
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
   * The legacy column, which API v2 on 3.4 hides (rec. 07a, 14b): its record's table-view row shows it.
   * (The record page's JSON does not, on a portal that keeps stamps only in the old column: rec. 16m.)
   * Where the table's headers cannot be named, the editor form shows it, at the cost of an edit lock.
   */
  async function legacyCatalogNumbers(record: SpecimenRecord): Promise<string | null> {
    if (!tablesUnnamed) {
      const row = await tableRow(record.occid, record.collid);
      if (row !== null && !row.unnamed) return row.values['otherCatalogNumbers'] ?? null;
    }
    const read = await fromEditorPages(record.occid);
    return read?.fields['otherCatalogNumbers'] ?? read?.identifiers.map((i) => i.value).join(', ') ?? null;
  }

  /**
   * A record as the station shows and guards it. Read through API v2 it lacks the legacy Other Catalog
   * Numbers column (hidden there); read from the editor pages it has it.
   */
  async function readCore(occid: number): Promise<SpecimenRecord | null> {
    if (source.via === 'api') {
      const answer = await fromApi(occid);
      if (answer.kind === 'record') return answer.record;
      // A portal may hide protected records from anonymous API readers; the editor lists them to editors.
      if (answer.kind === 'not-found') return fromEditorPages(occid);
      switchToEditorPages(answer.reason);
    }
    return fromEditorPages(occid);
  }

  return {
    readCore,

    /**
     * The record with its legacy column, where it matters most (before adding an accession): the API's
     * record has no identifier rows, so the record page's JSON is asked for the column (rec. 12h).
     */
    async readWithLegacyColumn(occid: number): Promise<SpecimenRecord | null> {
      const record = await readCore(occid);
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
    /** The station works on this collection: records can be read from its table view. */
    workOn(collid: number) {
      collection = collid;
    },
    /** A search found the table's headers unnamed: no use asking it for one record's row either. */
    tableHeadersUnnamed() {
      tablesUnnamed = true;
    },
    source: () => source,
    onSourceChange(listener: (source: RecordSource) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type RecordReader = ReturnType<typeof createRecordReader>;
