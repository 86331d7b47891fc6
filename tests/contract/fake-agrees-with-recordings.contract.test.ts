import { afterEach, describe, expect, it, vi } from 'vitest';
import { otherCatalogNumbersOf, type RecordSummary, type SpecimenRecord } from '../../src/domain/occurrence';
import { PORTAL_PROFILES } from '../../src/portal/fake-symbiota/profiles';
import type { PortalClient } from '../../src/portal/portal';
import { LOCK_RELEASE_DELAY_MS } from '../../src/portal/symbiota/record-reader';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { startFakePortal } from '../support/fake-server';
import {
  editorShowsNoRecord,
  exchange,
  RECORDED_PORTAL,
  replay,
  type Exchange,
  type RecordedRequest,
} from './recordings';

const view = (r: SpecimenRecord | null) =>
  r && {
    occid: r.occid,
    collid: r.collid,
    catalogNumber: r.catalogNumber,
    identifiers: r.identifiers,
    processingStatus: r.processingStatus,
    recordedBy: r.recordedBy,
    recordNumber: r.recordNumber,
    eventDate: r.eventDate,
    sciname: r.sciname,
    locality: r.locality,
    images: r.images,
  };

/** Option 1 and Option 2 reads and a barcode link, in the order of the recordings. */
async function technicianScenario(portal: PortalClient) {
  await portal.login('tech', 'demo');
  const answers: Record<string, unknown> = {};
  answers['session'] = await portal.session(1);
  for (const variants of [['1499'], ['145'], ['145', '0145', '00145'], ['99999']]) {
    const page = await portal.findByAccession(1, variants);
    answers[`accession ${variants.join(',')}`] = {
      total: page.total,
      records: page.records.map((r) => [r.occid, r.otherCatalogNumbers, r.catalogNumber]),
    };
  }
  for (const search of [
    { recordedBy: '%Smith', recordNumber: '212', eventDate: '1961-07-14' },
    { recordedBy: '%Smith' },
    { recordedBy: '%Smith', recordNumber: '212', eventDate: '1961-07-15' },
  ]) {
    const page = await portal.findByCollector(1, search);
    answers[`collector ${JSON.stringify(search)}`] = page.records.map((r) => [
      r.occid,
      r.catalogNumber,
      r.recordedBy,
      r.recordNumber,
      r.eventDate,
      r.sciname,
    ]);
  }
  for (const offset of [0, 4]) {
    const page = await portal.listUnprocessedWithoutAccession(1, { offset, limit: 4 });
    answers[`queue ${offset}`] = {
      total: page.total,
      offset: page.offset,
      records: page.records.map((r) => [r.occid, r.catalogNumber, r.processingStatus]),
    };
  }
  for (const occid of [1, 3, 34, 999999]) answers[`record ${occid}`] = view(await portal.readRecord(occid));
  answers['barcode DEMO0001234'] = await portal.barcodeInUse(1, 'DEMO0001234', 1);
  answers['barcode DEMO0009001'] = await portal.barcodeInUse(1, 'DEMO0009001', 1);
  answers['accession 1499'] = await portal.accessionInUse(1, ['1499'], 34);
  answers['accession 145'] = await portal.accessionInUse(1, ['145', '0145'], 41);
  answers['images 3'] = await portal.imageCount(3);
  answers['images 1'] = await portal.imageCount(1);
  answers['link'] = view((await portal.setCatalogNumber(1, 1, 'DEMO0009001')).record);
  return answers;
}

const RECORDED_SCENARIO = [
  '01-login-tech',
  '02a-probe-editor-tech',
  '03a-table-ocn-1499-hit',
  '03b-table-ocn-145-miss',
  '03c-table-ocn-variants-145-0145-00145-hit',
  '03d-table-ocn-99999-miss',
  '04a-table-collector-number-date-hit',
  '04b-table-collector-smith-several',
  '04c-table-collector-number-date-miss',
  '05a-table-unprocessed-no-ocn-page1',
  '05b-table-unprocessed-no-ocn-page2',
  '07a-api-occurrence-1-legacy',
  '07b-api-occurrence-3-legacy-with-image',
  '07c-api-occurrence-34-skeletal',
  '07d-api-occurrence-999999-missing',
  'editor 999999',
  '08a-d1-dupequerycatnum-DEMO0001234-used',
  '08b-d1-dupequerycatnum-DEMO0009001-unused',
  '08c-d2-dupequeryothercatnum-1499-from34-hit',
  '08d-d2-dupequeryothercatnum-145-from41-miss',
  '08e-d2-dupequeryothercatnum-0145-from41-hit',
  '08f-d3-getassocimgcnt-occid3',
  '08g-d3-getassocimgcnt-occid1',
  '07a-api-occurrence-1-legacy',
  '08b-d1-dupequerycatnum-DEMO0009001-unused',
  '09a-w1-save-occid1-catalognumber',
].map((name) => (name === 'editor 999999' ? editorShowsNoRecord(999999) : exchange(name)));

describe('the fake portal answers like the recorded real one', () => {
  let close = () => undefined as void;
  afterEach(() => close());

  it('gives the adapter the same answers for a technician session', async () => {
    const recorded = replay(...RECORDED_SCENARIO);
    const fromRecordings = await technicianScenario(
      createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: recorded.fetch }),
    );
    recorded.assertAllUsed();

    const fake = startFakePortal();
    close = fake.close;
    const fromFake = await technicianScenario(fake.portal);
    expect(fromFake).toEqual(fromRecordings);
  });

  it('gives the same answers for a merge (10a, 10c, 10d)', async () => {
    const recorded = replay(
      ...[
        '07c-api-occurrence-34-skeletal',
        '07a-api-occurrence-1-legacy',
        '08g-d3-getassocimgcnt-occid1',
        '10a-w2-merge-34-into-1',
        '10d-api-occurrence-34-after-merge-404',
        '10c-api-occurrence-1-after-merge',
      ].map((name) => exchange(name)),
    );
    const fromRecordings = view(
      (
        await createSymbiotaPortal({
          portalUrl: RECORDED_PORTAL,
          fetch: recorded.fetch,
        }).mergeSkeletalIntoLegacy(1, 34, 1)
      ).merged,
    );
    const fake = startFakePortal({ loggedInAs: 'tech' });
    close = fake.close;
    expect(view((await fake.portal.mergeSkeletalIntoLegacy(1, 34, 1)).merged)).toEqual(fromRecordings);
  });

  it('refuses like the real one: anonymous, then a user without rights (02b, 02f, 09d1, 10b)', async () => {
    const fake = startFakePortal();
    close = fake.close;
    expect(await fake.portal.session(1)).toEqual({ kind: 'logged-out' });
    await fake.portal.login('viewer', 'demo');
    expect(await fake.portal.session(1)).toEqual({
      kind: 'no-rights',
      collectionName: 'Demo Herbarium - Vascular Plants (DEMO:VP)',
      portalLanguage: 'en',
    });
    await expect(fake.portal.setCatalogNumber(1, 1, 'DEMO0009002')).rejects.toMatchObject({
      kind: 'not-authorized',
    });
    await expect(fake.portal.mergeSkeletalIntoLegacy(1, 32, 8)).rejects.toMatchObject({
      kind: 'not-authorized',
    });
    expect(fake.fake.record(1)?.fields['catalogNumber']).toBeNull();
    expect(fake.fake.record(32)).toBeDefined();
  });
});

/**
 * The new cases of recordings 25–26: a record another editor holds on a Portuguese portal (with and
 * without API v2), the older API that lists no identifier rows, and the edit lock after writes. The fake
 * plays each; the station must get the same answers from it as from the replayed real portal.
 */
describe('the fake portal plays records held open, the older API and locks like the real ones', () => {
  let close = () => undefined as void;
  afterEach(() => close());
  const apiRead = (occid: number): Exchange['request'] => ({
    method: 'GET',
    path: `/api/v2/occurrence/${occid}`,
    query: [['includeMedia', '1']],
    form: [],
  });
  const apiFailsFor = (occid: number): Exchange => ({
    ...exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'),
    name: `API v2 failing for ${occid}`,
    request: apiRead(occid),
  });
  const released = async (sent: () => RecordedRequest[]) =>
    vi.waitFor(() => expect(sent().at(-1)?.query).toEqual([['occid', '-1']]), { timeout: 2000 });
  /** A page that meets another editor's lock gives the user none: nothing to let go of (rec. 25o). */
  const nothingReleased = async (sent: () => RecordedRequest[]) => {
    await new Promise((resolve) => setTimeout(resolve, 2 * LOCK_RELEASE_DELAY_MS));
    expect(sent().some((r) => r.query.some(([k, v]) => k === 'occid' && v === '-1'))).toBe(false);
  };
  /** After a write the station lets go of the lock once quiet: here after a short spell. */
  const QUIET = { lockQuietAfterWriteMs: 50 };
  /** What a search row shows a technician, by value (the fake's occids differ from the live portal's). */
  const shownRow = (r: RecordSummary) => ({
    catalogNumber: r.catalogNumber,
    processingStatus: r.processingStatus,
    recordedBy: r.recordedBy,
    recordNumber: r.recordNumber,
    eventDate: r.eventDate,
    otherCatalogNumbers: r.otherCatalogNumbers,
    unreadable: r.unreadable ?? null,
  });
  const shownRecord = (r: SpecimenRecord) => ({
    catalogNumber: r.catalogNumber,
    processingStatus: r.processingStatus,
    recordedBy: r.recordedBy,
    recordNumber: r.recordNumber,
    eventDate: r.eventDate,
    otherCatalogNumbers: otherCatalogNumbersOf(r).join(', ') || null,
  });

  /** Option 1 on stamp 612 while admin has record 8 open in the portal's editor. */
  async function linkHeldRecord(portal: PortalClient) {
    const found = await portal.findByAccession(1, ['612', '0612', '00612']);
    const saved = await portal.setCatalogNumber(1, 8, 'DEMO0009008');
    return { found: found.records.map(shownRow), saved: shownRecord(saved.record) };
  }

  it('Portuguese, API v2: stamp 612 finds record 8 that admin holds, and links it (25b–25h)', async () => {
    const recorded = replay(
      ...[
        '25b-pt-table-ocn-612-hit',
        '25c-api-occurrence-8',
        '25d-pt-individual-occid8-while-locked',
        '25c-api-occurrence-8',
        '25f-d1-dupequerycatnum-DEMO0009008-unused',
        '25g-pt-w1-save-occid8-catalognumber-while-locked',
        '25h-api-occurrence-8-after-save',
      ].map((name) => exchange(name)),
    );
    const fromRecordings = await linkHeldRecord(
      createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: recorded.fetch, ...QUIET }),
    );
    await nothingReleased(() => recorded.sent);
    recorded.assertAllUsed();

    const fake = startFakePortal({
      profile: PORTAL_PROFILES.portuguese,
      loggedInAs: 'curator',
      adapter: QUIET,
    });
    close = fake.close;
    // Admin opens record 8 in the portal's editor (as 25a), then the technician works.
    expect(fake.fake.lockForEditing(8)).toBe(true);
    // The technician works in another browser: a session of their own in every folder.
    fake.fake.logout();
    fake.fake.login('tech', 'demo');
    const fromFake = await linkHeldRecord(fake.portal);
    expect(fromFake).toEqual(fromRecordings);
    // The lock stays admin's; the technician's station holds none on a real record (25-locks-sql).
    await vi.waitFor(() => expect(fake.fake.lockHolder(8)).toBe(1), { timeout: 2000 });
  });

  it('Portuguese, no API v2: the Review queue lists the case the technician holds (25n–25t)', async () => {
    const recorded = replay(
      exchange('25n-pt-table-expert-required'),
      apiFailsFor(36),
      ...[
        '25o-pt-admin-editor-occid36-record-locked',
        '25p-pt-table-occid36',
        '25q-pt-individual-occid36-while-locked',
        '25r-pt-table-occid36-status-expert-required',
        '25s-individual-format-json-occid36',
        '25t-pt-imagetab-occid36',
      ].map((name) => exchange(name)),
    );
    const queue = (portal: PortalClient) =>
      portal.listByStatus(1, 'expert required', { offset: 0, limit: 20 });
    const fromRecordings = (
      await queue(createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: recorded.fetch }))
    ).records.map(shownRow);
    await nothingReleased(() => recorded.sent);
    recorded.assertAllUsed();

    const fake = startFakePortal({
      profile: { ...PORTAL_PROFILES.portuguese, name: 'portuguese-no-api', apiV2: false },
      loggedInAs: 'tech',
    });
    close = fake.close;
    // The technician escalates DEMO0001235 with stamp 4488 (as 25m) and keeps its edit lock.
    const held = fake.fake.state.records.find((r) => r.fields['catalogNumber'] === 'DEMO0001235')!;
    expect(
      fake.fake.save({
        occid: held.occid,
        editedFields: ['idvalue', 'processingstatus'],
        posted: [
          ['idkey[]', 'newidentifier'],
          ['idname[]', ''],
          ['idvalue[]', '4488'],
          ['processingstatus', 'expert required'],
        ],
      }).kind,
    ).toBe('saved');
    fake.fake.lockForEditing(held.occid);
    // The curator works in another browser: a session of their own in every folder.
    fake.fake.logout();
    fake.fake.login('curator', 'demo');
    const fromFake = (await queue(fake.portal)).records.map(shownRow);
    expect(fromFake).toEqual(fromRecordings);
    expect(fake.fake.lockHolder(held.occid)).toBe(2);
  });

  it('Symbiota 3.1: the accession a technician saved shows, though API v2 lists no identifier rows (3.1 25c, 25d)', async () => {
    const recorded = replay(
      exchange('25c-api-occurrence-33-after-accession', '3.1'),
      exchange('25d-table-occid33-after-accession', '3.1'),
    );
    const read = await createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: recorded.fetch }).readRecord(
      33,
    );
    recorded.assertAllUsed();

    const fake = startFakePortal({ profile: PORTAL_PROFILES['version-3.1'], loggedInAs: 'tech' });
    close = fake.close;
    const record = fake.fake.state.records.find((r) => r.fields['catalogNumber'] === 'DEMO0001232')!;
    await fake.portal.addAccession(1, record.occid, '2310', 'expert required');
    const fromFake = await fake.portal.readRecord(record.occid);
    expect(fromFake && shownRecord(fromFake)).toEqual(read && shownRecord(read));
  });

  it('once quiet after a link the technician holds no edit lock, as on the real portal (26a–26d)', async () => {
    const recorded = replay(
      ...[
        '26a-api-occurrence-1',
        '26b-d1-dupequerycatnum-DEMO0009001-unused',
        '26c-w1-save-occid1-catalognumber',
        '26d-editor-occid-minus1-releases-lock',
      ].map((name) => exchange(name)),
    );
    await createSymbiotaPortal({
      portalUrl: RECORDED_PORTAL,
      fetch: recorded.fetch,
      ...QUIET,
    }).setCatalogNumber(1, 1, 'DEMO0009001');
    await released(() => recorded.sent);
    recorded.assertAllUsed();

    const fake = startFakePortal({
      profile: PORTAL_PROFILES['fresh-install'],
      loggedInAs: 'tech',
      adapter: QUIET,
    });
    close = fake.close;
    await fake.portal.setCatalogNumber(1, 1, 'DEMO0009001');
    expect(fake.fake.lockHolder(1)).toBe(2);
    await vi.waitFor(() => expect(fake.fake.lockHolder(1)).toBeNull(), { timeout: 2000 });
  });
});
