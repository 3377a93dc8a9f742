import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';

/** Roughly one counting request in this many also deletes counters whose window ended an hour ago. */
const PRUNE_EVERY = 500;

const counterSchema = z.object({ hits: z.coerce.number(), ttl: z.coerce.number() });

type Counted = { current: number; ttl: number };
type Done = (error: Error | null, result?: Counted) => void;
type RouteOptions = Parameters<FastifyRateLimitStore['child']>[0];

/**
 * A store for @fastify/rate-limit that counts in PostgreSQL (table rate_limit_counters), so N
 * instances behind a proxy enforce one limit instead of N: one upsert per limited request, which
 * starts a new window when the previous one has ended (fixed windows, as the in-memory store).
 * Counters are per route, or per `groupId` when routes share one (reveals, exports).
 */
export function postgresRateLimitStore(db: Database): FastifyRateLimitStoreCtor {
  let counted = 0;
  const count = async (keyHash: string, timeWindowMs: number): Promise<Counted> => {
    const rows = await queryRows(
      db,
      sql`insert into rate_limit_counters as c (key_hash, hits, window_ends_at)
          values (${keyHash}, 1, now() + ${timeWindowMs} * interval '1 millisecond')
          on conflict (key_hash) do update set
            hits = case when c.window_ends_at <= now() then 1 else c.hits + 1 end,
            window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at else c.window_ends_at end
          returning hits, greatest(0, ceil(extract(epoch from (window_ends_at - now())) * 1000)) as ttl`,
      counterSchema,
    );
    counted += 1;
    if (counted % PRUNE_EVERY === 0)
      await db.execute(sql`delete from rate_limit_counters where window_ends_at < now() - interval '1 hour'`);
    const row = rows[0];
    if (!row) throw new Error('rate limit counter: no row returned');
    return { current: row.hits, ttl: row.ttl };
  };
  const peek = async (keyHash: string): Promise<Counted> => {
    const rows = await queryRows(
      db,
      sql`select hits, greatest(0, ceil(extract(epoch from (window_ends_at - now())) * 1000)) as ttl
          from rate_limit_counters where key_hash = ${keyHash} and window_ends_at > now()`,
      counterSchema,
    );
    return rows[0] ? { current: rows[0].hits, ttl: rows[0].ttl } : { current: 0, ttl: 0 };
  };
  const hashOf = (scope: string, key: string) =>
    createHash('sha256').update(`${scope}\n${key}`).digest('hex');

  class PostgresRateLimitStore implements FastifyRateLimitStore {
    readonly scope: string;
    constructor(_options?: unknown, scope = 'global') {
      this.scope = scope;
    }
    incr(key: string, done: Done, timeWindow: number): void {
      count(hashOf(this.scope, key), timeWindow).then(
        (result) => done(null, result),
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
      );
    }
    read(key: string, done: Done): void {
      peek(hashOf(this.scope, key)).then(
        (result) => done(null, result),
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
      );
    }
    // The plugin passes the route's merged limit options (groupId among them) with the route
    // itself under `routeInfo`, whatever its declared type says.
    child(routeOptions: RouteOptions): FastifyRateLimitStore {
      const groupId: unknown = Reflect.get(routeOptions, 'groupId');
      const route: unknown = Reflect.get(routeOptions, 'routeInfo');
      const part = (name: string) =>
        typeof route === 'object' && route !== null ? String(Reflect.get(route, name)) : '';
      return new PostgresRateLimitStore(
        undefined,
        typeof groupId === 'string' ? `group:${groupId}` : `route:${part('method')} ${part('url')}`,
      );
    }
  }
  return PostgresRateLimitStore;
}
