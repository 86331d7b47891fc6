import { delay, http, HttpResponse, type HttpHandler, type HttpResponseResolver } from 'msw';
import { apiOccurrence, dwcOccurrence } from './api-json';
import type { FakeSymbiota } from './fake-portal';
import {
  apiServerErrorPage,
  editorPage,
  imageTabPage,
  individualPage,
  loginPage,
  mergePage,
  notAuthorizedPage,
  notFoundPage,
  tablePage,
} from './pages';
import type { EditorQuery } from './query';
import type { FakeRecord } from './state';

const HTML = { 'Content-Type': 'text/html; charset=UTF-8' };
const html = (body: string, status = 200) => new HttpResponse(body, { status, headers: HTML });
const text = (body: string) => new HttpResponse(body, { status: 200, headers: HTML });
const json = (body: Parameters<typeof HttpResponse.json>[0], status = 200) =>
  HttpResponse.json(body, { status });

/** Query string and form body together, as PHP's `$_REQUEST` sees them, with repeated keys kept. */
async function requestParams(request: Request): Promise<[string, string][]> {
  const url = new URL(request.url);
  const entries = [...url.searchParams.entries()];
  if (request.method === 'POST') entries.push(...new URLSearchParams(await request.text()).entries());
  return entries;
}
const first = (params: [string, string][], key: string) => params.find(([k]) => k === key)?.[1];

/** A request carries the browser's cookies unless the page asked it not to (`credentials: 'omit'`). */
const carriesCookies = (request: Request) => request.credentials !== 'omit';

/** Saves, record creation, merges and comments: the requests that change the portal. */
async function isWrite(request: Request): Promise<boolean> {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/dupesearch.php')) return url.searchParams.get('submitaction') === 'mergerecs';
  if (request.method !== 'POST') return false;
  // Only the editor and the record page write; other posts (searches, rpc checks) are not read twice.
  const editor = url.pathname.endsWith('/occurrenceeditor.php');
  if (!editor && !url.pathname.endsWith('/individual/index.php')) return false;
  const form = new URLSearchParams(await request.clone().text());
  if (editor) return ['saveOccurEdits', 'addOccurRecord'].includes(form.get('submitaction') ?? '');
  return form.get('formsubmit') === 'submitComment';
}

/** Wraps a resolver so the portal can be told to fail on purpose (FakeSymbiota.injectFault). */
function withFaults(fake: FakeSymbiota, resolver: HttpResponseResolver): HttpResponseResolver {
  return async (info) => {
    const fault = fake.faultFor(await isWrite(info.request));
    if (!fault) return resolver(info);
    switch (fault.kind) {
      case 'drop-request':
        return HttpResponse.error();
      case 'server-error':
        return new HttpResponse('<html><body><h1>Internal Server Error</h1></body></html>', {
          status: 500,
          headers: HTML,
        });
      case 'end-session':
        fake.logout();
        return resolver(info);
      case 'slow-answer':
        await delay(fault.delayMs);
        return resolver(info);
      case 'drop-answer':
        await resolver(info);
        return HttpResponse.error();
      case 'refuse': {
        // The page a user without editor rights gets: the portal's own check, for this one request.
        const user = fake.user();
        if (!user) return resolver(info);
        const rights = { admin: user.collAdmin, editor: user.collEditor };
        user.collAdmin = [];
        user.collEditor = [];
        try {
          return await resolver(info);
        } finally {
          user.collAdmin = rights.admin;
          user.collEditor = rights.editor;
        }
      }
    }
  };
}

/**
 * MSW handlers that answer on a stock Symbiota 3.4's URLs with its response shapes. One set serves vitest,
 * the browser demo and Playwright. `rootPath` is the portal's `$CLIENT_ROOT` (e.g. `/portal`, or '');
 * `mediaRoot` is where the sheet images are served (the demo keeps them under `/demo` whatever the root).
 */
export function fakeSymbiotaHandlers(
  fake: FakeSymbiota,
  rootPath: string,
  mediaRoot: string = rootPath,
): HttpHandler[] {
  const at = (path: string) => `*${rootPath}/${path}`;
  // The editor pages and the image tab show host-relative image paths (rec. 15b, 15c).
  const hostRelative = (occid: number) =>
    fake.mediaOf(occid).map((m) => ({
      ...m,
      url: `${mediaRoot}/${m.url}`,
      originalUrl: `${mediaRoot}/${m.originalUrl}`,
      thumbnailUrl: `${mediaRoot}/${m.thumbnailUrl}`,
    }));
  /** API v2 as the browser's cookies make it behave (rec. 14a–14f), or null when it answers normally. */
  const apiRefusal = (request: Request) => {
    if (!fake.profile.apiV2) return html(notFoundPage(), 404);
    if (fake.apiReader(carriesCookies(request)) === 'fails') return html(apiServerErrorPage(), 500);
    return null;
  };
  const collectionName = (collid: number) => fake.collection(collid)?.name ?? `Collection ${collid}`;
  // Anonymous editor requests: a 302 to the login page that still carries a body (rec. 02b, 09d2).
  const toLogin = (refurl: string, collid: number) =>
    new HttpResponse(notAuthorizedPage(fake.wording, collectionName(collid)), {
      status: 302,
      headers: { ...HTML, Location: `../../profile/index.php?refurl=../collections/editor/${refurl}` },
    });

  const editor = async ({ request }: { request: Request }) => {
    const params = await requestParams(request);
    const action = first(params, 'submitaction');
    const collidParam = first(params, 'collid');
    const collid = Number(collidParam ?? fake.record(Number(first(params, 'occid')))?.collid ?? 0);
    if (fake.user() === undefined) {
      const query = request.method === 'GET' ? new URL(request.url).search.slice(1) : '';
      return toLogin(`occurrenceeditor.php?${query}`, collid);
    }
    fake.pageVisited();
    const statuses = fake.state.statuses;
    const w = fake.wording;
    const version = fake.profile.version;
    const refused = () => html(notAuthorizedPage(w, collectionName(collid)));
    if (action === 'saveOccurEdits') {
      const occid = Number(first(params, 'occid'));
      const editedFields = (first(params, 'editedfields') ?? '')
        .split(';')
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean);
      const posted = params.filter(([k]) => !['submitaction', 'occid', 'editedfields', 'collid'].includes(k));
      const outcome = fake.save({
        occid,
        ...(collidParam ? { collid: Number(collidParam) } : {}),
        editedFields,
        posted,
      });
      if (outcome.kind === 'not-authorized') return refused();
      const record = fake.record(occid);
      // The page after a save shows the record again, and so takes (or meets) its edit lock (rec. 18e).
      const free = record ? fake.lockForEditing(occid) : true;
      return html(
        editorPage({
          username: fake.user()?.login ?? '',
          wording: w,
          version,
          collectionName: collectionName(collid),
          statuses,
          actionStatus: { message: outcome.kind === 'saved' ? w.saveApplied : outcome.message },
          ...(record ? { record, identifiers: fake.identifiersOf(occid) } : {}),
          ...(free ? {} : { lockedRecord: occid }),
        }),
      );
    }
    if (action === 'addOccurRecord') {
      const created = fake.addRecord(
        collid,
        params.filter(([k]) => !['submitaction', 'collid'].includes(k)),
      );
      if (created === 'not-authorized') return refused();
      fake.lockForEditing(created.occid);
      return html(
        editorPage({
          username: fake.user()?.login ?? '',
          wording: w,
          version,
          collectionName: collectionName(collid),
          statuses,
          record: created,
          identifiers: [],
        }),
      );
    }
    const occidParam = first(params, 'occid');
    if (action === undefined && occidParam !== undefined && Number(occidParam) !== 0) {
      // Any record number takes the user's one edit lock, an unknown one too (rec. 18h: -1 releases it).
      const occid = Number(occidParam);
      const free = fake.lockForEditing(occid);
      const opened = fake.record(occid);
      if (opened && !fake.canEdit(opened.collid))
        return html(notAuthorizedPage(w, collectionName(opened.collid)));
      if (opened && !free)
        return html(
          editorPage({
            username: fake.user()?.login ?? '',
            wording: w,
            version,
            collectionName: collectionName(opened.collid),
            statuses,
            lockedRecord: occid,
          }),
        );
      if (opened)
        return html(
          editorPage({
            username: fake.user()?.login ?? '',
            wording: w,
            version,
            collectionName: collectionName(opened.collid),
            statuses,
            record: opened,
            identifiers: fake.identifiersOf(opened.occid),
            images: hostRelative(opened.occid),
          }),
        );
    }
    if (!fake.canEdit(collid)) return refused();
    return html(
      editorPage({
        username: fake.user()?.login ?? '',
        wording: w,
        version,
        collectionName: collectionName(collid),
        statuses,
      }),
    );
  };

  const table = async ({ request }: { request: Request }) => {
    const params = await requestParams(request);
    const collid = Number(first(params, 'collid') ?? 0);
    if (fake.user() === undefined)
      return toLogin(`occurrencetabledisplay.php?${new URL(request.url).search.slice(1)}`, collid);
    fake.pageVisited();
    if (!fake.canEdit(collid)) return html(notAuthorizedPage(fake.wording, collectionName(collid)));
    const limit = Number(first(params, 'reclimit') ?? 1000);
    if (!(limit > 0)) return html('<b>Fatal error</b>: Uncaught DivisionByZeroError: Modulo by zero', 500);
    const offset = Math.floor(Number(first(params, 'occindex') ?? 0) / limit) * limit;
    const q: EditorQuery = { collid };
    for (const key of [
      'othercatalognumbers',
      'recordedby',
      'recordnumber',
      'eventdate',
      'processingstatus',
      'catalognumber',
    ] as const) {
      const v = first(params, `q_${key}`);
      if (v !== undefined && v !== '') q[key] = v;
    }
    const orderby = first(params, 'orderby');
    if (orderby) q.orderby = orderby;
    const orderbydir = first(params, 'orderbydir');
    if (orderbydir) q.orderbydir = orderbydir;
    const hits = fake.query(q);
    const rows = hits.slice(offset, offset + limit).map((record) => {
      const legacy = record.fields['otherCatalogNumbers'] ?? null;
      const values = [
        ...new Set([...(legacy ? [legacy] : []), ...fake.identifiersOf(record.occid).map((i) => i.value)]),
      ];
      return { record, otherCatalogNumbers: values.length ? values.join(', ') : null };
    });
    return html(
      tablePage({
        wording: fake.wording,
        collectionName: collectionName(collid),
        rows,
        offset,
        total: hits.length,
        administrator: fake.administers(collid),
      }),
    );
  };

  /** The public record page with the comments the current user may see (rec. 12a–12f). */
  const recordPage = (record: FakeRecord | undefined) =>
    record
      ? html(
          individualPage(
            fake.wording,
            record,
            fake.identifiersOf(record.occid),
            collectionName(record.collid),
            fake.visibleComments(record.occid),
            (uid) => fake.state.users.find((u) => u.uid === uid)?.login ?? '?',
          ),
        )
      : html('<html><body>Unable to locate occurrence record</body></html>');

  const rpcForm = async (request: Request) => new URLSearchParams(await request.text());
  const numeric = (v: string | null) => v !== null && /^\d+$/.test(v);
  const get = (path: string, resolver: HttpResponseResolver) => http.get(path, withFaults(fake, resolver));
  const post = (path: string, resolver: HttpResponseResolver) => http.post(path, withFaults(fake, resolver));

  return [
    post(at('profile/index.php'), async ({ request }) => {
      const form = await rpcForm(request);
      if (form.get('action') === 'login' && fake.login(form.get('login') ?? '', form.get('password') ?? '')) {
        return new HttpResponse(null, { status: 302, headers: { Location: '../index.php' } });
      }
      return html(loginPage(fake.wording, true));
    }),
    get(at('profile/index.php'), ({ request }) => {
      if (new URL(request.url).searchParams.get('submit') === 'logout') {
        fake.logoutOnProfilePage();
        return new HttpResponse(null, { status: 302, headers: { Location: '../index.php' } });
      }
      return html(loginPage(fake.wording, false));
    }),
    get(at('collections/editor/occurrenceeditor.php'), editor),
    post(at('collections/editor/occurrenceeditor.php'), editor),
    get(at('collections/editor/occurrencetabledisplay.php'), table),
    post(at('collections/editor/occurrencetabledisplay.php'), table),
    // The rpc checks need no login (PROTOCOL §2.5, rec. 08h).
    post(at('collections/editor/rpc/dupequerycatnum.php'), async ({ request }) => {
      const form = await rpcForm(request);
      if (!numeric(form.get('collid')) || !numeric(form.get('occid'))) return text('');
      return text(
        fake
          .catalogNumberHolders(
            form.get('catnum') ?? '',
            Number(form.get('collid')),
            Number(form.get('occid')),
          )
          .join(','),
      );
    }),
    post(at('collections/editor/rpc/dupequeryothercatnum.php'), async ({ request }) => {
      const form = await rpcForm(request);
      const holders = fake.otherCatalogNumberHolders(
        (form.get('othercatnum') ?? '').trim(),
        Number(form.get('collid')),
        Number(form.get('occid')),
      );
      return text(`ocnum:${holders.join(',')}`);
    }),
    post(at('collections/editor/rpc/getassocimgcnt.php'), async ({ request }) => {
      const form = await rpcForm(request);
      return text(String(fake.mediaOf(Number(form.get('occid'))).length));
    }),
    get(at('collections/editor/dupesearch.php'), ({ request }) => {
      const q = new URL(request.url).searchParams;
      if (q.get('submitaction') !== 'mergerecs') return html(mergePage(fake.wording, null, null));
      const target = Number(q.get('occidmerge'));
      const outcome = fake.merge(target, Number(q.get('curoccid')), Number(q.get('collid')));
      return html(
        outcome.ok ? mergePage(fake.wording, target, null) : mergePage(fake.wording, null, outcome.error),
      );
    }),
    // 3.4 answers installation/status; 3.0–3.3 have no such route (500) but answer ping (rec. 3.1 07e, 07f),
    // which 3.4 answers with status false (helpers' code survey).
    get(at('api/v2/installation/status'), ({ request }) => {
      const refused = apiRefusal(request);
      if (refused) return refused;
      if (fake.profile.version !== '3.4') return html(apiServerErrorPage(), 500);
      return json({
        status: true,
        statusCode: 200,
        portalName: 'Demo Herbarium Portal (fake)',
        guid: 'fake',
        urlRoot: new URL(request.url).origin,
        symbiotaVersion: '3.4.14',
        apiVersion: '2.0',
      });
    }),
    get(at('api/v2/installation/ping'), ({ request }) => {
      const refused = apiRefusal(request);
      if (refused) return refused;
      if (fake.profile.version === '3.4') return json({ status: false });
      return json({
        status: true,
        statusCode: 200,
        portalName: 'Demo Herbarium Portal (fake)',
        guid: 'fake',
        urlRoot: new URL(request.url).origin,
        symbiotaVersion: '3.1.8',
      });
    }),
    get(at('api/v2/occurrence/:occid'), ({ request, params }) => {
      const refused = apiRefusal(request);
      if (refused) return refused;
      const record = fake.record(Number(params['occid']));
      const hidden =
        fake.profile.apiHidesProtected &&
        fake.apiReader(carriesCookies(request)) === 'anonymous' &&
        Number(record?.fields['recordSecurity'] ?? 0) >= 5;
      if (!record || hidden)
        return fake.profile.version === '3.4' ? json({ error: 'Occurrence not found' }, 404) : json({});
      return json(apiOccurrence(fake, record, new URL(request.url).origin, mediaRoot));
    }),
    get(at('api/*'), ({ request }) => apiRefusal(request) ?? json({ error: 'Not found' }, 404)),
    get(at('collections/editor/includes/imagetab.php'), ({ request }) => {
      const q = new URL(request.url).searchParams;
      const record = fake.record(Number(q.get('occid')));
      if (fake.user() === undefined || !record || !fake.canEdit(record.collid))
        return html(notAuthorizedPage(fake.wording, collectionName(record?.collid ?? 0)));
      return html(imageTabPage(hostRelative(record.occid), fake.profile.version));
    }),
    http.head(`*${mediaRoot}/imglib/*`, ({ request }) => {
      const path = new URL(request.url).pathname;
      const known = fake.state.media.some((m) =>
        [m.url, m.originalUrl, m.thumbnailUrl].some((u) => path.endsWith(`/${u}`)),
      );
      return new HttpResponse(null, { status: known ? 200 : 404 });
    }),
    get(at('collections/individual/index.php'), ({ request }) => {
      const q = new URL(request.url).searchParams;
      const record = fake.record(Number(q.get('occid')));
      if (q.get('format') === 'json') return record ? json(dwcOccurrence(fake, record)) : json(null);
      return recordPage(record);
    }),
    post(at('collections/individual/index.php'), async ({ request }) => {
      const form = await rpcForm(request);
      const occid = Number(form.get('occid'));
      if (form.get('formsubmit') === 'submitComment') fake.addComment(occid, form.get('commentstr') ?? '');
      return recordPage(fake.record(occid));
    }),
  ];
}
