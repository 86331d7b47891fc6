import { describe, expect, it, vi } from 'vitest';
import { otherCatalogNumbersOf } from '../../src/domain/occurrence';
import { parseActionStatus, parseHtml } from '../../src/portal/symbiota/html';
import { LOCK_RELEASE_DELAY_MS } from '../../src/portal/symbiota/record-reader';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { exchange, replay, withJson, type Exchange, type RecordedVersion, rejection } from './recordings';

/**
 * What the station does, replayed against a stock Symbiota 3.3.13, 3.2.4, 3.1.8 and 3.0.35 with the demo
 * herbarium (recorded-3.x/INDEX.md): the same flows as on 3.4.14 (symbiota-adapter.contract.test.ts).
 * On these installs the skeletal records start at occid 32 (DEMO0001231), so DEMO0001234 is occid 35.
 */
const PORTALS: Record<Exclude<RecordedVersion, '3.4'>, { url: string; symbiota: string }> = {
  '3.3': { url: 'http://127.0.0.1:8074', symbiota: '3.3.13' },
  '3.2': { url: 'http://127.0.0.1:8073', symbiota: '3.2.4' },
  '3.1': { url: 'http://127.0.0.1:8090', symbiota: '3.1.8' },
  '3.0': { url: 'http://127.0.0.1:8072', symbiota: '3.0.35' },
};

const asRequest = (e: Exchange, name: string, request: Exchange['request']): Exchange => ({
  ...e,
  name,
  request,
});
/**
 * A record's table row as it was before the technician's save (derived from the recorded row after it,
 * 25d): no Other Catalog # cell, the old status. The recordings lack that read.
 */
function rowWithout(e: Exchange, accession: string, status: string): Exchange {
  const body = e.response.body
    .replace('<th>Other Catalog #</th>', '')
    .replace(`<td>${accession}</td>\n`, '')
    .replace(`<td>${status}</td>`, '<td>unprocessed</td>');
  return { ...e, name: `${e.name} before the save (derived)`, response: { ...e.response, body } };
}

const get = (path: string, query: [string, string][]): Exchange['request'] => ({
  method: 'GET',
  path,
  query,
  form: [],
});

describe.each(Object.entries(PORTALS))('Symbiota %s', (version, { url, symbiota }) => {
  const v = version as keyof typeof PORTALS;
  const rec = (name: string) => exchange(name, v);
  const portalFor = (...script: Exchange[]) => {
    const r = replay(...script);
    return {
      // After a write the station lets go of the lock once quiet: here after a short spell.
      portal: createSymbiotaPortal({ portalUrl: url, fetch: r.fetch, lockQuietAfterWriteMs: 50 }),
      replay: r,
    };
  };
  /** 3.0's API leaves out the processing status: the station reads it off the record's table row. */
  const statusRow = (name: string) => (v === '3.0' ? [rec(name)] : []);
  /** After reading through the editor pages, the station releases its edit lock (rec. 21h). */
  const releasesLock = rec('21h-tech-editor-occid-minus1-releases-lock');
  const released = async (r: ReturnType<typeof replay>) =>
    vi.waitFor(() => expect(r.sent.at(-1)?.query).toEqual([['occid', '-1']]), { timeout: 2000 });
  const d1Miss = (catnum: string, occid: number) =>
    asRequest(rec('08b-d1-dupequerycatnum-DEMO0009001-unused'), `D1 ${catnum}`, {
      method: 'POST',
      path: '/collections/editor/rpc/dupequerycatnum.php',
      query: [],
      form: [
        ['catnum', catnum],
        ['collid', '1'],
        ['occid', String(occid)],
      ],
    });

  it('logs in, sees an editor or a refusal, and tells the version (01, 02a, 02f, 07e, 07f)', async () => {
    const { portal, replay } = portalFor(
      rec('01-login-tech'),
      rec('02a-probe-editor-tech'),
      rec('02f-probe-editor-viewer-not-authorized'),
      rec(v === '3.1' ? '07e-api-installation-status-500' : '07e-api-installation-status'),
      rec('07f-api-installation-ping'),
    );
    await portal.login('tech', 'secret');
    expect(await portal.session(1)).toMatchObject({
      kind: 'editor',
      collectionName: 'Demo Herbarium Vascular Plants (DEMO:VP)',
      // 3.0's pages carry no <html lang>.
      portalLanguage: v === '3.0' ? null : 'en',
      statuses: expect.arrayContaining(['unprocessed', 'expert required', 'reviewed']),
    });
    expect((await portal.session(1)).kind).toBe('no-rights');
    expect(await portal.portalVersion()).toBe(symbiota);
    replay.assertAllUsed();
  });

  it('finds 1499 under its older column names and misses 145 (03a, 03b)', async () => {
    const { portal } = portalFor(rec('03a-table-ocn-1499-hit'), rec('03b-table-ocn-145-miss'));
    const page = await portal.findByAccession(1, ['1499']);
    expect(page.records).toEqual([
      expect.objectContaining({
        occid: 1,
        otherCatalogNumbers: '1499',
        recordedBy: 'J. Smith',
        recordNumber: '212',
        eventDate: '1961-07-14',
      }),
    ]);
    expect((await portal.findByAccession(1, ['145'])).total).toBe(0);
  });

  it('lists the unprocessed queue (05a)', async () => {
    const { portal } = portalFor(rec('05a-table-unprocessed-no-ocn-page1'));
    const page = await portal.listUnprocessedWithoutAccession(1, { offset: 0, limit: 4 });
    expect(page.total).toBe(10);
    expect(page.records.map((r) => [r.occid, r.catalogNumber, r.processingStatus])).toEqual([
      [32, 'DEMO0001231', 'unprocessed'],
      [33, 'DEMO0001232', 'unprocessed'],
      [34, 'DEMO0001233', 'unprocessed'],
      [35, 'DEMO0001234', 'unprocessed'],
    ]);
  });

  it('reads records through API v2 in its older shape, with the identifier rows (and on 3.0 the status) from the table row (07a–07c, 21a–21c)', async () => {
    // The API lists no identifier rows before 3.4 (rec. 25c): a record shown on a screen also reads its row.
    const { portal, replay } = portalFor(
      rec('07a-api-occurrence-1-legacy'),
      rec('21a-table-occid1-legacy-column-only'),
      rec('07c-api-occurrence-32-skeletal'),
      rec(v === '3.0' ? '21b-table-occid32-skeletal' : '25e-table-occid32-skeletal'),
      rec('07b-api-occurrence-3-legacy-with-image'),
      rec(v === '3.0' ? '21c-table-occid3-legacy-with-image' : '25f-table-occid3-legacy-with-image'),
    );
    const legacy = await portal.readRecord(1);
    expect(legacy).toMatchObject({ occid: 1, collid: 1, recordNumber: '212', processingStatus: null });
    expect(legacy?.fields['otherCatalogNumbers']).toBe('1499');
    const skeletal = await portal.readRecord(32);
    expect(skeletal).toMatchObject({ catalogNumber: 'DEMO0001231', processingStatus: 'unprocessed' });
    expect(skeletal?.images.map((i) => i.mediaId)).toEqual([2]);
    const withImage = await portal.readRecord(3);
    expect(withImage?.images[0]).toMatchObject({ mediaId: 1 });
    expect(withImage?.images[0]?.originalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/imglib\/.+\.jpg$/);
    expect(portal.recordSource().via).toBe('api');
    replay.assertAllUsed();
  });

  it('answers null for a missing record, which the API answers with {} (07d)', async () => {
    const { portal, replay } = portalFor(
      rec('07d-api-occurrence-999999-missing'),
      asRequest(
        rec('02a-probe-editor-tech'),
        'the editor page without record 999999',
        get('/collections/editor/occurrenceeditor.php', [['occid', '999999']]),
      ),
      releasesLock,
    );
    expect(await portal.readRecord(999999)).toBeNull();
    await released(replay);
    replay.assertAllUsed();
  });

  it('checks barcodes and accession numbers (08a–08e)', async () => {
    const { portal } = portalFor(
      rec('08a-d1-dupequerycatnum-DEMO0001234-used'),
      rec('08b-d1-dupequerycatnum-DEMO0009001-unused'),
      rec('08c-d2-dupequeryothercatnum-1499-from32-hit'),
      rec('08d-d2-dupequeryothercatnum-145-from41-miss'),
      rec('08e-d2-dupequeryothercatnum-0145-from41-hit'),
    );
    expect(await portal.barcodeInUse(1, 'DEMO0001234', 1)).toEqual([35]);
    expect(await portal.barcodeInUse(1, 'DEMO0009001', 1)).toEqual([]);
    expect(await portal.accessionInUse(1, ['1499'], 32)).toEqual([1]);
    expect(await portal.accessionInUse(1, ['145', '0145'], 41)).toEqual([2]);
  });

  it('links a barcode and lets go of the edit lock its save took (07a, 08b, 09a, 25b), and refuses a user without rights (09d1)', async () => {
    const { portal, replay } = portalFor(
      rec('07a-api-occurrence-1-legacy'),
      rec('08b-d1-dupequerycatnum-DEMO0009001-unused'),
      ...statusRow('21a-table-occid1-legacy-column-only'),
      rec('09a-w1-save-occid1-catalognumber'),
      // The save's answer page locked record 1 for tech (09a-sql); record -1 lets go of it (23-…-sql).
      rec('25b-editor-occid-minus1-releases-lock'),
    );
    expect((await portal.setCatalogNumber(1, 1, 'DEMO0009001')).record.catalogNumber).toBe('DEMO0009001');
    await released(replay);
    replay.assertAllUsed();

    const viewer = portalFor(
      rec('07a-api-occurrence-1-legacy'),
      d1Miss('DEMO0009002', 1),
      ...statusRow('21a-table-occid1-legacy-column-only'),
      rec('09d1-w1-save-occid1-as-viewer-refused'),
    );
    expect((await rejection(viewer.portal.setCatalogNumber(1, 1, 'DEMO0009002'))).kind).toBe(
      'not-authorized',
    );
  });

  it('shows the accession a technician saved, which this API v2 does not list, from the table row (25c, 25d)', async () => {
    const { portal, replay } = portalFor(
      rec('25c-api-occurrence-33-after-accession'),
      rec('25d-table-occid33-after-accession'),
    );
    const record = await portal.readRecord(33);
    expect(record).toMatchObject({
      occid: 33,
      catalogNumber: 'DEMO0001232',
      processingStatus: 'expert required',
    });
    expect(record && otherCatalogNumbersOf(record)).toEqual(['2310']);
    replay.assertAllUsed();
    // What the API itself answers: the old column (empty now) and no identifier list.
    expect(JSON.parse(rec('25c-api-occurrence-33-after-accession').response.body)).toMatchObject({
      otherCatalogNumbers: null,
    });
    expect(rec('25c-api-occurrence-33-after-accession').response.body).not.toContain('"identifier"');
  });

  it('adds an accession with Expert Required, having checked the identifier rows the API does not list, then lets go of the lock (25a, 25b)', async () => {
    const before = withJson(
      asRequest(
        rec('25c-api-occurrence-33-after-accession'),
        'API 33 before the accession',
        get('/api/v2/occurrence/33', [['includeMedia', '1']]),
      ),
      (body) => ({ ...(body as object), ...(v === '3.0' ? {} : { processingStatus: 'unprocessed' }) }),
    );
    const rowBefore = rowWithout(rec('25d-table-occid33-after-accession'), '2310', 'expert required');
    const { portal, replay } = portalFor(
      before,
      rowBefore,
      rec('25a-w1-save-occid33-identifier-expert-required'),
      rec('25b-editor-occid-minus1-releases-lock'),
    );
    const saved = await portal.addAccession(1, 33, '2310', 'expert required');
    expect(saved.record.processingStatus).toBe('expert required');
    expect(saved.after).toMatchObject({ othercatalognumbers: '2310', processingstatus: 'expert required' });
    await released(replay);
    replay.assertAllUsed();
  });

  it('reads a record another editor has open from its table row and image tab, and holds no lock of its own (16b, 21f, 21g)', async () => {
    // A portal without API v2 (its 404 page), whose editor shows "Record Locked!" to a second editor.
    const notRouted = asRequest(
      exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'),
      'API v2 failing for record 39',
      get('/api/v2/occurrence/39', [['includeMedia', '1']]),
    );
    const { portal, replay } = portalFor(
      rec('02a-probe-editor-tech'),
      notRouted,
      rec('16b-editor-record-occid39-admin-record-locked'),
      rec('21f-admin-table-occid39-while-locked'),
      rec('21g-admin-imagetab-occid39-while-locked'),
    );
    await portal.session(1);
    const record = await portal.readRecord(39);
    expect(record).toMatchObject({
      occid: 39,
      collid: 1,
      catalogNumber: 'DEMO0001238',
      processingStatus: 'unprocessed',
    });
    expect(record?.images).toHaveLength(1);
    // The lock page gave admin no lock (getLock deleted admin's own before it failed): none to let go of.
    await new Promise((resolve) => setTimeout(resolve, 2 * LOCK_RELEASE_DELAY_MS));
    replay.assertAllUsed();
    expect(replay.sent).toHaveLength(5);
  });
  it('reads records from the editor pages where API v2 fails, then lets go of the lock (15a, 15b, 15c, 21h)', async () => {
    const failing = asRequest(
      exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'),
      'API v2 failing',
      get('/api/v2/occurrence/1', [['includeMedia', '1']]),
    );
    const { portal, replay } = portalFor(
      failing,
      rec('15a-editor-record-occid1-legacy-column-only'),
      rec('15b-editor-record-occid32-skeletal-with-image'),
      rec('15c-editor-imagetab-occid32'),
      releasesLock,
    );
    const legacy = await portal.readRecord(1);
    expect(legacy).toMatchObject({ occid: 1, collid: 1, recordNumber: '212', catalogNumber: null });
    expect(legacy?.fields['otherCatalogNumbers']).toBe('1499');
    expect(legacy?.dateLastModified).toMatch(/^2026-11-30 /);
    const skeletal = await portal.readRecord(32);
    expect(skeletal).toMatchObject({ catalogNumber: 'DEMO0001231', processingStatus: 'unprocessed' });
    // 3.0 and 3.1 name the image URLs origurl and tnurl.
    expect(skeletal?.images[0]?.originalUrl).toMatch(/DEMO0001231\.jpg$/);
    expect(skeletal?.images[0]?.thumbnailUrl).toMatch(/DEMO0001231_tn\.jpg$/);
    expect(portal.recordSource().via).toBe('editor-pages');
    await released(replay);
    replay.assertAllUsed();
  });

  it('reads no comments, posts one and sees it (12a, 12b), and creates a record (13)', async () => {
    const { portal, replay } = portalFor(
      rec('12a-individual-occid38-before-comment'),
      rec('12b-individual-add-comment-occid38-tech'),
      d1Miss('DEMO0009101', 0),
      rec('13-add-skeletal-record-expert-required'),
    );
    expect(await portal.readComments(38)).toEqual([]);
    await portal.addComment(38, 'Linking escalation: test');
    const created = await portal.createRecord(1, 'DEMO0009101', 'expert required', 'tech');
    expect(created.record).toMatchObject({
      occid: 42,
      catalogNumber: 'DEMO0009101',
      processingStatus: 'expert required',
    });
    replay.assertAllUsed();
  });

  it('reads the table view of a Portuguese portal, which falls back to English headers here (19a, 19b)', async () => {
    const { portal } = portalFor(
      rec('19a-pt-table-ocn-1499-hit'),
      rec('19b-pt-table-unprocessed-no-ocn-page1'),
    );
    expect((await portal.findByAccession(1, ['1499'])).records).toEqual([
      expect.objectContaining({ occid: 1, otherCatalogNumbers: '1499', recordNumber: '212' }),
    ]);
    expect((await portal.listUnprocessedWithoutAccession(1, { offset: 0, limit: 4 })).records).toHaveLength(
      4,
    );
  });
});

/** The merge (W2, PROTOCOL §9) on 3.1–3.3 says so in `onload`; 3.0 writes the same `onload` whatever happened. */
describe('merging on older versions', () => {
  const versions = ['3.3', '3.2', '3.1'] as const;
  it.each(versions)(
    'Symbiota %s: merges 35 into 1 and confirms the barcode and image moved (10a)',
    async (v) => {
      const rec = (name: string) => exchange(name, v);
      const api = (occid: number, patch: Record<string, unknown>) =>
        withJson(
          asRequest(
            rec('07c-api-occurrence-32-skeletal'),
            `API ${occid}`,
            get(`/api/v2/occurrence/${occid}`, [['includeMedia', '1']]),
          ),
          (body) => ({ ...(body as object), occid, ...patch }),
        );
      const media = (body: Record<string, unknown>) => body['media'];
      const skeletal = JSON.parse(rec('07c-api-occurrence-32-skeletal').response.body) as Record<
        string,
        unknown
      >;
      const r = replay(
        api(35, { catalogNumber: 'DEMO0001234' }),
        api(1, { catalogNumber: null, processingStatus: null, media: [] }),
        asRequest(exchange('08g-d3-getassocimgcnt-occid1'), 'D3 for 1', {
          method: 'POST',
          path: '/collections/editor/rpc/getassocimgcnt.php',
          query: [],
          form: [['occid', '1']],
        }),
        rec('10a-w2-merge-35-into-1'),
        asRequest(
          rec('07d-api-occurrence-999999-missing'),
          'API 35 gone',
          get('/api/v2/occurrence/35', [['includeMedia', '1']]),
        ),
        api(1, { catalogNumber: 'DEMO0001234', processingStatus: 'unprocessed', media: media(skeletal) }),
      );
      const portal = createSymbiotaPortal({ portalUrl: PORTALS[v].url, fetch: r.fetch });
      const { merged } = await portal.mergeSkeletalIntoLegacy(1, 35, 1);
      expect(merged).toMatchObject({ occid: 1, catalogNumber: 'DEMO0001234' });
      r.assertAllUsed();
    },
  );

  it('Symbiota 3.0: the answer says nothing, so the station reads both records to know the merge happened (22a–22g)', async () => {
    const rec = (name: string) => exchange(name, '3.0');
    const r = replay(
      rec('22a-api-occurrence-35-skeletal'),
      rec('22b-table-occid35-skeletal'),
      rec('07a-api-occurrence-1-legacy'),
      rec('21a-table-occid1-legacy-column-only'),
      rec('22c-d3-getassocimgcnt-occid1'),
      rec('22d-w2-merge-35-into-1'),
      rec('22e-api-occurrence-35-after-merge'),
      { ...rec('22e-api-occurrence-35-after-merge'), name: '22e again, as the confirmation reads it' },
      rec('22f-api-occurrence-1-after-merge'),
      rec('22g-table-occid1-after-merge'),
    );
    const portal = createSymbiotaPortal({ portalUrl: PORTALS['3.0'].url, fetch: r.fetch });
    const { merged } = await portal.mergeSkeletalIntoLegacy(1, 35, 1);
    expect(merged).toMatchObject({ occid: 1, catalogNumber: 'DEMO0001234', processingStatus: 'unprocessed' });
    expect(merged.images.map((i) => i.mediaId)).toEqual([5]);
    r.assertAllUsed();
  });
});

/** A 3.1.8 portal answering in Spanish (recorded-3.1 16x, 21j–21l): English headers and save line, Spanish paging. */
describe('Symbiota 3.1 in Spanish', () => {
  const rec = (name: string) => exchange(name, '3.1');
  const portalFor = (...script: Exchange[]) => {
    const r = replay(...script);
    return { portal: createSymbiotaPortal({ portalUrl: PORTALS['3.1'].url, fetch: r.fetch }), replay: r };
  };

  it('logs in, sees an editor or a refusal, and reports a wrong password (16a–16d, 16s, 21k)', async () => {
    const { portal, replay } = portalFor(
      rec('16a-es-login-tech'),
      rec('16b-es-probe-editor-tech'),
      rec('21k-es-probe-editor-tech'),
      rec('16c-es-login-viewer'),
      rec('16d-es-probe-editor-viewer-not-authorized'),
      rec('16s-es-login-failure-wrong-password'),
    );
    await portal.login('tech', 'secret');
    expect(await portal.session(1)).toMatchObject({ kind: 'editor', portalLanguage: 'es' });
    expect(await portal.session(1)).toMatchObject({
      kind: 'editor',
      collectionName: 'Demo Herbarium Vascular Plants (DEMO:VP)',
    });
    await portal.login('viewer', 'secret');
    expect((await portal.session(1)).kind).toBe('no-rights');
    expect((await rejection(portal.login('tech', 'wrong'))).kind).toBe('login-failed');
    replay.assertAllUsed();
  });

  it('searches and lists with Spanish paging and English headers (16e, 16f, 16h, 21j)', async () => {
    const { portal } = portalFor(
      rec('16e-es-table-ocn-1499-hit'),
      rec('21j-es-table-ocn-1499-hit'),
      rec('16f-es-table-ocn-145-miss'),
      rec('16h-es-table-unprocessed-no-ocn-page1'),
    );
    for (let i = 0; i < 2; i++)
      expect((await portal.findByAccession(1, ['1499'])).records).toEqual([
        expect.objectContaining({
          occid: 1,
          otherCatalogNumbers: '1499',
          recordNumber: '212',
          eventDate: '1961-07-14',
        }),
      ]);
    expect((await portal.findByAccession(1, ['145'])).total).toBe(0);
    const queue = await portal.listUnprocessedWithoutAccession(1, { offset: 0, limit: 4 });
    expect(queue.records.map((r) => r.catalogNumber)).toEqual([
      'DEMO0001231',
      'DEMO0001232',
      'DEMO0001233',
      'DEMO0001234',
    ]);
  });

  it('reads a record from the Spanish editor page and saves with the English success line (16i, 16p, 21l)', async () => {
    const { portal, replay } = portalFor(
      asRequest(
        exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'),
        'API v2 failing',
        get('/api/v2/occurrence/1', [['includeMedia', '1']]),
      ),
      rec('16i-es-editor-record-occid1-legacy-column-only'),
      rec('21h-tech-editor-occid-minus1-releases-lock'),
    );
    const record = await portal.readRecord(1);
    expect(record?.fields['otherCatalogNumbers']).toBe('1499');
    expect(record?.dateLastModified).toMatch(/^2026-/);
    await vi.waitFor(() => expect(replay.sent).toHaveLength(3), { timeout: 2000 });
    for (const name of ['16p-es-w1-save-occid1-catalognumber', '21l-es-w1-save-occid1-catalognumber'])
      expect(parseActionStatus(parseHtml(rec(name).response.body))?.kind).toBe('applied');
  });
});
