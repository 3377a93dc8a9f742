import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Env } from '../env.ts';

// Per account, not per address: a stolen session or token is limited wherever it is used from,
// and colleagues behind one office NAT do not share a budget.
const perCaller = (request: FastifyRequest): string => request.caller?.user.id ?? `ip:${request.ip}`;

/**
 * Route `config.rateLimit` for endpoints that return personal data in clear (reveals): a stolen
 * account must not be able to read out every customer in seconds. Counted per instance.
 */
export function revealRateLimit(env: Env): RateLimitOptions {
  return { max: env.IEUM_REVEALS_PER_MINUTE, timeWindow: 60_000, keyGenerator: perCaller, groupId: 'reveal' };
}

/** Route `config.rateLimit` for bulk exports (CSV, data-subject export), per account. */
export function exportRateLimit(env: Env): RateLimitOptions {
  return { max: env.IEUM_EXPORTS_PER_MINUTE, timeWindow: 60_000, keyGenerator: perCaller, groupId: 'export' };
}
