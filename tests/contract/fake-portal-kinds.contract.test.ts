import { afterEach, describe, expect, it } from 'vitest';
import type { RecordSummary, SpecimenRecord } from '../../src/domain/occurrence';
import { PORTAL_PROFILES, type PortalProfile } from '../../src/portal/fake-symbiota/profiles';
import type { PortalClient } from '../../src/portal/portal';
import { parseHtml } from '../../src/portal/symbiota/html';
import { fieldOfHeader } from '../../src/portal/symbiota/portal-words';
import { startFakePortal, TEST_ORIGIN } from '../support/fake-server';
import { exchange, type RecordedVersion } from './recordings';

/**
 * The fake portal plays a portal in Spanish, French or Portuguese, or a 3.1: its pages are compared with
 * the recordings of those portals (16x, 17x, 21m–21s, recorded-3.1), and the station must get from it the
 * same answers as from the English 3.4.14 the fake was first built on.
 */
let close = () => undefined as void;
afterEach(() => close());

const start = (profile: PortalProfile, loggedInAs?: string) => {
  const fake = startFakePortal({ profile, ...(loggedInAs ? { loggedInAs } : {}) });
  close = fake.close;
  return fake;
};
const page = async (path: string, init?: RequestInit) =>
  (
    await fetch(`${TEST_ORIGIN}/${path}`, {
      redirect: 'manual',
      // As the station asks API v2: without cookies (rec. 14a).
      credentials: path.startsWith('api/') ? 'omit' : 'same-origin',
      ...init,
    })
  ).text();
const text = (html: string, selector: string) =>
  (parseHtml(html).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The `| a-b … N … |` paging text, wherever the page prints it. */
const paging = (html: string) =>
  [...parseHtml(html).querySelectorAll('div.navpath')]
    .map((d) => /\|\s*\d+-\d+[^|]*\|/.exec((d.textContent ?? '').replace(/\s+/g, ' '))?.[0])
    .find(Boolean);
const headers = (html: string) =>
  [...parseHtml(html).querySelectorAll('thead th')].map((th) => th.textContent ?? '');

const record = (r: SpecimenRecord | null) =>
  r && [
    r.occid,
    r.catalogNumber,
    r.processingStatus,
    r.recordedBy,
    r.recordNumber,
    r.eventDate,
    r.images.length,
  ];
const rows = (records: RecordSummary[]) =>
  records.map((r) => [
    r.occid,
    r.catalogNumber,
    r.otherCatalogNumbers,
    r.recordedBy,
    r.recordNumber,
    r.eventDate,
  ]);

/** What a technician's station asks and learns in Options 1 and 2, in a form that does not depend on wording. */
async function technicianSees(portal: PortalClient) {
  await portal.login('tech', 'demo');
  const session = await portal.session(1);
  return {
    session: session.kind === 'editor' ? [session.collectionName, session.statuses] : session.kind,
    exact: rows((await portal.findByAccession(1, ['145', '0145', '00145'])).records),
    pattern: rows((await portal.findByAccessionPattern(1, '%1499%')).records),
    collector: rows((await portal.findByCollector(1, { recordedBy: '%Smith' })).records),
    queue: (await portal.listUnprocessedWithoutAccession(1, { offset: 0, limit: 4 })).records.map((r) => [
      r.occid,
      r.catalogNumber,
      r.processingStatus,
    ]),
    records: await Promise.all([1, 3, 34, 999999].map(async (o) => record(await portal.readRecord(o)))),
    link: record((await portal.setCatalogNumber(1, 1, 'DEMO0009001')).record),
    accession: record((await portal.addAccession(1, 36, '5120', 'expert required')).record),
    merge: record((await portal.mergeSkeletalIntoLegacy(1, 34, 2)).merged),
  };
}

describe('the fake plays other kinds of portal, and the station gets the same answers from each', () => {
  const english = { ...PORTAL_PROFILES['fresh-install'] };
  const kinds: [string, PortalProfile][] = [
    ['Spanish', { ...english, language: 'es' }],
    ['French', { ...english, language: 'fr' }],
    ['Portuguese', { ...english, language: 'pt' }],
    ['Symbiota 3.1', { ...english, version: '3.1' }],
    ['French 3.1 without API v2', { ...english, language: 'fr', version: '3.1', apiV2: false }],
  ];
  it.each(kinds)('%s', async (_, profile) => {
    const reference = await technicianSees(start(english).portal);
    close();
    expect(await technicianSees(start(profile).portal)).toEqual(reference);
  });
});

describe('the fake’s pages say what the recorded portals say', () => {
  const LANGUAGES = [
    ['es', '16', 'spanish'],
    ['fr', '17', 'french'],
  ] as const;
  it.each(LANGUAGES)(
    'in %s: table, editor heading, save line, refusal, login failure (%s)',
    async (lang, n) => {
      const rec = (name: string) => exchange(`${n}${name.replace('LANG', lang)}`).response.body;
      const { fake } = start({ ...PORTAL_PROFILES['fresh-install'], language: lang }, 'tech');
      const table = await page(
        'collections/editor/occurrencetabledisplay.php?collid=1&q_catalognumber=&q_othercatalognumbers=1499&occindex=0&reclimit=100',
      );
      const recordedTable = rec('e-LANG-table-ocn-1499-hit');
      expect(paging(table)).toBe(paging(recordedTable));
      // Each header the fake prints is one the station knows, and the one the portal prints for that column.
      const recordedLabel = new Map(headers(recordedTable).map((h) => [fieldOfHeader(h), h]));
      for (const label of headers(table).slice(1)) {
        const field = fieldOfHeader(label);
        expect(field, label).not.toBeNull();
        if (recordedLabel.has(field)) expect(label).toBe(recordedLabel.get(field));
      }
      const editor = await page('collections/editor/occurrenceeditor.php?collid=1');
      expect(parseHtml(editor).documentElement.getAttribute('lang')).toBe(lang);
      expect(text(editor, 'h1.page-heading').split(': ')[0]).toBe(
        text(rec('b-LANG-probe-editor-tech'), 'h1.page-heading').split(': ')[0],
      );
      const saved = await page('collections/editor/occurrenceeditor.php', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'submitaction=saveOccurEdits&occid=1&editedfields=catalognumber%3B&catalognumber=DEMO0009001',
      });
      expect(text(saved, '#statusdiv span')).toBe(
        text(rec('p-LANG-w1-save-occid1-catalognumber'), '#statusdiv span'),
      );
      // Another browser: the viewer's own sessions.
      fake.logout();
      fake.login('viewer', 'demo');
      const refused = await page('collections/editor/occurrenceeditor.php?collid=1');
      expect(text(refused, '#innertext')).toContain(
        /(ERROR|ERREUR):.*incorrect/.exec(
          text(rec('d-LANG-probe-editor-viewer-not-authorized'), '#innertext'),
        )?.[0],
      );
      const failed = await page('profile/index.php', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'login=tech&password=wrong&remember=1&action=login',
      });
      const said = (html: string) => text(html, "div[style*='color:red']").split('.')[0];
      expect(said(failed)).toBe(said(rec('s-LANG-login-failure-wrong-password')));
    },
  );

  it('in Portuguese: English paging, the same empty headers (21n)', async () => {
    start({ ...PORTAL_PROFILES['fresh-install'], language: 'pt' }, 'tech');
    const table = await page(
      'collections/editor/occurrencetabledisplay.php?collid=1&q_catalognumber=&q_othercatalognumbers=1499&occindex=0&reclimit=100',
    );
    const recorded = exchange('21n-pt-table-ocn-1499-hit').response.body;
    expect(paging(table)).toBe(paging(recorded));
    const named = (html: string) => headers(html).filter((h) => h !== '');
    expect(named(recorded)).toEqual(expect.arrayContaining(named(table).slice(1)));
    expect(headers(table).filter((h) => h === '').length).toBeGreaterThan(0);
  });

  it('as 3.1: the API record, the missing record, the version routes and the image tab (recorded-3.1)', async () => {
    const rec = (name: string, version: RecordedVersion = '3.1') => exchange(name, version).response;
    start({ ...PORTAL_PROFILES['fresh-install'], version: '3.1' }, 'tech');
    const api = JSON.parse(await page('api/v2/occurrence/1?includeMedia=1')) as Record<string, unknown>;
    const recorded = JSON.parse(rec('07a-api-occurrence-1-legacy').body) as Record<string, unknown>;
    expect(Array.isArray(api)).toBe(false);
    for (const key of ['identifier', 'recordSecurity']) expect(key in api).toBe(key in recorded);
    for (const key of ['otherCatalogNumbers', 'localitySecurity']) expect(key in api).toBe(true);
    const media = (JSON.parse(await page('api/v2/occurrence/34?includeMedia=1')) as { media: object[] })
      .media[0];
    expect(Object.keys(media ?? {})).toEqual(expect.arrayContaining(['imgid', 'url', 'originalUrl']));
    expect(await page('api/v2/occurrence/999999?includeMedia=1')).toBe(
      rec('07d-api-occurrence-999999-missing').body,
    );
    expect((await fetch(`${TEST_ORIGIN}/api/v2/installation/status`, { credentials: 'omit' })).status).toBe(
      rec('07e-api-installation-status-500').status,
    );
    expect(JSON.parse(await page('api/v2/installation/ping'))).toMatchObject({ symbiotaVersion: '3.1.8' });
    const tab = parseHtml(
      await page('collections/editor/includes/imagetab.php?occid=34&occindex=0&csmode=0&collid=1'),
    );
    expect(tab.querySelector('input[name="origurl"]')).not.toBeNull();
    expect(tab.querySelector('input[name="tnurl"]')).not.toBeNull();
  });
});
