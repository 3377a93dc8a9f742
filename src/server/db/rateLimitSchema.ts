import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Request counters of the rate limits (logins, reveals, exports, CTI events) on PostgreSQL, so
 * every instance behind a proxy counts against one limit. The key is a SHA-256 of the limit and
 * its subject (an account id or a client address), never the address itself; a row is reused
 * when its window has ended and deleted an hour after (postgresRateLimitStore).
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    keyHash: text('key_hash').primaryKey(),
    hits: integer('hits').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counters_window_idx').on(t.windowEndsAt)],
);
