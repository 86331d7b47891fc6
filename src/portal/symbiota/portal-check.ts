import type { RecordSummary } from '../../domain/occurrence';
import { explain } from '../errors';
import type { PortalCheckResult, PortalClient } from '../portal';
import type { PortalHttp } from './http';
import { API_RECORD } from './paths';
import type { RecordReader } from './record-reader';

interface Deps {
  http: PortalHttp;
  reader: RecordReader;
  portal: PortalClient;
  collid: number;
}

/** A value no collection uses, for duplicate checks that must find nothing. */
const PROBE_VALUE = 'SPECIMEN-LINKER-CHECK';

const EDIT_LOCK =
  'Each read opens the record in the portal editor, which holds an edit lock on it for a while (other editors see it as being edited).';

async function attempt<T>(
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: explain(error) };
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
    title: 'Login and editor rights',
    essential: true,
    outcome: editor ? 'works' : 'fails',
    found: !session.ok
      ? session.error
      : session.value.kind === 'editor'
        ? `You are an editor of ${session.value.collectionName ?? `collection ${collid}`}.`
        : session.value.kind === 'no-rights'
          ? 'You are logged in but have no editor rights on this collection.'
          : 'The portal does not see a login (the editor page sends you to the login page).',
    stationWill: editor ? 'Work with your login.' : 'Refuse to search or save until this works.',
    adminCould: editor ? null : 'Give the user CollEditor or CollAdmin rights on this collection.',
  });
  if (!editor) return results;

  const queue = await attempt(() => portal.listUnprocessedWithoutAccession(collid, { offset: 0, limit: 1 }));
  const legacy = await attempt(() => portal.findByAccessionPattern(collid, '%', { offset: 0, limit: 1 }));
  add({
    id: 'table-search',
    title: 'Searches (editor table view)',
    essential: true,
    outcome: queue.ok && legacy.ok ? 'works' : 'fails',
    found:
      queue.ok && legacy.ok
        ? `${queue.value.total} unprocessed records without an accession number; ${legacy.value.total} records with other catalog numbers.`
        : ((queue.ok ? null : queue.error) ?? (legacy.ok ? '' : legacy.error)),
    stationWill:
      queue.ok && legacy.ok
        ? 'Find records by stamp, collector and status.'
        : 'Not work: every screen searches.',
    adminCould:
      queue.ok && legacy.ok
        ? null
        : 'Check that collections/editor/occurrencetabledisplay.php opens for this user.',
  });

  const sample: RecordSummary | undefined =
    (legacy.ok ? legacy.value.records[0] : undefined) ?? (queue.ok ? queue.value.records[0] : undefined);
  if (sample === undefined) {
    add({
      id: 'record-read',
      title: 'Reading a record',
      outcome: 'not-tried',
      found: 'The collection has no record to read.',
      stationWill: 'Read records from API v2, or from the editor pages where the API fails.',
      adminCould: null,
    });
    return [...results, ...(await sharedChecks(http, portal, collid, null))];
  }

  const api = await attempt(() => reader.fromApi(sample.occid));
  const apiWorks = api.ok && api.value.kind === 'record';
  add({
    id: 'api-read',
    title: 'Reading a record through API v2 (without cookies)',
    essential: false,
    outcome: apiWorks ? 'works' : 'works-differently',
    found: !api.ok
      ? api.error
      : api.value.kind === 'record'
        ? `Record ${sample.occid} was read.`
        : api.value.kind === 'not-found'
          ? `API v2 does not return record ${sample.occid}, which the editor lists (protected records are hidden from anonymous API readers).`
          : `${api.value.reason}.`,
    stationWill: apiWorks
      ? 'Read records from API v2.'
      : `Read records from the editor pages instead. ${EDIT_LOCK}`,
    adminCould: apiWorks
      ? null
      : 'Make API v2 answer: enable the web server rewrite rules for the api/ folder (its .htaccess).',
  });
  if (api.ok && api.value.kind === 'record') {
    const columnOnly = api.value.record.identifiers.length === 0 && (sample.otherCatalogNumbers ?? '') !== '';
    add({
      id: 'legacy-stamps',
      title: 'Where legacy stamps are kept',
      outcome: columnOnly ? 'works-differently' : 'works',
      found: columnOnly
        ? `Record ${sample.occid} keeps "${sample.otherCatalogNumbers}" only in the old Other Catalog Numbers column, which API v2 hides.`
        : `Record ${sample.occid} keeps its other catalog numbers in the identifiers table.`,
      stationWill: columnOnly
        ? 'Search both places (the editor search does) and read the old column from the record page where needed.'
        : 'Search both places, as the editor search does.',
      adminCould: null,
    });
  }

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
    title: 'API v2 with the login cookie',
    outcome: cookie500 ? 'works-differently' : withCookies.ok ? 'works' : 'fails',
    found: !withCookies.ok
      ? withCookies.error
      : cookie500
        ? `API v2 answers HTTP ${withCookies.value.status} to a browser that is logged in (the remember-me cookie makes its token login fail).`
        : `API v2 answers HTTP ${withCookies.value.status} to a logged-in browser.`,
    stationWill: 'Send API v2 requests without cookies, so this does not affect the station.',
    adminCould: cookie500
      ? 'Set $SECURITY_KEY in config/symbini.php; other tools that call API v2 from a logged-in browser need it.'
      : null,
  });

  if (!apiWorks || reader.source().via === 'editor-pages') {
    const viaEditor = await attempt(() => reader.fromEditorPages(sample.occid));
    add({
      id: 'editor-read',
      title: 'Reading a record through the editor pages',
      essential: !apiWorks,
      outcome: viaEditor.ok && viaEditor.value !== null ? 'works' : 'fails',
      found: !viaEditor.ok
        ? viaEditor.error
        : viaEditor.value
          ? `Record ${sample.occid} was read from the editor form${viaEditor.value.images.length ? ' and its image tab' : ''}.`
          : `The editor did not show record ${sample.occid}.`,
      stationWill:
        viaEditor.ok && viaEditor.value
          ? `Use this way of reading records. ${EDIT_LOCK}`
          : 'Not be able to show records.',
      adminCould: null,
    });
  } else {
    add({
      id: 'editor-read',
      title: 'Reading a record through the editor pages',
      outcome: 'not-tried',
      found: 'Not needed while API v2 works; opening a record in the editor would take an edit lock.',
      stationWill: 'Switch to the editor pages by itself, once, if API v2 fails later.',
      adminCould: null,
    });
  }

  const record = await attempt(() =>
    reader.readCore(queue.ok && queue.value.records[0] ? queue.value.records[0].occid : sample.occid),
  );
  const imageUrl = record.ok ? (record.value?.images[0]?.webUrl ?? null) : null;
  return [...results, ...(await sharedChecks(http, portal, collid, imageUrl))];
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
  results.push({
    id: 'duplicate-checks',
    title: 'Duplicate checks (barcode and accession)',
    essential: true,
    outcome: checksWork ? 'works' : 'fails',
    found: checksWork
      ? 'Both checks answer (a made-up value is held by no record).'
      : [barcode.ok ? null : barcode.error, accession.ok ? null : accession.error]
          .filter(Boolean)
          .join(' ') || 'A check reported a record for a value no record holds.',
    stationWill: checksWork
      ? 'Check every barcode and accession before saving.'
      : 'Refuse to save, since it cannot check for duplicates.',
    adminCould: checksWork
      ? null
      : 'Check that collections/editor/rpc/ answers (dupequerycatnum.php, dupequeryothercatnum.php).',
  });

  const status = imageUrl === null ? null : await http.head(imageUrl);
  results.push({
    id: 'images',
    title: 'Sheet images',
    essential: false,
    outcome: imageUrl === null ? 'not-tried' : status !== null && status < 400 ? 'works' : 'fails',
    found:
      imageUrl === null
        ? 'No unprocessed record with an image to try.'
        : status !== null && status < 400
          ? `An image loads (${imageUrl}).`
          : `An image does not load (${imageUrl}: ${status === null ? 'unreachable' : `HTTP ${status}`}).`,
    stationWill:
      'Show the sheet in the viewer; a sheet that does not load is said so, and the stamp can still be typed.',
    adminCould:
      imageUrl !== null && !(status !== null && status < 400)
        ? 'Check that image URLs stored in the portal are served from this origin.'
        : null,
  });

  const version = await attempt(() => portal.portalVersion());
  const said = version.ok ? version.value : null;
  results.push({
    id: 'version',
    title: 'Symbiota version',
    essential: false,
    outcome: said === null ? 'works-differently' : /^3\./.test(said) ? 'works' : 'works-differently',
    found: said === null ? 'The portal does not say (API v2 did not answer).' : `Symbiota ${said}.`,
    stationWill:
      said !== null && !/^3\./.test(said)
        ? 'Work as for 3.x; this version was not tried.'
        : 'Work as for 3.x.',
    adminCould: null,
  });
  return results;
}
