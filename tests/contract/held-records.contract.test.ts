import { describe, expect, it, vi } from 'vitest';
import { otherCatalogNumbersOf } from '../../src/domain/occurrence';
import { isLockedByAnotherEditor, parseEditorRecord } from '../../src/portal/symbiota/editor-record';
import { parseActionStatus, parseHtml } from '../../src/portal/symbiota/html';
import { LOCK_RELEASE_DELAY_MS } from '../../src/portal/symbiota/record-reader';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import {
  editorShowsNoRecord,
  exchange,
  RECORDED_PORTAL,
  replay,
  withJson,
  type Exchange,
} from './recordings';

/**
 * Records another editor has open in the portal's editor, on a 3.4.14 portal in Portuguese (recorded
 * INDEX §25): its editor page says "Registro bloqueado!" and its table view leaves most headers empty, so
 * neither names the record's fields. The station reads such a record from its table row by the values it
 * can check (the status asked back of the table), the record page and its DwC JSON, and a list is never
 * held up by one record it cannot read.
 */
const portalFor = (...script: Exchange[]) => {
  const r = replay(...script);
  return { portal: createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: r.fetch }), replay: r };
};
const apiRead = (occid: number): Exchange['request'] => ({
  method: 'GET',
  path: `/api/v2/occurrence/${occid}`,
  query: [['includeMedia', '1']],
  form: [],
});
/** A portal whose API v2 fails (as 14a) for this record: the station reads the editor pages instead. */
const apiFailsFor = (occid: number): Exchange => ({
  ...exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'),
  name: `API v2 failing for ${occid} (as 14a)`,
  request: apiRead(occid),
});
const releasesLock = exchange('21r-pt-editor-occid-minus1-releases-lock');
const released = async (r: ReturnType<typeof replay>) =>
  vi.waitFor(() => expect(r.sent.at(-1)?.query).toEqual([['occid', '-1']]), { timeout: 2000 });
/**
 * A page that meets another editor's lock gives the user none (`getLock` deleted the user's own before it
 * failed, rec. 25o): the station has nothing to let go of, and asks nothing more.
 */
const nothingToRelease = async (r: ReturnType<typeof replay>) => {
  await new Promise((resolve) => setTimeout(resolve, 2 * LOCK_RELEASE_DELAY_MS));
  r.assertAllUsed();
  expect(r.sent.some((sent) => sent.query.some(([k, v]) => k === 'occid' && v === '-1'))).toBe(false);
};

describe('a record another editor holds, on a portal in Portuguese (recordings 25)', () => {
  it('Option 1: stamp 612 finds record 8 that admin has open, and its barcode is linked (25a–25h)', async () => {
    // Admin opened record 8 in the portal's editor (25a); the technician's editor page meets the lock (25e).
    const opened = parseHtml(exchange('25a-pt-admin-editor-occid8-takes-lock').response.body);
    expect(isLockedByAnotherEditor(opened, 8)).toBe(false);
    const locked = exchange('25e-pt-tech-editor-occid8-record-locked').response.body;
    expect(locked).toContain('Registro bloqueado!');
    expect(isLockedByAnotherEditor(parseHtml(locked), 8)).toBe(true);
    const search = portalFor(
      exchange('25b-pt-table-ocn-612-hit'),
      exchange('25c-api-occurrence-8'),
      // The API hides the old column; the row cannot name it; the record page shows it, lock or not.
      exchange('25d-pt-individual-occid8-while-locked'),
    );
    const found = await search.portal.findByAccession(1, ['612', '0612', '00612']);
    expect(found.total).toBe(1);
    expect(found.records).toEqual([
      expect.objectContaining({
        occid: 8,
        otherCatalogNumbers: '612',
        catalogNumber: null,
        recordedBy: 'T. B. Nguyen',
        recordNumber: '77',
        eventDate: '1979-07-03',
      }),
    ]);
    expect(found.records[0]?.unreadable).toBeUndefined();
    search.replay.assertAllUsed();

    const link = portalFor(
      exchange('25c-api-occurrence-8'),
      exchange('25f-d1-dupequerycatnum-DEMO0009008-unused'),
      // The save is applied though admin holds the record; its page shows the lock box, not the form.
      exchange('25g-pt-w1-save-occid8-catalognumber-while-locked'),
      exchange('25h-api-occurrence-8-after-save'),
    );
    const saved = await link.portal.setCatalogNumber(1, 8, 'DEMO0009008');
    expect(saved.record.catalogNumber).toBe('DEMO0009008');
    expect(saved.after).toEqual({ catalognumber: 'DEMO0009008' });
    // The lock stays admin's (25-locks-sql); the technician holds none.
    await nothingToRelease(link.replay);
  });

  it('without API v2, reads record 8 that admin holds: no status, by asking the table (25e, 25i–25l)', async () => {
    const { portal, replay } = portalFor(
      exchange('21m-pt-probe-editor-tech'),
      apiFailsFor(8),
      exchange('25e-pt-tech-editor-occid8-record-locked'),
      exchange('25i-pt-table-occid8'),
      exchange('25d-pt-individual-occid8-while-locked'),
      // No cell of the row is a status the portal ships: "no status" is asked first, and confirmed.
      exchange('25j-pt-table-occid8-status-isnull'),
      exchange('25k-individual-format-json-occid8'),
      exchange('25l-pt-imagetab-occid8'),
    );
    await portal.session(1);
    const record = await portal.readRecord(8);
    expect(record).toMatchObject({
      occid: 8,
      collid: 1,
      catalogNumber: 'DEMO0009008',
      processingStatus: null,
      recordedBy: 'T. B. Nguyen',
      recordNumber: '77',
      eventDate: '1979-07-03',
      sciname: 'Lupinus argenteus',
      country: 'USA',
      locality: 'Hart Prairie, Snowbowl Road',
      images: [],
    });
    expect(record && otherCatalogNumbersOf(record)).toEqual(['612']);
    await nothingToRelease(replay);
  });

  it('without API v2, the Review queue lists record 36 that the technician holds, with its accession and status (25m–25t)', async () => {
    // The technician's save (applied, its page showing the record) left them holding record 36 (25m,
    // 25-locks-sql); admin's station lists the queue.
    const save = parseHtml(exchange('25m-pt-w1-save-occid36-identifier-expert-required').response.body);
    expect(parseActionStatus(save)?.kind).toBe('applied');
    expect(parseEditorRecord(save, 36)?.processingStatus).toBe('expert required');
    const { portal, replay } = portalFor(
      exchange('25n-pt-table-expert-required'),
      apiFailsFor(36),
      exchange('25o-pt-admin-editor-occid36-record-locked'),
      exchange('25p-pt-table-occid36'),
      exchange('25q-pt-individual-occid36-while-locked'),
      // "expert required" is a stock status among the row's cells: asked back first, and confirmed.
      exchange('25r-pt-table-occid36-status-expert-required'),
      exchange('25s-individual-format-json-occid36'),
      exchange('25t-pt-imagetab-occid36'),
    );
    const queue = await portal.listByStatus(1, 'expert required', { offset: 0, limit: 20 });
    expect(queue.total).toBe(1);
    expect(queue.records).toEqual([
      expect.objectContaining({
        occid: 36,
        catalogNumber: 'DEMO0001235',
        otherCatalogNumbers: '4488',
        processingStatus: 'expert required',
      }),
    ]);
    expect(queue.records[0]?.unreadable).toBeUndefined();
    await nothingToRelease(replay);
  });

  it('a held record whose record page does not show it is listed as unreadable, with why (25n–25p, 25v)', async () => {
    const notShown: Exchange = {
      ...exchange('25v-pt-individual-occid999999-none'),
      name: 'the record page answering for 36 as for a record it cannot locate (25v)',
      request: exchange('25q-pt-individual-occid36-while-locked').request,
    };
    const { portal, replay } = portalFor(
      exchange('25n-pt-table-expert-required'),
      apiFailsFor(36),
      exchange('25o-pt-admin-editor-occid36-record-locked'),
      exchange('25p-pt-table-occid36'),
      notShown,
    );
    const queue = await portal.listByStatus(1, 'expert required', { offset: 0, limit: 20 });
    expect(queue.records).toEqual([
      expect.objectContaining({
        occid: 36,
        unreadable: { code: 'portal.error.record-page-without-record', values: { occid: 36 } },
      }),
    ]);
    await nothingToRelease(replay);
  });

  it('one record gone between the list and its read does not hold up the others (21o, 07c, 07d)', async () => {
    const apiRecord = (occid: number) =>
      withJson(
        {
          ...exchange('07c-api-occurrence-34-skeletal'),
          name: `API record ${occid}`,
          request: apiRead(occid),
        },
        (v) => [{ ...(v as Record<string, unknown>[])[0], occid, catalogNumber: `DEMO000${1199 + occid}` }],
      );
    const { portal, replay } = portalFor(
      exchange('21o-pt-table-unprocessed-no-ocn-page1'),
      apiRecord(32),
      apiRecord(33),
      { ...exchange('07d-api-occurrence-999999-missing'), name: 'API 34 gone', request: apiRead(34) },
      apiRecord(35),
      editorShowsNoRecord(34),
      releasesLock,
    );
    const page = await portal.listUnprocessedWithoutAccession(1, { offset: 0, limit: 4 });
    expect(page.records.map((r) => [r.occid, r.catalogNumber, r.unreadable?.code ?? null])).toEqual([
      [32, 'DEMO0001231', null],
      [33, 'DEMO0001232', null],
      [34, null, 'portal.error.record-missing'],
      [35, 'DEMO0001234', null],
    ]);
    await released(replay);
    replay.assertAllUsed();
  });
});
