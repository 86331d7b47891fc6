import type { SpecimenRecord } from '../../domain/occurrence';
import { PortalError } from '../errors';
import type { RecordSource } from '../portal';
import { individualJsonSchema, occurrenceResponseSchema, toSpecimenRecord } from './api-record';
import { parseEditorRecord, parseImageTab } from './editor-record';
import { parseHtml } from './html';
import { requireSession, type PortalHttp, type PortalResponse } from './http';
import { API_RECORD, EDITOR, IMAGE_TAB, RECORD_PAGE } from './paths';

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PortalError(
      'unexpected-response',
      `The portal sent something other than JSON for ${what}.`,
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
    return { kind: 'record', record: toSpecimenRecord(parsed.data[0]!, (url) => http.absolute(url)) };
  }

  /** The editor form (it takes an edit lock, rec. 15b) and, when the record has images, the image tab. */
  async function fromEditorPages(occid: number): Promise<SpecimenRecord | null> {
    const response = requireSession(await http.get(EDITOR, { occid }));
    // The page for a record that does not exist is not recorded; whatever it shows, it shows no form for
    // this occid, and neither does the refusal a user without rights on the record's collection gets.
    const record = parseEditorRecord(parseHtml(response.text), occid);
    if (record === null) return null;
    // The page lists the record's images in a script (`imgArr[1] = "…_med.jpg"`, rec. 15b); without one
    // there is nothing to ask the image tab for.
    if (!/imgArr\[\d+\]\s*=/.test(response.text)) return { ...record, images: [] };
    const tab = requireSession(
      await http.get(IMAGE_TAB, { occid, occindex: 0, csmode: 0, collid: record.collid }),
    );
    return { ...record, images: parseImageTab(parseHtml(tab.text), (url) => http.absolute(url)) };
  }

  /** The legacy column, which API v2 hides (rec. 07a, 14b); the record page's DwC JSON shows it (12h). */
  async function legacyCatalogNumbers(occid: number): Promise<string | null> {
    const response = await http.get(RECORD_PAGE, { occid, format: 'json' });
    const parsed = individualJsonSchema.safeParse(parseJson(response.text, `record ${occid}`));
    if (!parsed.success) {
      throw new PortalError(
        'unexpected-response',
        `Record ${occid}'s catalog numbers came back in an unexpected shape.`,
      );
    }
    return parsed.data.otherCatalogNumbers;
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
      const legacy = await legacyCatalogNumbers(occid);
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
    source: () => source,
    onSourceChange(listener: (source: RecordSource) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type RecordReader = ReturnType<typeof createRecordReader>;
