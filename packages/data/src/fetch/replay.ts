import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AftershockError } from '@aftershock/core';

/**
 * One recorded HTTP exchange, in the shape fetch-mock-cache (the recorder yahoo-finance2's own tests use) writes:
 * the request's method and URL and the response's status, headers and body (`bodyJson` or `bodyText`). A recording
 * with `error` instead of `response` replays a network failure: fetch rejects as undici does when there is no
 * network (`TypeError: fetch failed` with the system error as its cause).
 */
export interface Recording {
  readonly request: { readonly url: string; readonly method?: string };
  readonly response?: {
    readonly status: number;
    readonly statusText?: string;
    readonly headers?: Readonly<Record<string, string | readonly string[]>>;
    readonly bodyJson?: unknown;
    readonly bodyText?: string;
  };
  readonly error?: { readonly code: string; readonly message: string };
}

/** A fetch function, as yahoo-finance2 calls it. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that answers from recordings (every `*.json` file of `dir`) instead of the network, matched on method and
 * full URL (a recording of URL `*` answers every request: `error` there replays having no network at all); a request with no recording rejects with REPLAY_NO_RECORDING naming the URL, so a test can never reach
 * the network by accident. Used by the tests and by `AFTERSHOCK_FETCH_REPLAY=DIR` for offline runs.
 */
export function replayFetch(dir: string): FetchFunction {
  const byKey = new Map<string, Recording>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const rec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Recording;
    byKey.set(key(rec.request.method ?? 'GET', rec.request.url), rec);
  }
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const rec = byKey.get(key(method, url)) ?? byKey.get(key(method, '*'));
    if (!rec) return Promise.reject(new AftershockError('REPLAY_NO_RECORDING', `no recorded response for ${init?.method ?? 'GET'} ${url} in ${dir}`));
    if (rec.error) {
      const cause = Object.assign(new Error(rec.error.message), { code: rec.error.code });
      return Promise.reject(new TypeError('fetch failed', { cause }));
    }
    const r = rec.response!;
    const headers = new Headers();
    for (const [k, v] of Object.entries(r.headers ?? {})) for (const one of typeof v === 'string' ? [v] : v) headers.append(k, one);
    const body = r.bodyText ?? (r.bodyJson !== undefined ? JSON.stringify(r.bodyJson) : '');
    // A recorded body is already decoded: drop the transfer headers that would make a reader decode it again.
    headers.delete('content-encoding');
    headers.delete('content-length');
    return Promise.resolve(new Response(r.status === 204 || r.status === 304 ? null : body, { status: r.status, statusText: r.statusText ?? '', headers }));
  };
}

function key(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}
