import { PortalError } from '../errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface PortalHttpOptions {
  /** Absolute URL of the portal's root, e.g. `https://herbarium.example.org/portal` (its `$CLIENT_ROOT`). */
  portalUrl: string;
  fetch?: FetchLike;
}

export interface PortalResponse {
  status: number;
  /** True when the portal answered with a redirect, which on editor pages means "log in" (PROTOCOL §2.1). */
  redirected: boolean;
  location: string | null;
  text: string;
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

  constructor(options: PortalHttpOptions) {
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

  get(path: string, params?: Params): Promise<PortalResponse> {
    return this.send(this.url(path, params), { method: 'GET' });
  }

  postForm(path: string, form: Params): Promise<PortalResponse> {
    return this.send(this.url(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: toSearchParams(form).toString(),
    });
  }

  private async send(url: string, init: RequestInit): Promise<PortalResponse> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        ...init,
        credentials: 'same-origin',
        redirect: 'manual',
        cache: 'no-store',
      });
    } catch (cause) {
      throw new PortalError(
        'portal-unreachable',
        'The portal could not be reached.',
        cause instanceof Error ? cause.message : String(cause),
      );
    }
    // Browsers hide a manual redirect behind an opaque response; Node shows the 3xx itself.
    const redirected =
      response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
    const text = redirected ? '' : await response.text();
    if (!redirected && response.status >= 500) {
      throw new PortalError(
        'portal-refused',
        `The portal reported an internal error (HTTP ${response.status}).`,
        text.slice(0, 500),
      );
    }
    return { status: response.status, redirected, location: response.headers.get('Location'), text };
  }
}
