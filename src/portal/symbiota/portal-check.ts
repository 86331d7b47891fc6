import type { RecordSummary, SpecimenRecord } from '../../domain/occurrence';
import { said, type Said } from '../../domain/said';
import { explained } from '../errors';
import type { PortalCheckResult, PortalClient } from '../portal';
import type { ApiLists } from './api-record';
import type { PortalHttp } from './http';
import { API_RECORD } from './paths';
import { LOCK_QUIET_AFTER_WRITE_MS, type RecordReader } from './record-reader';

interface Deps {
  http: PortalHttp;
  reader: RecordReader;
  portal: PortalClient;
  collid: number;
}

/** A value no collection uses, for duplicate checks that must find nothing. */
const PROBE_VALUE = 'SPECIMEN-LINKER-CHECK';

/** How long after its last save the station lets go of the save's edit lock (rec. 26c, 26d), in seconds. */
const QUIET_SECONDS = LOCK_QUIET_AFTER_WRITE_MS / 1000;

/** What a reason to leave API v2 calls for, for the person who runs the portal. */
function apiAdvice(reason: string): Said {
  if (/not routed/.test(reason)) return said('check.api-read.admin.not-routed');
  if (/HTTP 5\d\d/.test(reason)) return said('check.api-read.admin.server-error');
  return said('check.api-read.admin.unknown-shape');
}

async function attempt<T>(
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: Said[] }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: explained(error) };
  }
}

/**
 * Read-only probes of every portal path the station uses, for the person who deploys it (issue: portals
 * differ). Nothing is written: the duplicate checks ask for a value no record holds, and the editor form
 * (which takes an edit lock, rec. 15b) is opened only when records must be read that way anyway.
 */
export async function checkPortal({ http, reader, portal, collid }: Deps): Promise<PortalCheckResult[]> {
  const results: PortalCheckResult[] = [];
  const add = (result: Omit<PortalCheckResult, 'essential'> & { essential?: boolean }) =>
    results.push({ essential: false, ...result });

  const session = await attempt(() => portal.session(collid));
  const editor = session.ok && session.value.kind === 'editor';
  add({
    id: 'session',
    title: said('check.session.title'),
    essential: true,
    outcome: editor ? 'works' : 'fails',
    found: !session.ok
      ? session.error
      : session.value.kind === 'editor'
        ? [said('check.session.found.editor', { collection: session.value.collectionName ?? null, collid })]
        : session.value.kind === 'no-rights'
          ? [said('check.session.found.no-rights')]
          : [said('check.session.found.logged-out')],
    stationWill: said(editor ? 'check.session.will.works' : 'check.session.will.fails'),
    adminCould: editor ? null : said('check.session.admin'),
  });
  if (!editor) return results;

  const language = session.ok && session.value.kind === 'editor' ? session.value.portalLanguage : null;
  add({
    id: 'language',
    title: said('check.language.title'),
    outcome: 'works',
    found: [
      language === null
        ? said('check.language.found.unknown')
        : said('check.language.found.known', { language }),
    ],
    stationWill: said(language === 'pt' ? 'check.language.will.pt' : 'check.language.will.any'),
    adminCould: null,
  });

  const queue = await attempt(() => portal.listUnprocessedWithoutAccession(collid, { offset: 0, limit: 1 }));
  const legacy = await attempt(() => portal.findByAccessionPattern(collid, '%', { offset: 0, limit: 1 }));
  add({
    id: 'table-search',
    title: said('check.table-search.title'),
    essential: true,
    outcome: queue.ok && legacy.ok ? 'works' : 'fails',
    found:
      queue.ok && legacy.ok
        ? [
            said('check.table-search.found', {
              unprocessed: queue.value.total,
              legacy: legacy.value.total,
            }),
          ]
        : ((queue.ok ? null : queue.error) ?? (legacy.ok ? [] : legacy.error)),
    stationWill: said(
      queue.ok && legacy.ok ? 'check.table-search.will.works' : 'check.table-search.will.fails',
    ),
    adminCould: queue.ok && legacy.ok ? null : said('check.table-search.admin'),
  });

  const sample: RecordSummary | undefined =
    (legacy.ok ? legacy.value.records[0] : undefined) ?? (queue.ok ? queue.value.records[0] : undefined);
  if (sample === undefined) {
    add({
      id: 'record-read',
      title: said('check.record-read.title'),
      outcome: 'not-tried',
      found: [said('check.record-read.found')],
      stationWill: said('check.record-read.will'),
      adminCould: null,
    });
    return [...results, ...(await sharedChecks(http, portal, collid, null))];
  }

  const api = await attempt(() => reader.fromApi(sample.occid));
  const apiWorks = api.ok && api.value.kind === 'record';
  add({
    id: 'api-read',
    title: said('check.api-read.title'),
    essential: false,
    outcome: apiWorks ? 'works' : 'works-differently',
    found: !api.ok
      ? api.error
      : api.value.kind === 'record'
        ? [said('check.api-read.found.record', { occid: sample.occid })]
        : api.value.kind === 'not-found'
          ? [said('check.api-read.found.not-found', { occid: sample.occid })]
          : [said('check.api-read.found.unusable', { reason: api.value.reason })],
    stationWill: apiWorks
      ? said('check.api-read.will.api')
      : said('check.api-read.will.editor', { seconds: QUIET_SECONDS }),
    adminCould:
      apiWorks || !api.ok ? null : api.value.kind === 'unusable' ? apiAdvice(api.value.reason) : null,
  });
  if (api.ok && api.value.kind === 'record')
    add(legacyStampsCheck(sample, api.value.record, api.value.lists));

  const withCookies = await attempt(() =>
    http.get(
      `${API_RECORD}/${sample.occid}`,
      { includeMedia: 1 },
      { credentials: 'same-origin', returnServerErrors: true },
    ),
  );
  const cookie500 = withCookies.ok && withCookies.value.status >= 500;
  add({
    id: 'api-with-cookies',
    title: said('check.api-with-cookies.title'),
    outcome: cookie500 ? 'works-differently' : withCookies.ok ? 'works' : 'fails',
    found: !withCookies.ok
      ? withCookies.error
      : [
          said(cookie500 ? 'check.api-with-cookies.found.fails' : 'check.api-with-cookies.found.works', {
            status: withCookies.value.status,
          }),
        ],
    stationWill: said('check.api-with-cookies.will'),
    adminCould: cookie500 ? said('check.api-with-cookies.admin') : null,
  });

  if (!apiWorks || reader.source().via === 'editor-pages') {
    const viaEditor = await attempt(() => reader.fromEditorPages(sample.occid));
    add({
      id: 'editor-read',
      title: said('check.editor-read.title'),
      essential: !apiWorks,
      outcome: viaEditor.ok && viaEditor.value !== null ? 'works' : 'fails',
      found: !viaEditor.ok
        ? viaEditor.error
        : viaEditor.value
          ? [
              said('check.editor-read.found.read', {
                occid: sample.occid,
                images: viaEditor.value.images.length > 0,
              }),
            ]
          : [said('check.editor-read.found.not-shown', { occid: sample.occid })],
      stationWill:
        viaEditor.ok && viaEditor.value
          ? said('check.editor-read.will.works', { seconds: QUIET_SECONDS })
          : said('check.editor-read.will.fails'),
      adminCould: null,
    });
  } else {
    add({
      id: 'editor-read',
      title: said('check.editor-read.title'),
      outcome: 'not-tried',
      found: [said('check.editor-read.found.not-needed')],
      stationWill: said('check.editor-read.will.not-needed', { seconds: QUIET_SECONDS }),
      adminCould: null,
    });
  }

  const record = await attempt(() =>
    reader.readCore(queue.ok && queue.value.records[0] ? queue.value.records[0].occid : sample.occid),
  );
  const imageUrl = record.ok ? (record.value?.images[0]?.webUrl ?? null) : null;
  return [...results, ...(await sharedChecks(http, portal, collid, imageUrl))];
}

/**
 * Where the sample record keeps its stamps, and what this portal's API v2 shows of them: read off the API's
 * own answer (3.4 lists identifier rows and hides the old column, rec. 07a; 3.0–3.3 show the old column and
 * list no identifier rows, rec. 3.1 07a), never guessed from the version.
 */
function legacyStampsCheck(
  sample: RecordSummary,
  record: SpecimenRecord,
  lists: ApiLists,
): Omit<PortalCheckResult, 'essential'> {
  const numbers = sample.otherCatalogNumbers ?? '';
  const values = { occid: sample.occid, numbers };
  const keeps: Said =
    numbers === ''
      ? said('check.legacy-stamps.found.none', { occid: sample.occid })
      : record.identifiers.length > 0
        ? said('check.legacy-stamps.found.identifiers', values)
        : lists.identifierRows
          ? said('check.legacy-stamps.found.column-only', values)
          : (record.fields['otherCatalogNumbers'] ?? '') !== ''
            ? said('check.legacy-stamps.found.column', values)
            : said('check.legacy-stamps.found.identifiers', values);
  const hidden = !lists.oldColumn || !lists.identifierRows;
  return {
    id: 'legacy-stamps',
    title: said('check.legacy-stamps.title'),
    outcome: hidden && numbers !== '' ? 'works-differently' : 'works',
    found: [
      keeps,
      said('check.legacy-stamps.found.api', { column: lists.oldColumn, rows: lists.identifierRows }),
    ],
    stationWill: !lists.identifierRows
      ? said('check.legacy-stamps.will.rows-from-table')
      : !lists.oldColumn
        ? said('check.legacy-stamps.will.column-from-table')
        : said('check.legacy-stamps.will.identifiers'),
    adminCould: null,
  };
}

async function sharedChecks(
  http: PortalHttp,
  portal: PortalClient,
  collid: number,
  imageUrl: string | null,
): Promise<PortalCheckResult[]> {
  const results: PortalCheckResult[] = [];
  const barcode = await attempt(() => portal.barcodeInUse(collid, PROBE_VALUE, 0));
  const accession = await attempt(() => portal.accessionInUse(collid, [PROBE_VALUE], 0));
  const checksWork = barcode.ok && barcode.value.length === 0 && accession.ok && accession.value.length === 0;
  const failures = [...(barcode.ok ? [] : barcode.error), ...(accession.ok ? [] : accession.error)];
  results.push({
    id: 'duplicate-checks',
    title: said('check.duplicate-checks.title'),
    essential: true,
    outcome: checksWork ? 'works' : 'fails',
    found: checksWork
      ? [said('check.duplicate-checks.found.works')]
      : failures.length > 0
        ? failures
        : [said('check.duplicate-checks.found.holder')],
    stationWill: said(checksWork ? 'check.duplicate-checks.will.works' : 'check.duplicate-checks.will.fails'),
    adminCould: checksWork ? null : said('check.duplicate-checks.admin'),
  });

  const status = imageUrl === null ? null : await http.head(imageUrl);
  results.push({
    id: 'images',
    title: said('check.images.title'),
    essential: false,
    outcome: imageUrl === null ? 'not-tried' : status !== null && status < 400 ? 'works' : 'fails',
    found: [
      imageUrl === null
        ? said('check.images.found.none')
        : status !== null && status < 400
          ? said('check.images.found.loads', { url: imageUrl })
          : said('check.images.found.fails', { url: imageUrl, status }),
    ],
    stationWill: said('check.images.will'),
    adminCould:
      imageUrl !== null && !(status !== null && status < 400) ? said('check.images.admin') : null,
  });

  const atRoot = new URL(http.root).pathname.replace(/\/+$/, '') === '';
  results.push({
    id: 'logout',
    title: said('check.logout.title'),
    essential: false,
    outcome: atRoot ? 'works-differently' : 'works',
    found: [said(atRoot ? 'check.logout.found.root' : 'check.logout.found.path')],
    stationWill: said(atRoot ? 'check.logout.will.root' : 'check.logout.will.path'),
    adminCould: atRoot ? said('check.logout.admin') : null,
  });

  const version = await attempt(() => portal.portalVersion());
  const answered = version.ok ? version.value : null;
  results.push({
    id: 'version',
    title: said('check.version.title'),
    essential: false,
    ...versionCheck(answered),
  });
  return results;
}

/**
 * What the station knows of each 3.x (recorded-3.0 … recorded-3.3, recorded/): all are read the same way,
 * with the differences noted here.
 */
function versionCheck(
  version: string | null,
): Pick<PortalCheckResult, 'outcome' | 'found' | 'stationWill' | 'adminCould'> {
  if (version === null)
    return {
      outcome: 'works-differently',
      found: [said('check.version.found.unknown')],
      stationWill: said('check.version.will.unknown'),
      adminCould: null,
    };
  const [major, minor] = version.split('.').map(Number);
  if (major !== 3 || minor === undefined || minor > 4)
    return {
      outcome: 'works-differently',
      found: [said('check.version.found.known', { version })],
      stationWill: said('check.version.will.untried'),
      adminCould: null,
    };
  return {
    outcome: 'works',
    found: [said('check.version.found.known', { version })],
    // On 3.0 its API v2 leaves out the processing status, and its merge page says the same either way.
    stationWill: said(minor === 0 ? 'check.version.will.tried-3-0' : 'check.version.will.tried'),
    adminCould: null,
  };
}
