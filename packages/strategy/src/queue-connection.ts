import { AftershockError } from '@aftershock/core';

/** The BullMQ queue every aftershock client and worker uses. */
export const QUEUE_NAME = 'aftershock';

export interface QueueTarget {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
}

/**
 * Parses `redis://HOST:PORT[/DB]`. Throws QUEUE_BAD_URL (an input error) for anything else.
 *
 * @example parseQueueUrl('redis://127.0.0.1:6379') // → { host: '127.0.0.1', port: 6379, db: 0, … }
 */
export function parseQueueUrl(url: string): QueueTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AftershockError('QUEUE_BAD_URL', `--queue must be redis://HOST:PORT, got ${JSON.stringify(url)}`, { field: 'queue' });
  }
  const port = Number(u.port || '6379');
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  if (u.protocol !== 'redis:' || u.hostname === '' || !Number.isInteger(port) || port < 1 || port > 65535 || !Number.isInteger(db) || db < 0) {
    throw new AftershockError('QUEUE_BAD_URL', `--queue must be redis://HOST:PORT, got ${JSON.stringify(url)}`, { field: 'queue' });
  }
  return { url, host: u.hostname.replace(/^\[|\]$/g, ''), port, db };
}

/** ioredis options for BullMQ: it requires `maxRetriesPerRequest: null` on blocking connections. */
export function connectionOptions(t: QueueTarget): { host: string; port: number; db: number; maxRetriesPerRequest: null } {
  return { host: t.host, port: t.port, db: t.db, maxRetriesPerRequest: null };
}

/**
 * Connects once and pings, without retrying, so an unreachable Redis is reported at once: QUEUE_UNREACHABLE (a run
 * failure, exit 1) naming the URL.
 */
export async function probeQueue(t: QueueTarget, timeoutMs = 3000): Promise<void> {
  const { Redis } = await import('ioredis');
  const r = new Redis({ host: t.host, port: t.port, db: t.db, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause: Error | undefined;
  r.on('error', (e: Error) => (cause ??= e));
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    // ioredis rejects with "Connection is closed"; the socket's own error (ECONNREFUSED…) says more.
    const why = (cause ?? (e as Error)).message || String(e);
    throw new AftershockError('QUEUE_UNREACHABLE', `cannot reach Redis at ${t.url}: ${why}`, { field: 'queue' });
  } finally {
    r.disconnect();
  }
}

/**
 * The id of the last entry of a Redis stream ('0-0' when empty). A QueueEvents reader started from it sees every
 * event added later, even those added before its first blocking read (from '$' it would miss them).
 */
export async function lastStreamId(t: QueueTarget, key: string): Promise<string> {
  const { Redis } = await import('ioredis');
  const r = new Redis({ host: t.host, port: t.port, db: t.db, lazyConnect: true, maxRetriesPerRequest: 1 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    const last = await r.xrevrange(key, '+', '-', 'COUNT', 1);
    return last[0]?.[0] ?? '0-0';
  } catch (e) {
    throw new AftershockError('QUEUE_UNREACHABLE', `cannot reach Redis at ${t.url}: ${(e as Error).message}`, { field: 'queue' });
  } finally {
    r.disconnect();
  }
}
