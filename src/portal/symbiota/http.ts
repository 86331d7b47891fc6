import { PortalError } from '../errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface PortalHttpOptions {
  /** Absolute URL of the portal's root, e.g. `https://herbarium.example.org/portal` (its `$CLIENT_ROOT`). */
  portalUrl: string;
  fetch?: FetchLike;
  /** How long a request may take before the station treats the portal as not answering. */
  timeoutMs?: number;
}

/** Long enough for a slow portal's save (seconds), short enough that a dead connection is noticed. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface PortalResponse {
  status: number;
  /** True when the portal answered with a redirect, which on editor pages means "log in" (PROTOCOL §2.1). */
  redirected: boolean;
  location: string | null;
  contentType: string;
  text: string;
}

/**
 * API v2 never sees the user's login, and the portal's remember-me cookie makes it fail: HTTP 500 on a
 * portal without a security key, or once the PHP session has expired on a portal under a path (recorded
 * INDEX §14, rec. 14a, 14f). So API reads carry no cookies; every other page gets the technician's session.
 */
export const cookiesFor = (path: string): RequestCredentials =>
  /^\/*api\//.test(path) ? 'omit' : 'same-origin';

export interface SendOptions {
  /** Answer HTTP 5xx as a response instead of an error: for probes that decide what a 500 means. */
  returnServerErrors?: boolean;
  /** Only the portal check overrides this, to show what a request with the login cookie gets. */
  credentials?: RequestCredentials;
}

type Params = Record<string, string | number> | [string, string][];

const toSearchParams = (params: Params) =>
  new URLSearchParams(
    Array.isArray(params) ? params : Object.entries(params).map(([k, v]) => [k, String(v)]),
  );

/** Same-origin requests with the technician's own session cookie; redirects are reported, not followed. */
export class PortalHttp {
  readonly root: string;
  readonly origin: string;
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;

  constructor(options: PortalHttpOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.root = options.portalUrl.replace(/\/+$/, '');
    this.origin = new URL(this.root).origin;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  url(path: string, params?: Params): string {
    const query = params ? `?${toSearchParams(params).toString()}` : '';
    return `${this.root}/${path.replace(/^\/+/, '')}${query}`;
  }

  /** Makes a URL from the portal absolute: the API leaves some image URLs host-relative (PROTOCOL §1.5). */
  absolute(url: string | null | undefined): string | null {
    if (url === null || url === undefined || url.trim() === '' || url === 'empty') return null;
    return new URL(url, `${this.origin}/`).toString();
  }

  /** The HTTP status of a HEAD request for a portal URL (an image), or null when it cannot be reached. */
  async head(url: string): Promise<number | null> {
    try {
      const response = await this.fetchImpl(url, {
        method: 'HEAD',
        credentials: 'same-origin',
        cache: 'no-store',
      });
      return response.status;
    } catch {
      return null;
    }
  }

  get(path: string, params?: Params, options: SendOptions = {}): Promise<PortalResponse> {
    return this.send(this.url(path, params), { method: 'GET' }, path, options);
  }

  postForm(path: string, form: Params): Promise<PortalResponse> {
    return this.send(
      this.url(path),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: toSearchParams(form).toString(),
      },
      path,
    );
  }

  private async send(
    url: string,
    init: RequestInit,
    path: string,
    options: SendOptions = {},
  ): Promise<PortalResponse> {
    let response: Response;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    try {
      response = await this.fetchImpl(url, {
        ...init,
        credentials: options.credentials ?? cookiesFor(path),
        redirect: 'manual',
        cache: 'no-store',
        signal: timeout.signal,
      });
    } catch (cause) {
      throw new PortalError(
        'portal-unreachable',
        timeout.signal.aborted ? 'no-answer-in-time' : 'unreachable',
        timeout.signal.aborted ? { seconds: Math.round(this.timeoutMs / 1000) } : undefined,
        cause instanceof Error ? cause.message : String(cause),
      );
    } finally {
      clearTimeout(timer);
    }
    // Browsers hide a manual redirect behind an opaque response; Node shows the 3xx itself.
    const redirected =
      response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
    const text = redirected ? '' : await response.text();
    if (!redirected && response.status >= 500 && !options.returnServerErrors) {
      throw new PortalError(
        'portal-busy',
        response.status === 500 ? 'internal-error' : 'busy',
        { status: response.status },
        text.slice(0, 500),
      );
    }
    return {
      status: response.status,
      redirected,
      location: response.headers.get('Location'),
      contentType: (response.headers.get('Content-Type') ?? '').toLowerCase(),
      text,
    };
  }
}

/** Editor pages answer an anonymous request with a redirect to the login page (PROTOCOL §2.1, rec. 02b, 09d2). */
export function requireSession(response: PortalResponse): PortalResponse {
  if (response.redirected) throw new PortalError('not-logged-in', 'session-ended');
  return response;
}
