import { afterEach, describe, expect, it } from 'vitest';
import { PORTAL_PROFILES } from '../../src/portal/fake-symbiota/profiles';
import type { RecordSource } from '../../src/portal/portal';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { startFakePortal, TEST_ORIGIN } from '../support/fake-server';
import { exchange, RECORDED_PORTAL, replay, type Exchange } from './recordings';

/** The second install served under a path (INDEX §14, rec. 14d–14f). */
const UNDER_PATH = 'http://127.0.0.1:8081/portal';

const portalFor = (url: string, ...script: Exchange[]) => {
  const r = replay(...script);
  return { portal: createSymbiotaPortal({ portalUrl: url, fetch: r.fetch }), replay: r };
};

/** A recorded exchange asked for at another address (the same page of the same portal under a path). */
const at = (name: string, path: string): Exchange => {
  const e = exchange(name);
  return { ...e, name: `${name} at ${path}`, request: { ...e.request, path } };
};

describe('API v2 and the browser cookies (INDEX §14)', () => {
  it('reads a record without cookies on a portal whose key is empty (14b): the stamp is not in the API record', async () => {
    const { portal, replay } = portalFor(
      RECORDED_PORTAL,
      exchange('14b-api-occurrence-1-no-cookies-unkeyed-portal'),
    );
    const record = await portal.readRecord(1);
    expect(record).toMatchObject({ occid: 1, recordedBy: 'J. Smith', identifiers: [] });
    expect(portal.recordSource().via).toBe('api');
    replay.assertAllUsed();
  });

  it('reads the same way on a portal with a key (14c) and under a path with a live session (14e)', async () => {
    const keyed = portalFor(RECORDED_PORTAL, exchange('14c-api-occurrence-1-with-crumb-keyed-portal'));
    expect((await keyed.portal.readRecord(1))?.recordNumber).toBe('212');
    const underPath = portalFor(UNDER_PATH, exchange('14e-portal-under-path-api-with-session-and-crumb'));
    expect((await underPath.portal.readRecord(1))?.eventDate).toBe('1961-07-14');
    underPath.replay.assertAllUsed();
  });

  it('logs in under a path, where both cookies have path=/portal (14d)', async () => {
    const recorded = exchange('14d-portal-under-path-login-tech');
    const { portal, replay } = portalFor(UNDER_PATH, {
      ...recorded,
      // The station's login form posts refurl and resetpwd too, as in 01; the answer is 14d's.
      request: { ...exchange('01-login-tech').request, path: '/portal/profile/index.php' },
    });
    await expect(portal.login('tech', 'secret')).resolves.toBeUndefined();
    replay.assertAllUsed();
  });

  it('switches to the editor pages once when API v2 answers 500 (14a), and says so (15a, 15b, 15c)', async () => {
    const { portal, replay } = portalFor(
      RECORDED_PORTAL,
      exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500'),
      exchange('15a-editor-record-occid1-legacy-column-only'),
      exchange('15b-editor-record-occid34-skeletal-with-image'),
      exchange('15c-editor-imagetab-occid34'),
    );
    const seen: RecordSource[] = [];
    portal.onRecordSourceChange((source) => seen.push(source));

    const legacy = await portal.readRecord(1);
    expect(legacy).toMatchObject({
      occid: 1,
      collid: 1,
      catalogNumber: null,
      recordedBy: 'J. Smith',
      recordNumber: '212',
      eventDate: '1961-07-14',
      sciname: 'Penstemon barbatus',
      identifiers: [],
      images: [],
    });
    // The form shows the old column as an identifier row keyed ocnid-0 (15a).
    expect(legacy?.fields['otherCatalogNumbers']).toBe('1499');
    expect(legacy?.locality).toContain('San Francisco Peaks');

    // The next read goes straight to the editor: no second API request.
    const skeletal = await portal.readRecord(34);
    expect(skeletal).toMatchObject({ catalogNumber: 'DEMO0001234', processingStatus: 'unprocessed' });
    expect(skeletal?.images).toEqual([
      {
        mediaId: 3,
        webUrl: 'http://127.0.0.1:8080/content/imglib/DEMO_VP/DEMO0001/DEMO0001234_med.jpg',
        originalUrl: 'http://127.0.0.1:8080/content/imglib/DEMO_VP/DEMO0001/DEMO0001234.jpg',
        thumbnailUrl: 'http://127.0.0.1:8080/content/imglib/DEMO_VP/DEMO0001/DEMO0001234_tn.jpg',
      },
    ]);
    expect(seen).toEqual([{ via: 'editor-pages', reason: expect.stringContaining('HTTP 500') as string }]);
    expect(portal.recordSource().via).toBe('editor-pages');
    replay.assertAllUsed();
  });

  it('survives the session that expired under a path while the crumb lives on (14f)', async () => {
    const { portal, replay } = portalFor(
      UNDER_PATH,
      exchange('14f-portal-under-path-api-crumb-only-session-expired-500'),
      at('15a-editor-record-occid1-legacy-column-only', '/portal/collections/editor/occurrenceeditor.php'),
    );
    expect((await portal.readRecord(1))?.recordedBy).toBe('J. Smith');
    expect(portal.recordSource().reason).toContain('HTTP 500');
    replay.assertAllUsed();
  });
});

describe('the editor table view shows every column that holds data (15d)', () => {
  it('gives a search row with everything the record card shows', async () => {
    const { portal, replay } = portalFor(RECORDED_PORTAL, exchange('15d-table-all-columns-ocn-1499'));
    const page = await portal.findByAccession(1, ['1499']);
    expect(page.records).toEqual([
      expect.objectContaining({
        occid: 1,
        otherCatalogNumbers: '1499',
        catalogNumber: null,
        recordedBy: 'J. Smith',
        recordNumber: '212',
        eventDate: '1961-07-14',
        sciname: 'Penstemon barbatus',
        family: 'Plantaginaceae',
        country: 'USA',
        stateProvince: 'Arizona',
        county: 'Coconino',
        dateLastModified: '2026-11-24 10:58:26',
        recordSecurity: 0,
      }),
    ]);
    replay.assertAllUsed();
  });
});

describe('the fake portal plays each kind of portal like the recordings', () => {
  let close = () => undefined as void;
  afterEach(() => close());

  const apiRead = (rootPath: string, credentials: RequestCredentials) =>
    fetch(`${TEST_ORIGIN}${rootPath}/api/v2/occurrence/1?includeMedia=1`, { credentials });

  it('answers 500 to an API read with the crumb when the key is empty, and the record without cookies (14a, 14b)', async () => {
    const fake = startFakePortal({ profile: PORTAL_PROFILES['fresh-install'], loggedInAs: 'tech' });
    close = fake.close;
    expect((await apiRead('', 'include')).status).toBe(
      exchange('14a-api-occurrence-1-with-crumb-unkeyed-portal-500').response.status,
    );
    const anonymous = (await (await apiRead('', 'omit')).json()) as { identifier: unknown[] }[];
    // Stamps only in the old column: the API shows no identifier for the legacy record (14b).
    expect(anonymous[0]?.identifier).toEqual([]);
  });

  it('answers as for an anonymous visitor when the key is set (14c)', async () => {
    const fake = startFakePortal({ profile: PORTAL_PROFILES.recorded, loggedInAs: 'tech' });
    close = fake.close;
    expect((await apiRead('', 'include')).status).toBe(200);
  });

  it('under a path: works with the live session, fails once it expired, until an editor page renews it (14e, 14f)', async () => {
    const fake = startFakePortal({ profile: PORTAL_PROFILES['under-path'], loggedInAs: 'tech' });
    close = fake.close;
    expect((await apiRead('/portal', 'include')).status).toBe(200);
    fake.fake.expirePhpSession();
    expect((await apiRead('/portal', 'include')).status).toBe(500);
    expect((await apiRead('/portal', 'omit')).status).toBe(200);
    await fake.portal.session(1);
    expect((await apiRead('/portal', 'include')).status).toBe(200);
  });

  it('without API v2 every /api/ URL is the web server 404 page, and the station reads the editor pages', async () => {
    const fake = startFakePortal({ profile: PORTAL_PROFILES['no-api'], loggedInAs: 'tech' });
    close = fake.close;
    const response = await apiRead('/portal', 'omit');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    const record = await fake.portal.readRecord(34);
    expect(record).toMatchObject({ catalogNumber: 'DEMO0001234', processingStatus: 'unprocessed' });
    expect(record?.images.map((i) => i.mediaId)).toEqual([3]);
    expect(fake.portal.recordSource()).toEqual({
      via: 'editor-pages',
      reason: expect.stringContaining('not routed') as string,
    });
    // Opening the record in the editor took an edit lock, as on the real portal (15b).
    expect(fake.fake.state.editLocks?.map((l) => l.occid)).toEqual([34]);
  });

  it('hides a protected record from anonymous API readers; the station reads it from the editor', async () => {
    const fake = startFakePortal({ profile: PORTAL_PROFILES['under-path'], loggedInAs: 'tech' });
    close = fake.close;
    fake.fake.record(1)!.fields['recordSecurity'] = '5';
    expect((await apiRead('/portal', 'omit')).status).toBe(404);
    const record = await fake.portal.readRecord(1);
    expect(record).toMatchObject({ occid: 1, recordSecurity: 5, recordedBy: 'J. Smith' });
    expect(fake.portal.recordSource().via).toBe('api');
  });
});
