import type { RecordSummary, SpecimenRecord } from '../../domain/occurrence';
import { explain } from '../errors';
import type { PortalCheckResult, PortalClient, PortalLanguage } from '../portal';
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

/** What a save does to the record's edit lock, as in the portal's own editor (rec. 26c, 26d). */
const SAVE_LOCK = `Each save locks the saved record against other editors, as the portal’s own editor does: the station lets go of that lock once it has saved nothing for ${LOCK_QUIET_AFTER_WRITE_MS / 1000} seconds (the next save moves it anyway).`;
const EDIT_LOCK = `Each read opens the record in the portal editor, which locks it against other editors for up to 15 minutes: the station lets go of that lock right after reading, and reads a record someone else has open from the editor’s table view instead. ${SAVE_LOCK}`;

const LANGUAGE_NAMES: Record<PortalLanguage, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  pt: 'Portuguese',
};

/** What a reason to leave API v2 calls for, for the person who runs the portal. */
function apiAdvice(reason: string): string {
  if (/not routed/.test(reason))
    return 'Make API v2 answer: enable the web server rewrite rules for the api/ folder (its .htaccess).';
  if (/HTTP 5\d\d/.test(reason))
    return 'Look at the web server’s error log for api/index.php: API v2 fails on this portal.';
  return 'Tell whoever maintains this station which Symbiota version the portal runs: API v2 answered in a shape it does not know.';
}

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

  const language = session.ok && session.value.kind === 'editor' ? session.value.portalLanguage : null;
  add({
    id: 'language',
    title: 'The portal’s language',
    outcome: 'works',
    found:
      language === null
        ? 'Its pages do not say which language they are in (Symbiota 3.0 does not).'
        : `Its pages answer you in ${LANGUAGE_NAMES[language]} (${language}).`,
    stationWill:
      language === 'pt'
        ? 'Read its pages in Portuguese. Its search tables leave most column headers empty, so each search reads the records it found one by one: searches take a little longer.'
        : 'Read its pages in whichever language it ships (English, Spanish, French, Portuguese), by their structure.',
    adminCould: null,
  });

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
      stationWill: `Switch to the editor pages by itself, once, if API v2 fails later. ${SAVE_LOCK}`,
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
  const listed = sample.otherCatalogNumbers ?? '';
  const inColumn = (record.fields['otherCatalogNumbers'] ?? '') !== '';
  const inRows = record.identifiers.length > 0;
  const keeps =
    listed === ''
      ? `Record ${sample.occid} has no other catalog numbers.`
      : inRows
        ? `Record ${sample.occid} keeps "${listed}" in the identifiers table.`
        : lists.identifierRows
          ? `Record ${sample.occid} keeps "${listed}" only in the old Other Catalog Numbers column.`
          : inColumn
            ? `Record ${sample.occid} keeps "${listed}" in the old Other Catalog Numbers column.`
            : `Record ${sample.occid} keeps "${listed}" in the identifiers table.`;
  const shows = [
    lists.oldColumn ? 'shows the old column' : 'hides the old column',
    lists.identifierRows ? 'lists the identifiers table' : 'does not list the identifiers table',
  ];
  const hidden = !lists.oldColumn || !lists.identifierRows;
  return {
    id: 'legacy-stamps',
    title: 'Where legacy stamps are kept',
    outcome: hidden && listed !== '' ? 'works-differently' : 'works',
    found: `${keeps} This portal’s API v2 ${shows.join(' and ')}.`,
    stationWill: !lists.identifierRows
      ? 'Search both places (the editor search does), and read a record’s identifier rows from its row in the editor’s table view where it shows the record (one more request per record shown).'
      : !lists.oldColumn
        ? 'Search both places (the editor search does), and read the old column from the record’s row in the editor’s table view before adding an accession number.'
        : 'Search both places, as the editor search does.',
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
  results.push({ id: 'version', title: 'Symbiota version', essential: false, ...versionCheck(said) });
  return results;
}

/**
 * What the station knows of each 3.x (recorded-3.0 … recorded-3.3, recorded/): all are read the same way,
 * with the differences noted here.
 */
function versionCheck(
  said: string | null,
): Pick<PortalCheckResult, 'outcome' | 'found' | 'stationWill' | 'adminCould'> {
  if (said === null)
    return {
      outcome: 'works-differently',
      found: 'The portal does not say (API v2 did not answer installation/status or installation/ping).',
      stationWill: 'Work as for Symbiota 3.0–3.4, all of which it was tried on.',
      adminCould: null,
    };
  const [major, minor] = said.split('.').map(Number);
  if (major !== 3 || minor === undefined || minor > 4)
    return {
      outcome: 'works-differently',
      found: `Symbiota ${said}.`,
      stationWill: 'Work as for Symbiota 3.0–3.4; this version was not tried.',
      adminCould: null,
    };
  const notes: string[] = [];
  if (minor === 0)
    notes.push(
      'its API v2 leaves out the processing status, so each record read also asks the table view (one more request)',
      'its merge page says the same whether the merge worked or not, so the station reads both records to know',
    );
  return {
    outcome: 'works',
    found: `Symbiota ${said}.`,
    stationWill: notes.length
      ? `Work as on every 3.x it was tried on (3.0.35 to 3.4.14); on 3.0, ${notes.join('; ')}.`
      : 'Work as on every 3.x it was tried on (3.0.35 to 3.4.14).',
    adminCould: null,
  };
}
