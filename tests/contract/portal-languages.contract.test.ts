import { describe, expect, it, vi } from 'vitest';
import { parseActionStatus, parseHtml, parseRecordTable } from '../../src/portal/symbiota/html';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import {
  exchange,
  RECORDED_PORTAL,
  replay,
  tableRowOf,
  withJson,
  type Exchange,
  rejection,
} from './recordings';

/**
 * The same 3.4.14 portal answering in Spanish (recordings 16a–16y) and French (17a–17y): the language came
 * from a `lang` cookie the browser carries (recorded INDEX §16–17). The station must do in either what it
 * does in English. Steps the language does not touch (API v2, the rpc checks) are answered by the English
 * recordings: INDEX §16–17 found them byte-identical.
 */
const portalFor = (...script: Exchange[]) => {
  const r = replay(...script);
  return { portal: createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: r.fetch }), replay: r };
};

const asRequest = (e: Exchange, name: string, request: Exchange['request']): Exchange => ({
  ...e,
  name,
  request,
});
const apiRead = (occid: number) => ({
  method: 'GET',
  path: `/api/v2/occurrence/${occid}`,
  query: [['includeMedia', '1']] as [string, string][],
  form: [],
});
/** An API v2 record of this install (INDEX §16–17: its skeletal records start at occid 32). */
const apiRecord = (occid: number, patch: Record<string, unknown>): Exchange =>
  withJson(
    asRequest(exchange('07c-api-occurrence-34-skeletal'), `API record ${occid}`, apiRead(occid)),
    (v) => [{ ...(v as Record<string, unknown>[])[0], occid, ...patch }],
  );
const rpc = (name: string, path: string, form: [string, string][]): Exchange =>
  asRequest(exchange(name), `${name} as ${form.map(([k, v]) => `${k}=${v}`).join('&')}`, {
    method: 'POST',
    path: `/collections/editor/rpc/${path}`,
    query: [],
    form,
  });

const LANGUAGES = [
  {
    lang: 'es',
    n: '16',
    loginRefused: 'Su nombre de usuario o contraseña es incorrecto',
    tableRow: '21j-es-table-occid1-legacy-column-only',
  },
  {
    lang: 'fr',
    n: '17',
    loginRefused: "Votre nom d'utilisateur ou mot de passe était incorrect",
    tableRow: '21t-fr-table-occid1-legacy-column-only',
  },
] as const;

describe.each(LANGUAGES)(
  'a portal answering in $lang (recordings $n)',
  ({ lang, n, loginRefused, tableRow }) => {
    const rec = (letter: string, rest: string) => exchange(`${n}${letter}-${lang}-${rest}`);

    it('logs in and sees an editor, with the collection name and the portal language (a, b, c, d)', async () => {
      const tech = portalFor(rec('a', 'login-tech'), rec('b', 'probe-editor-tech'));
      await tech.portal.login('tech', 'secret');
      expect(await tech.portal.session(1)).toMatchObject({
        kind: 'editor',
        collectionName: 'Demo Herbarium Vascular Plants (DEMO:VP)',
        portalLanguage: lang,
        statuses: expect.arrayContaining(['unprocessed', 'expert required', 'reviewed']),
      });
      const viewer = portalFor(rec('c', 'login-viewer'), rec('d', 'probe-editor-viewer-not-authorized'));
      await viewer.portal.login('viewer', 'secret');
      expect(await viewer.portal.session(1)).toEqual({
        kind: 'no-rights',
        collectionName: 'Demo Herbarium Vascular Plants (DEMO:VP)',
        portalLanguage: lang,
      });
      tech.replay.assertAllUsed();
      viewer.replay.assertAllUsed();
    });

    it('reports a wrong password in the portal’s own words (s) and an anonymous probe as logged out (t)', async () => {
      const { portal } = portalFor(
        rec('s', 'login-failure-wrong-password'),
        rec('t', 'probe-editor-anonymous'),
      );
      const error = await rejection(portal.login('tech', 'wrong'));
      expect(error.kind).toBe('login-failed');
      expect(error.message).toContain(loginRefused);
      expect(await portal.session(1)).toEqual({ kind: 'logged-out' });
    });

    it('finds 1499 with its collector, number and date, and misses 145, by the table’s count in any words (e, f)', async () => {
      const { portal } = portalFor(rec('e', 'table-ocn-1499-hit'), rec('f', 'table-ocn-145-miss'));
      const hit = await portal.findByAccession(1, ['1499']);
      expect(hit.total).toBe(1);
      expect(hit.records).toEqual([
        expect.objectContaining({
          occid: 1,
          otherCatalogNumbers: '1499',
          catalogNumber: null,
          recordedBy: 'J. Smith',
          recordNumber: '212',
          eventDate: '1961-07-14',
          sciname: 'Penstemon barbatus',
          family: 'Plantaginaceae',
        }),
      ]);
      expect(await portal.findByAccession(1, ['145'])).toEqual({ records: [], offset: 0, total: 0 });
    });

    it('pages the unprocessed queue with the portal total and each barcode (h)', async () => {
      const { portal } = portalFor(rec('h', 'table-unprocessed-no-ocn-page1'));
      const page = await portal.listUnprocessedWithoutAccession(1, { offset: 0, limit: 4 });
      expect(page.total).toBe(12);
      expect(page.records.map((r) => [r.occid, r.catalogNumber, r.processingStatus])).toEqual([
        [32, 'DEMO0001231', 'unprocessed'],
        [33, 'DEMO0001232', 'unprocessed'],
        [34, 'DEMO0001233', 'unprocessed'],
        [35, 'DEMO0001234', 'unprocessed'],
      ]);
    });

    it('reads records from the editor pages, with the date they were last modified (14a, i, j, k)', async () => {
      const { portal, replay } = portalFor(
        exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'),
        rec('i', 'editor-record-occid1-legacy-column-only'),
        rec('j', 'editor-record-occid34-skeletal-with-image'),
        rec('k', 'editor-imagetab-occid34'),
      );
      const legacy = await portal.readRecord(1);
      expect(legacy).toMatchObject({ occid: 1, recordNumber: '212', catalogNumber: null });
      expect(legacy?.fields['otherCatalogNumbers']).toBe('1499');
      expect(legacy?.dateLastModified).toMatch(/^2026-11-30 \d\d:\d\d:\d\d$/);
      const skeletal = await portal.readRecord(34);
      expect(skeletal).toMatchObject({ catalogNumber: 'DEMO0001233', processingStatus: 'unprocessed' });
      expect(skeletal?.images.map((i) => i.mediaId)).toEqual([4]);
      expect(skeletal?.images[0]?.originalUrl).toMatch(/^http:\/\/127\.0\.0\.1:8080\/.+\.jpg$/);
      replay.assertAllUsed();
    });

    it('sees a stamp kept only in the old column in the record’s table row, in this language (l, 21j/21t), where the record page’s JSON shows none (m)', async () => {
      const { portal, replay } = portalFor(rec('l', 'api-occurrence-1-lang-cookie-only'), exchange(tableRow));
      const error = await rejection(portal.addAccession(1, 1, '77'));
      expect(error.kind).toBe('record-changed');
      expect(error.message).toContain('1499');
      replay.assertAllUsed();
      // Why the station does not ask the record page: on 3.4.8 and later its JSON gives the identifier rows
      // only (whatever the language; Spanish starts with a line break), so a stamp in the old column is null.
      const json = rec('m', 'individual-format-json-occid1').response.body;
      expect(JSON.parse(json)).toMatchObject({ occid: 1, otherCatalogNumbers: null });
    });

    it('checks barcodes and accession numbers as in English (n, o)', async () => {
      const { portal } = portalFor(
        rec('n', 'd1-dupequerycatnum-DEMO0001234-used'),
        rec('o', 'd2-dupequeryothercatnum-1499-from34-hit'),
      );
      expect(await portal.barcodeInUse(1, 'DEMO0001234', 1)).toEqual([35]);
      expect(await portal.accessionInUse(1, ['1499'], 34)).toEqual([1]);
    });

    it('links a barcode and reads the save as applied, whatever its words (l, p)', async () => {
      const { portal, replay } = portalFor(
        rec('l', 'api-occurrence-1-lang-cookie-only'),
        rpc('08b-d1-dupequerycatnum-DEMO0009001-unused', 'dupequerycatnum.php', [
          ['catnum', 'DEMO0009001'],
          ['collid', '1'],
          ['occid', '1'],
        ]),
        rec('p', 'w1-save-occid1-catalognumber'),
      );
      expect((await portal.setCatalogNumber(1, 1, 'DEMO0009001')).record.catalogNumber).toBe('DEMO0009001');
      replay.assertAllUsed();
    });

    it('adds an accession with Expert Required in one save (q); a used barcode the portal accepts reads as applied (r)', async () => {
      const { portal, replay } = portalFor(
        apiRecord(38, { catalogNumber: 'DEMO0001237' }),
        tableRowOf(38, { catalogNumber: 'DEMO0001237' }),
        rec('q', 'w1-save-occid38-identifier-expert-required'),
      );
      const saved = await portal.addAccession(1, 38, '4488', 'expert required');
      expect(saved.record.processingStatus).toBe('expert required');
      expect(saved.record.identifiers.map((i) => i.value)).toContain('4488');
      replay.assertAllUsed();
      const accepted = parseHtml(rec('r', 'w1-save-occid2-barcode-already-used').response.body);
      expect(parseActionStatus(accepted)?.kind).toBe('applied');
    });

    it('merges 34 into 1 and confirms it (u)', async () => {
      const media = [
        { mediaID: 4, url: 'http://127.0.0.1:8080/imglib/DEMO_VP/DEMO0001/DEMO0001233_med.jpg' },
      ];
      const { portal, replay } = portalFor(
        apiRecord(34, { catalogNumber: 'DEMO0001233', media }),
        rec('l', 'api-occurrence-1-lang-cookie-only'),
        rpc('08g-d3-getassocimgcnt-occid1', 'getassocimgcnt.php', [['occid', '1']]),
        rec('u', 'w2-merge-34-into-1'),
        asRequest(exchange('10d-api-occurrence-34-after-merge-404'), 'API 34 gone', apiRead(34)),
        withJson(rec('l', 'api-occurrence-1-lang-cookie-only'), (v) => [
          { ...(v as Record<string, unknown>[])[0], catalogNumber: 'DEMO0001233', media },
        ]),
      );
      const { merged } = await portal.mergeSkeletalIntoLegacy(1, 34, 1);
      expect(merged.catalogNumber).toBe('DEMO0001233');
      replay.assertAllUsed();
    });

    it('reads no comments, posts one and sees it listed (w, x)', async () => {
      const { portal, replay } = portalFor(
        rec('w', 'individual-occid38-before-comment'),
        rec('x', 'individual-add-comment-occid38-tech'),
      );
      expect(await portal.readComments(38)).toEqual([]);
      await portal.addComment(38, 'Linking escalation: test');
      replay.assertAllUsed();
    });

    it('creates a record for a specimen that has none (y)', async () => {
      const { portal, replay } = portalFor(
        rpc('08b-d1-dupequerycatnum-DEMO0009001-unused', 'dupequerycatnum.php', [
          ['catnum', 'DEMO0009101'],
          ['collid', '1'],
          ['occid', '0'],
        ]),
        rec('y', 'add-skeletal-record-expert-required'),
      );
      const created = await portal.createRecord(1, 'DEMO0009101', 'expert required', 'tech');
      expect(created.record).toMatchObject({
        occid: 217,
        catalogNumber: 'DEMO0009101',
        processingStatus: 'expert required',
      });
      replay.assertAllUsed();
    });
  },
);

/**
 * Portuguese is shipped in part (INDEX §16–17; rec. 21m–21s, the same 3.4.14 with `lang=pt`): the table
 * view keeps English paging but prints most column headers empty, so the station reads its rows' values
 * record by record.
 */
describe('a portal answering in Portuguese (recordings 21m–21s)', () => {
  it('sees an editor and the portal language (m)', async () => {
    const { portal } = portalFor(exchange('21m-pt-probe-editor-tech'));
    expect(await portal.session(1)).toMatchObject({
      kind: 'editor',
      collectionName: 'Demo Herbarium Vascular Plants (DEMO:VP)',
      portalLanguage: 'pt',
    });
  });

  it('finds 1499 though the table names no column: the record from API v2, the old column from the record page (n, p; 25b–25d)', async () => {
    const page = parseRecordTable(parseHtml(exchange('21n-pt-table-ocn-1499-hit').response.body));
    expect(page).toMatchObject({ total: 1, unnamedColumns: true });
    expect(page.records.map((r) => r.occid)).toEqual([1]);
    // Asking the table for the record's own row is no help: its headers are as empty (21p). The whole
    // search, replayed on stamp 612 (25b–25d), is in held-records.contract.test.ts.
    expect(parseRecordTable(parseHtml(exchange('21p-pt-table-occid1').response.body)).unnamedColumns).toBe(
      true,
    );
  });

  it('without API v2, reads a record from the Portuguese editor form and lets go of its lock (q, r)', async () => {
    const { portal, replay } = portalFor(
      asRequest(exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'), 'API v2 failing', apiRead(1)),
      exchange('21q-pt-editor-record-occid1'),
      exchange('21r-pt-editor-occid-minus1-releases-lock'),
    );
    const record = await portal.readRecord(1);
    expect(record).toMatchObject({
      occid: 1,
      recordedBy: 'J. Smith',
      recordNumber: '212',
      catalogNumber: null,
    });
    expect(record?.fields['otherCatalogNumbers']).toBe('1499');
    await vi.waitFor(() => expect(replay.sent).toHaveLength(3), { timeout: 2000 });
    replay.assertAllUsed();
  });

  it('lists the unprocessed queue, each barcode read through API v2 (o)', async () => {
    const { portal, replay } = portalFor(
      exchange('21o-pt-table-unprocessed-no-ocn-page1'),
      ...[32, 33, 34, 35].map((occid) =>
        withJson(
          asRequest(exchange('07c-api-occurrence-34-skeletal'), `API record ${occid}`, apiRead(occid)),
          (v) => [{ ...(v as Record<string, unknown>[])[0], occid, catalogNumber: `DEMO000${1199 + occid}` }],
        ),
      ),
    );
    const page = await portal.listUnprocessedWithoutAccession(1, { offset: 0, limit: 4 });
    expect(page.total).toBe(10);
    expect(page.records.map((r) => [r.occid, r.catalogNumber, r.processingStatus])).toEqual([
      [32, 'DEMO0001231', 'unprocessed'],
      [33, 'DEMO0001232', 'unprocessed'],
      [34, 'DEMO0001233', 'unprocessed'],
      [35, 'DEMO0001234', 'unprocessed'],
    ]);
    replay.assertAllUsed();
  });

  it('reads a save as applied whatever its words (s)', () => {
    const page = parseHtml(exchange('21s-pt-w1-save-occid1-catalognumber').response.body);
    expect(parseActionStatus(page)).toEqual({
      kind: 'applied',
      message: 'SUCESSO: edições enviadas e ativadas',
    });
  });
});
