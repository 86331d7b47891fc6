import { describe, expect, it } from 'vitest';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { parseActionStatus, parseHtml } from '../../src/portal/symbiota/html';
import {
  editorShowsNoRecord,
  exchange,
  RECORDED_PORTAL,
  replay,
  tableRowOf,
  withJson,
  type Exchange,
  rejection,
} from './recordings';
import { startFakePortal } from '../support/fake-server';

const portalFor = (...script: Exchange[]) => {
  const r = replay(...script);
  return { portal: createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: r.fetch }), replay: r };
};

/** Reads the recording lacks (a record before or after a write), made from a recorded one of the same shape. */
const apiRecordAs = (name: string, occid: number, patch: Record<string, unknown>): Exchange =>
  withJson(
    {
      ...exchange(name),
      name: `${name} as occid ${occid}`,
      request: {
        method: 'GET',
        path: `/api/v2/occurrence/${occid}`,
        query: [['includeMedia', '1']],
        form: [],
      },
    },
    (v) => [{ ...(v as Record<string, unknown>[])[0], occid, ...patch }],
  );
const d1Miss = (catnum: string, occid: number): Exchange => ({
  ...exchange('08b-d1-dupequerycatnum-DEMO0009001-unused'),
  name: `D1 ${catnum} unused`,
  request: {
    method: 'POST',
    path: '/collections/editor/rpc/dupequerycatnum.php',
    query: [],
    form: [
      ['catnum', catnum],
      ['collid', '1'],
      ['occid', String(occid)],
    ],
  },
});

describe('logging in and rights (recordings 01, 02)', () => {
  it('logs the technician in with remember=1 and takes the 302 as success (01)', async () => {
    const { portal, replay } = portalFor(exchange('01-login-tech'));
    await expect(portal.login('tech', 'secret')).resolves.toBeUndefined();
    replay.assertAllUsed();
  });

  it('logs a user without rights in the same way (02e)', async () => {
    const { portal } = portalFor(exchange('02e-login-viewer'));
    await expect(portal.login('viewer', 'secret')).resolves.toBeUndefined();
  });

  it('sees an editor, who it is logged in as, the collection name and the portal status list (02a)', async () => {
    const { portal } = portalFor(exchange('02a-probe-editor-tech'));
    expect(await portal.session(1)).toEqual({
      kind: 'editor',
      collectionName: 'Demo Herbarium - Vascular Plants (DEMO:VP)',
      portalLanguage: 'en',
      user: 'tech',
      statuses: [
        'unprocessed',
        'unprocessed/nlp',
        'stage 1',
        'stage 2',
        'stage 3',
        'pending review-nfn',
        'pending review',
        'expert required',
        'reviewed',
        'closed',
      ],
    });
  });

  it('reads the redirect of an anonymous probe as logged out, ignoring its body (02b)', async () => {
    const { portal } = portalFor(exchange('02b-probe-editor-anonymous'));
    expect(await portal.session(1)).toEqual({ kind: 'logged-out' });
  });

  it('sees a logged-in user without rights on the collection (02f)', async () => {
    const { portal } = portalFor(exchange('02f-probe-editor-viewer-not-authorized'));
    expect(await portal.session(1)).toEqual({
      kind: 'no-rights',
      collectionName: 'Demo Herbarium - Vascular Plants (DEMO:VP)',
      portalLanguage: 'en',
    });
  });

  it('reads the Symbiota version from the installation status (07e)', async () => {
    const { portal } = portalFor(exchange('07e-api-installation-status'));
    expect(await portal.portalVersion()).toBe('3.4.14');
  });
});

describe('logging out of a portal at the web root (23)', () => {
  it('sees the editor still logged in as tech after the logout and after admin logged in (23d, 23f)', async () => {
    const { portal, replay } = portalFor(
      exchange('23c-root-logout'),
      exchange('23d-root-editor-after-logout-still-tech'),
      exchange('23e-root-login-admin'),
      exchange('23f-root-editor-after-admin-login-still-tech'),
    );
    await portal.logout();
    expect(await portal.session(1)).toMatchObject({ kind: 'editor', user: 'tech' });
    await portal.login('admin', 'secret');
    expect(await portal.session(1)).toMatchObject({ kind: 'editor', user: 'tech' });
    replay.assertAllUsed();
  });

  it.each([
    ['at the web root', '', 'tech'],
    ['under a path', '/portal', 'curator'],
  ])('the fake plays it %s', async (_where, rootPath, afterCuratorLogin) => {
    const fake = startFakePortal({ rootPath });
    try {
      await fake.portal.login('tech', 'demo');
      expect(await fake.portal.session(1)).toMatchObject({ kind: 'editor', user: 'tech' });
      await fake.portal.logout();
      expect(await fake.portal.session(1)).toMatchObject(
        rootPath === '' ? { kind: 'editor', user: 'tech' } : { kind: 'logged-out' },
      );
      await fake.portal.login('curator', 'demo');
      expect(await fake.portal.session(1)).toMatchObject({ kind: 'editor', user: afterCuratorLogin });
    } finally {
      fake.close();
    }
  });
});

describe('finding records by accession number (03)', () => {
  it('finds 1499 exactly, with its row data (03a)', async () => {
    const { portal } = portalFor(exchange('03a-table-ocn-1499-hit'));
    const page = await portal.findByAccession(1, ['1499']);
    expect(page.total).toBe(1);
    expect(page.records).toEqual([
      expect.objectContaining({
        occid: 1,
        otherCatalogNumbers: '1499',
        catalogNumber: null,
        recordedBy: 'J. Smith',
        recordNumber: '212',
        eventDate: '1961-07-14',
        sciname: 'Penstemon barbatus',
      }),
    ]);
  });

  it('misses 0145 when only 145 is asked for (03b) and finds it with the zero variants (03c)', async () => {
    const miss = portalFor(exchange('03b-table-ocn-145-miss'));
    expect(await miss.portal.findByAccession(1, ['145'])).toEqual({ records: [], offset: 0, total: 0 });
    const hit = portalFor(exchange('03c-table-ocn-variants-145-0145-00145-hit'));
    const page = await hit.portal.findByAccession(1, ['145', '0145', '00145']);
    expect(page.records.map((r) => [r.occid, r.otherCatalogNumbers])).toEqual([[2, '0145']]);
  });

  it('reports no record for an unknown number (03d)', async () => {
    const { portal } = portalFor(exchange('03d-table-ocn-99999-miss'));
    expect((await portal.findByAccession(1, ['99999'])).total).toBe(0);
  });
});

describe('finding records by collector, number and date (04)', () => {
  it('finds Smith 212 on 1961-07-14 (04a)', async () => {
    const { portal } = portalFor(exchange('04a-table-collector-number-date-hit'));
    const page = await portal.findByCollector(1, {
      recordedBy: '%Smith',
      recordNumber: '212',
      eventDate: '1961-07-14',
    });
    expect(page.records.map((r) => r.occid)).toEqual([1]);
  });

  it("lists all seven of Smith's records, one already barcoded (04b)", async () => {
    const { portal } = portalFor(exchange('04b-table-collector-smith-several'));
    const page = await portal.findByCollector(1, { recordedBy: '%Smith' });
    expect(page.total).toBe(7);
    expect(page.records.map((r) => r.occid)).toEqual([1, 4, 6, 11, 15, 21, 29]);
    expect(page.records.find((r) => r.occid === 6)?.catalogNumber).toBe('DEMO0001241');
    expect(page.records.find((r) => r.occid === 1)?.catalogNumber).toBeNull();
  });

  it('finds nothing for the wrong day (04c)', async () => {
    const { portal } = portalFor(exchange('04c-table-collector-number-date-miss'));
    expect(
      (
        await portal.findByCollector(1, {
          recordedBy: '%Smith',
          recordNumber: '212',
          eventDate: '1961-07-15',
        })
      ).records,
    ).toEqual([]);
  });
});

describe('listing unprocessed records without an accession number (05)', () => {
  it('pages through the queue with the portal total (05a, 05b)', async () => {
    const { portal, replay } = portalFor(
      exchange('05a-table-unprocessed-no-ocn-page1'),
      exchange('05b-table-unprocessed-no-ocn-page2'),
    );
    const first = await portal.listUnprocessedWithoutAccession(1, { offset: 0, limit: 4 });
    expect(first.total).toBe(10);
    expect(first.offset).toBe(0);
    expect(first.records.map((r) => [r.occid, r.catalogNumber, r.processingStatus])).toEqual([
      [36, 'DEMO0001231', 'unprocessed'],
      [38, 'DEMO0001232', 'unprocessed'],
      [33, 'DEMO0001233', 'unprocessed'],
      [34, 'DEMO0001234', 'unprocessed'],
    ]);
    const second = await portal.listUnprocessedWithoutAccession(1, { offset: 4, limit: 4 });
    expect(second.offset).toBe(4);
    expect(second.records.map((r) => r.catalogNumber)).toEqual([
      'DEMO0001235',
      'DEMO0001236',
      'DEMO0001237',
      'DEMO0001238',
    ]);
    replay.assertAllUsed();
  });
});

describe('reading one record (07)', () => {
  it('reads a legacy record with its accession identifier and no image (07a)', async () => {
    const { portal } = portalFor(exchange('07a-api-occurrence-1-legacy'));
    const record = await portal.readRecord(1);
    expect(record).toMatchObject({
      occid: 1,
      collid: 1,
      catalogNumber: null,
      recordedBy: 'J. Smith',
      recordNumber: '212',
      eventDate: '1961-07-14',
      processingStatus: null,
      images: [],
    });
    expect(record?.identifiers).toEqual([{ id: 1, name: '', value: '1499' }]);
    expect(record?.fields['otherCatalogNumbers']).toBeUndefined();
  });

  it('makes every image URL absolute, though the API leaves some relative (07b)', async () => {
    const { portal } = portalFor(exchange('07b-api-occurrence-3-legacy-with-image'));
    const record = await portal.readRecord(3);
    expect(record?.images).toEqual([
      {
        mediaId: 11,
        webUrl: 'http://127.0.0.1:8080/imglib/DEMO_VP/202611/legacy_2310_lg.jpg',
        originalUrl: 'http://127.0.0.1:8080/imglib/DEMO_VP/202611/legacy_2310.jpg',
        thumbnailUrl: 'http://127.0.0.1:8080/imglib/DEMO_VP/202611/legacy_2310_tn.jpg',
      },
    ]);
  });

  it('reads a skeletal record: barcode, unprocessed, one image, nothing else (07c)', async () => {
    const { portal } = portalFor(exchange('07c-api-occurrence-34-skeletal'));
    const record = await portal.readRecord(34);
    expect(record).toMatchObject({
      catalogNumber: 'DEMO0001234',
      processingStatus: 'unprocessed',
      identifiers: [],
      recordedBy: null,
    });
    expect(record?.images.map((i) => i.mediaId)).toEqual([3]);
  });

  it('answers null for a record the portal does not have (07d)', async () => {
    // A 404 from the API may be a record hidden from anonymous readers, so the editor is asked too.
    const { portal, replay } = portalFor(
      exchange('07d-api-occurrence-999999-missing'),
      editorShowsNoRecord(999999),
    );
    expect(await portal.readRecord(999999)).toBeNull();
    replay.assertAllUsed();
  });
});

describe('duplicate checks (08)', () => {
  it('finds the record already holding a barcode (08a) and none for an unused one (08b)', async () => {
    const { portal } = portalFor(
      exchange('08a-d1-dupequerycatnum-DEMO0001234-used'),
      exchange('08b-d1-dupequerycatnum-DEMO0009001-unused'),
    );
    expect(await portal.barcodeInUse(1, 'DEMO0001234', 1)).toEqual([34]);
    expect(await portal.barcodeInUse(1, 'DEMO0009001', 1)).toEqual([]);
  });

  it('asks D2 once per zero variant, since the portal check is exact (08c, 08d, 08e)', async () => {
    const hit = portalFor(exchange('08c-d2-dupequeryothercatnum-1499-from34-hit'));
    expect(await hit.portal.accessionInUse(1, ['1499'], 34)).toEqual([1]);
    const variants = portalFor(
      exchange('08d-d2-dupequeryothercatnum-145-from41-miss'),
      exchange('08e-d2-dupequeryothercatnum-0145-from41-hit'),
    );
    expect(await variants.portal.accessionInUse(1, ['145', '0145'], 41)).toEqual([2]);
    variants.replay.assertAllUsed();
  });

  it('reads the same answer without a session (08h)', async () => {
    const { portal } = portalFor(exchange('08h-d2-dupequeryothercatnum-0145-anonymous'));
    expect(await portal.accessionInUse(1, ['0145'], 41)).toEqual([2]);
  });

  it('counts images (08f, 08g)', async () => {
    const { portal } = portalFor(
      exchange('08f-d3-getassocimgcnt-occid3'),
      exchange('08g-d3-getassocimgcnt-occid1'),
    );
    expect(await portal.imageCount(3)).toBe(1);
    expect(await portal.imageCount(1)).toBe(0);
  });
});

describe('saving through the editor (09)', () => {
  it('links a barcode: re-reads, checks the barcode, posts only catalognumber, confirms from the page the save answers with (07a, 08b, 09a)', async () => {
    const { portal, replay } = portalFor(
      exchange('07a-api-occurrence-1-legacy'),
      exchange('08b-d1-dupequerycatnum-DEMO0009001-unused'),
      exchange('09a-w1-save-occid1-catalognumber'),
    );
    const linked = await portal.setCatalogNumber(1, 1, 'DEMO0009001');
    expect(linked.record.catalogNumber).toBe('DEMO0009001');
    expect(linked).toMatchObject({
      before: { catalognumber: null },
      after: { catalognumber: 'DEMO0009001' },
    });
    replay.assertAllUsed();
    expect(replay.sent[2]?.form.map(([k]) => k)).toEqual([
      'submitaction',
      'occid',
      'editedfields',
      'catalognumber',
    ]);
  });

  it('refuses a barcode another record holds and posts nothing (07a, 08a; the portal itself would accept it, 09e)', async () => {
    const { portal, replay } = portalFor(
      exchange('07a-api-occurrence-1-legacy'),
      exchange('08a-d1-dupequerycatnum-DEMO0001234-used'),
    );
    const error = await rejection(portal.setCatalogNumber(1, 1, 'DEMO0001234'));
    expect(error.kind).toBe('barcode-in-use');
    expect(error.message).toContain('record 34');
    replay.assertAllUsed();
    expect(
      parseActionStatus(parseHtml(exchange('09e-w1-save-occid2-barcode-already-used').response.body))?.kind,
    ).toBe('applied');
  });

  it('never overwrites a barcode already on the record (10c as the current state)', async () => {
    const { portal, replay } = portalFor(
      exchange('10c-api-occurrence-1-after-merge'),
      d1Miss('DEMO0009001', 1),
    );
    const error = await rejection(portal.setCatalogNumber(1, 1, 'DEMO0009001'));
    expect(error.kind).toBe('record-changed');
    expect(error.message).toContain('DEMO0001234');
    replay.assertAllUsed();
  });

  it('adds an accession number to a skeletal record as a new identifier at index 0 (09b)', async () => {
    const { portal, replay } = portalFor(
      apiRecordAs('07c-api-occurrence-34-skeletal', 36, { catalogNumber: 'DEMO0001231' }),
      tableRowOf(36),
      exchange('09b-w1-save-occid36-new-identifier'),
    );
    const saved = await portal.addAccession(1, 36, '5120');
    expect(saved.record.identifiers).toEqual([{ id: 31, name: '', value: '5120' }]);
    expect(saved).toMatchObject({
      before: { othercatalognumbers: null },
      after: { othercatalognumbers: '5120' },
    });
    replay.assertAllUsed();
  });

  it('adds the accession and Expert Required in one save (09c)', async () => {
    const { portal, replay } = portalFor(
      apiRecordAs('07c-api-occurrence-34-skeletal', 38, { catalogNumber: 'DEMO0001232' }),
      tableRowOf(38),
      exchange('09c-w1-save-occid38-identifier-expert-required'),
    );
    const saved = await portal.addAccession(1, 38, '4488', 'expert required');
    expect(saved.record.processingStatus).toBe('expert required');
    replay.assertAllUsed();
  });

  it('will not add an accession to a record that already has other catalog numbers (07a)', async () => {
    const { portal, replay } = portalFor(exchange('07a-api-occurrence-1-legacy'));
    const error = await rejection(portal.addAccession(1, 1, '77'));
    expect(error.kind).toBe('record-changed');
    expect(error.message).toContain('1499');
    replay.assertAllUsed();
  });

  it('sees a stamp kept only in the old column, which the API hides, in the record’s table row before adding an accession (14b, 21a)', async () => {
    const { portal, replay } = portalFor(
      exchange('14b-api-occurrence-1-no-cookies-unkeyed-portal'),
      exchange('21a-table-occid1-legacy-column-only'),
    );
    const error = await rejection(portal.addAccession(1, 1, '77'));
    expect(error.kind).toBe('record-changed');
    expect(error.message).toContain('1499');
    replay.assertAllUsed();
  });

  it('turns the refusal page for a user without rights into NotAuthorized (09d1)', async () => {
    const { portal } = portalFor(
      exchange('07a-api-occurrence-1-legacy'),
      d1Miss('DEMO0009002', 1),
      exchange('09d1-w1-save-occid1-as-viewer-refused'),
    );
    expect((await rejection(portal.setCatalogNumber(1, 1, 'DEMO0009002'))).kind).toBe('not-authorized');
  });

  it('turns the anonymous redirect into NotLoggedIn, whatever its body says (09d2)', async () => {
    const { portal } = portalFor(
      exchange('07a-api-occurrence-1-legacy'),
      d1Miss('DEMO0009002', 1),
      exchange('09d2-w1-save-occid1-anonymous-redirect'),
    );
    expect((await rejection(portal.setCatalogNumber(1, 1, 'DEMO0009002'))).kind).toBe('not-logged-in');
  });
});

describe('merging a skeletal record into its legacy record (10)', () => {
  it('checks both records, merges, and confirms the barcode and image moved (07c, 07a, 08g, 10a, 10d, 10c)', async () => {
    const { portal, replay } = portalFor(
      exchange('07c-api-occurrence-34-skeletal'),
      exchange('07a-api-occurrence-1-legacy'),
      exchange('08g-d3-getassocimgcnt-occid1'),
      exchange('10a-w2-merge-34-into-1'),
      exchange('10d-api-occurrence-34-after-merge-404'),
      exchange('10c-api-occurrence-1-after-merge'),
    );
    const { merged } = await portal.mergeSkeletalIntoLegacy(1, 34, 1);
    expect(merged).toMatchObject({ occid: 1, catalogNumber: 'DEMO0001234', processingStatus: 'unprocessed' });
    expect(merged.images.map((i) => i.mediaId)).toEqual([3]);
    replay.assertAllUsed();
  });

  it('reports a merge the portal silently ignored as a refusal (10b)', async () => {
    const { portal, replay } = portalFor(
      apiRecordAs('07c-api-occurrence-34-skeletal', 32, { catalogNumber: 'DEMO0001237' }),
      apiRecordAs('07a-api-occurrence-1-legacy', 8, {}),
      {
        ...exchange('08g-d3-getassocimgcnt-occid1'),
        request: {
          method: 'POST',
          path: '/collections/editor/rpc/getassocimgcnt.php',
          query: [],
          form: [['occid', '8']],
        },
      },
      exchange('10b-w2-merge-as-viewer-no-effect'),
      // A merge that did nothing and said nothing: is the session still there? (it is: not a login problem)
      exchange('02f-probe-editor-viewer-not-authorized'),
    );
    const error = await rejection(portal.mergeSkeletalIntoLegacy(1, 32, 8));
    expect(error.kind).toBe('not-authorized');
    replay.assertAllUsed();
  });

  it('refuses to merge into a record that already has an image, before asking the portal (07b)', async () => {
    const { portal, replay } = portalFor(
      exchange('07c-api-occurrence-34-skeletal'),
      exchange('07b-api-occurrence-3-legacy-with-image'),
    );
    expect((await rejection(portal.mergeSkeletalIntoLegacy(1, 34, 3))).kind).toBe('record-changed');
    replay.assertAllUsed();
  });

  it('merges 37 into 7 after its accession was saved (10e, 10f)', async () => {
    const { portal, replay } = portalFor(
      apiRecordAs('07c-api-occurrence-34-skeletal', 37, { catalogNumber: 'DEMO0001239' }),
      tableRowOf(37),
      exchange('10e-w1-extra-save-occid37-identifier-452'),
      apiRecordAs('07c-api-occurrence-34-skeletal', 37, {
        catalogNumber: 'DEMO0001239',
        media: [{ mediaID: 6, url: '/imglib/DEMO_VP/DEMO0001/DEMO0001239_med.jpg' }],
      }),
      apiRecordAs('07a-api-occurrence-1-legacy', 7, {}),
      {
        ...exchange('08g-d3-getassocimgcnt-occid1'),
        request: {
          method: 'POST',
          path: '/collections/editor/rpc/getassocimgcnt.php',
          query: [],
          form: [['occid', '7']],
        },
      },
      exchange('10f-w2-extra-merge-37-into-7'),
      {
        ...exchange('10d-api-occurrence-34-after-merge-404'),
        request: { method: 'GET', path: '/api/v2/occurrence/37', query: [['includeMedia', '1']], form: [] },
      },
      apiRecordAs('07a-api-occurrence-1-legacy', 7, {
        catalogNumber: 'DEMO0001239',
        processingStatus: 'unprocessed',
        media: [{ mediaID: 6, url: '/imglib/DEMO_VP/DEMO0001/DEMO0001239_med.jpg' }],
      }),
    );
    await portal.addAccession(1, 37, '452');
    const { merged } = await portal.mergeSkeletalIntoLegacy(1, 37, 7);
    expect(merged.catalogNumber).toBe('DEMO0001239');
    replay.assertAllUsed();
  });
});

describe('record comments (12)', () => {
  it('reads no comments before one is posted (12a)', async () => {
    const { portal } = portalFor(exchange('12a-individual-occid38-before-comment'));
    expect(await portal.readComments(38)).toEqual([]);
  });

  it('posts a comment and confirms the portal lists it (12b)', async () => {
    const { portal, replay } = portalFor(exchange('12b-individual-add-comment-occid38-tech'));
    await portal.addComment(38, 'Linking escalation: test');
    replay.assertAllUsed();
  });

  it('reads the public comment with its author and time (12c)', async () => {
    const { portal } = portalFor(exchange('12c-individual-occid38-anonymous-sees-public-comment'));
    expect(await portal.readComments(38)).toEqual([
      { author: 'tech', posted: '2026-11-23 18:58:18', text: 'Linking escalation: test' },
    ]);
  });

  it('sees no comment once it was reported (12e), while an editor still does (12f)', async () => {
    expect(
      await portalFor(
        exchange('12e-individual-occid38-anonymous-reported-comment-hidden'),
      ).portal.readComments(38),
    ).toEqual([]);
    const editor = await portalFor(
      exchange('12f-individual-occid38-editor-sees-hidden-comment'),
    ).portal.readComments(38);
    expect(editor.map((c) => c.text)).toEqual(['Linking escalation: test']);
  });
});

describe('creating a record for a specimen that has none (13)', () => {
  it('checks the barcode, posts addOccurRecord with collid, and reads the new record off the page it answers with (13)', async () => {
    const { portal, replay } = portalFor(
      d1Miss('DEMO0009101', 0),
      exchange('13-add-skeletal-record-expert-required'),
    );
    const created = await portal.createRecord(1, 'DEMO0009101', 'expert required', 'tech');
    expect(created.record).toMatchObject({
      occid: 43,
      catalogNumber: 'DEMO0009101',
      processingStatus: 'expert required',
    });
    replay.assertAllUsed();
  });
});
