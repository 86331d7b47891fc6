import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PortalError } from '../../src/portal/errors';
import type { FetchLike } from '../../src/portal/symbiota/http';

/**
 * The recorded portals: Symbiota 3.4.14 (recorded/INDEX.md), 3.3.13, 3.2.4, 3.1.8 and 3.0.35
 * (recorded-3.x/INDEX.md), each stock, with the demo herbarium.
 */
export const RECORDED_VERSIONS = ['3.4', '3.3', '3.2', '3.1', '3.0'] as const;
export type RecordedVersion = (typeof RECORDED_VERSIONS)[number];
const DIRS: Record<RecordedVersion, string> = {
  '3.4': join(import.meta.dirname, 'recorded'),
  '3.3': join(import.meta.dirname, 'recorded-3.3'),
  '3.2': join(import.meta.dirname, 'recorded-3.2'),
  '3.1': join(import.meta.dirname, 'recorded-3.1'),
  '3.0': join(import.meta.dirname, 'recorded-3.0'),
};
/** The recorded 3.4.14 portal: `CLIENT_ROOT=''` on 127.0.0.1:8080 (recorded/INDEX.md). */
export const RECORDED_PORTAL = 'http://127.0.0.1:8080';
/** The recorded 3.1.8 portal: `CLIENT_ROOT=''` on 127.0.0.1:8090 (recorded-3.1/INDEX.md). */
export const RECORDED_PORTAL_31 = 'http://127.0.0.1:8090';

export interface RecordedRequest {
  method: string;
  path: string;
  query: [string, string][];
  form: [string, string][];
}
export interface RecordedResponse {
  status: number;
  headers: [string, string][];
  body: string;
}
export interface Exchange {
  name: string;
  request: RecordedRequest;
  response: RecordedResponse;
}

function split(raw: string): { head: string[]; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const headEnd = at < 0 ? raw.length : at;
  const sep = /\r?\n\r?\n/.exec(raw.slice(headEnd))?.[0].length ?? 0;
  return { head: raw.slice(0, headEnd).split(/\r?\n/), body: raw.slice(headEnd + sep) };
}

export function exchange(name: string, version: RecordedVersion = '3.4'): Exchange {
  // The request files end with a newline the recorded body did not have (see its Content-Length).
  const dir = DIRS[version];
  const req = split(readFileSync(join(dir, `${name}.request.txt`), 'utf8'));
  const res = split(readFileSync(join(dir, `${name}.response.txt`), 'utf8'));
  const [method = '', target = ''] = (req.head[0] ?? '').split(' ');
  const url = new URL(target, RECORDED_PORTAL);
  const status = Number((res.head[0] ?? '').split(' ')[1]);
  const headers = res.head.slice(1).map((line) => {
    const i = line.indexOf(':');
    return [line.slice(0, i).trim(), line.slice(i + 1).trim()] as [string, string];
  });
  return {
    name: version === '3.4' ? name : `${version}/${name}`,
    request: {
      method,
      path: url.pathname,
      query: [...url.searchParams.entries()],
      form: [...new URLSearchParams(req.body.replace(/\r?\n$/, '')).entries()],
    },
    response: { status, headers, body: res.body },
  };
}

export const allExchangeNames = (version: RecordedVersion = '3.4') =>
  readdirSync(DIRS[version])
    .filter((f) => f.endsWith('.request.txt'))
    .map((f) => f.replace(/\.request\.txt$/, ''))
    .sort();

const sorted = (pairs: [string, string][]) =>
  [...pairs].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));

/** Replaces one JSON value in a recorded body: for the "read back after a save" step the recording lacks. */
export function withJson(e: Exchange, edit: (value: unknown) => unknown): Exchange {
  return { ...e, response: { ...e.response, body: JSON.stringify(edit(JSON.parse(e.response.body))) } };
}

export interface Replay {
  fetch: FetchLike;
  /** Every request the adapter sent, in order. */
  sent: RecordedRequest[];
  /** Fails the test unless every scripted exchange was requested. */
  assertAllUsed(): void;
}

/**
 * A fetch that answers with recorded responses, in order, after checking that the adapter sent exactly the
 * recorded request: method, path, query and form fields (order-insensitive; passwords are scrubbed).
 */
export function replay(...script: Exchange[]): Replay {
  const queue = [...script];
  const sent: RecordedRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const body = typeof init?.body === 'string' ? init.body : '';
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: [...url.searchParams.entries()],
      form: [...new URLSearchParams(body).entries()].map(([k, v]) => [
        k,
        k === 'password' ? '<password>' : v,
      ]),
    };
    sent.push(request);
    const next = queue.shift();
    if (!next) throw new Error(`Unscripted request: ${request.method} ${url.pathname}${url.search}`);
    expect(
      { ...request, query: sorted(request.query), form: sorted(request.form) },
      `request for ${next.name}`,
    ).toEqual({
      ...next.request,
      query: sorted(next.request.query),
      form: sorted(next.request.form),
    });
    expect(init?.redirect, 'redirects are inspected, not followed').toBe('manual');
    // API v2 never gets the portal's cookies (rec. 14a, 14f); every editor page gets the session.
    expect(init?.credentials, `cookies for ${url.pathname}`).toBe(
      url.pathname.includes('/api/') ? 'omit' : 'same-origin',
    );
    const { status, headers, body: responseBody } = next.response;
    return new Response(status === 204 || status === 304 ? null : responseBody, {
      status,
      headers: headers.filter(([k]) => !['content-length', 'set-cookie'].includes(k.toLowerCase())),
    });
  };
  return {
    fetch,
    sent,
    assertAllUsed: () =>
      expect(
        queue.map((e) => e.name),
        'unused recordings',
      ).toEqual([]),
  };
}

/**
 * The editor page for a record it does not show. Not recorded: made from 02a (the editor page with the
 * query form and no record form), which is all the adapter relies on: no full form for that occid.
 */
export function editorShowsNoRecord(occid: number): Exchange {
  return {
    ...exchange('02a-probe-editor-tech'),
    name: `editor page without record ${occid} (derived from 02a)`,
    request: {
      method: 'GET',
      path: '/collections/editor/occurrenceeditor.php',
      query: [['occid', String(occid)]],
      form: [],
    },
  };
}

/**
 * A record's row in the table view (`q_catalognumber=occidN`), made from the recorded row of skeletal record
 * 34 (rec. 21b) by renumbering it: for reads the recordings lack, of records with no other catalog numbers.
 */
export function tableRowOf(occid: number, patch: { catalogNumber?: string } = {}): Exchange {
  const recorded = exchange('21b-table-occid34-skeletal');
  let body = recorded.response.body
    .replace(/occid=34&/g, `occid=${occid}&`)
    .replace(/aria-label="34">34</g, `aria-label="${occid}">${occid}<`);
  if (patch.catalogNumber) body = body.replace('DEMO0001233', patch.catalogNumber);
  return {
    name: `table row of ${occid} (derived from 21b)`,
    request: {
      method: 'GET',
      path: '/collections/editor/occurrencetabledisplay.php',
      query: [
        ['collid', '1'],
        ['q_catalognumber', `occid${occid}`],
        ['occindex', '0'],
        ['reclimit', '1'],
      ],
      form: [],
    },
    response: { ...recorded.response, body },
  };
}

/** The PortalError a call ends in (the test fails when it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<PortalError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PortalError);
  return error as PortalError;
}
