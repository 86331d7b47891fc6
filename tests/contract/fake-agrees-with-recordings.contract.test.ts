import { afterEach, describe, expect, it } from 'vitest';
import type { SpecimenRecord } from '../../src/domain/occurrence';
import type { PortalClient } from '../../src/portal/portal';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { startFakePortal } from '../support/fake-server';
import { editorShowsNoRecord, exchange, RECORDED_PORTAL, replay } from './recordings';

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
