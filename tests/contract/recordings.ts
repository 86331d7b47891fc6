import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FetchLike } from '../../src/portal/symbiota/http';

const DIR = join(import.meta.dirname, 'recorded');
/** The recorded portal: `CLIENT_ROOT=''` on 127.0.0.1:8080 (recorded/INDEX.md). */
export const RECORDED_PORTAL = 'http://127.0.0.1:8080';

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

export function exchange(name: string): Exchange {
  // The request files end with a newline the recorded body did not have (see its Content-Length).
  const req = split(readFileSync(join(DIR, `${name}.request.txt`), 'utf8'));
  const res = split(readFileSync(join(DIR, `${name}.response.txt`), 'utf8'));
  const [method = '', target = ''] = (req.head[0] ?? '').split(' ');
  const url = new URL(target, RECORDED_PORTAL);
  const status = Number((res.head[0] ?? '').split(' ')[1]);
  const headers = res.head.slice(1).map((line) => {
    const i = line.indexOf(':');
    return [line.slice(0, i).trim(), line.slice(i + 1).trim()] as [string, string];
  });
  return {
    name,
    request: {
      method,
      path: url.pathname,
      query: [...url.searchParams.entries()],
      form: [...new URLSearchParams(req.body.replace(/\r?\n$/, '')).entries()],
    },
    response: { status, headers, body: res.body },
  };
}

export const allExchangeNames = () =>
  readdirSync(DIR)
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
