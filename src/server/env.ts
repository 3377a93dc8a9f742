import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting ieum reads from the environment, validated once at boot.
 * This is the only file that touches `process.env` (ARCHITECTURE.md, convention 7).
 */
const envSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; loopback by default so a laptop never exposes customer data by accident. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Directory of the embedded PGlite database (and its lock file). Ignored when DATABASE_URL is set. */
  IEUM_DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL connection string; when set, the embedded database is not used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Directory holding the guide documents (content/guides). */
  IEUM_GUIDES_DIR: z.string().min(1).default('content/guides'),
  /** Public base URL used in links printed to the console (first-admin setup link). */
  PUBLIC_URL: z.string().url().optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Minutes without activity after which a browser session is logged out. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Hard cap on a session's life, in hours, however active it is. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Consecutive failed logins that lock an account. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** How long a locked account stays locked, in minutes. */
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Marks cookies Secure; set when served behind HTTPS. */
  IEUM_SECURE_COOKIES: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Test-only: the clock starts at this ISO-8601 instant and runs on from there, so end-to-end
   * tests can see business hours open or closed whatever the real time is. Never set in production.
   */
  IEUM_FAKE_NOW: z.iso.datetime({ offset: true }).optional(),
  /** Directory with the built web app (vite build output). */
  IEUM_WEB_DIR: z.string().min(1).default('dist/web'),
});

/** The validated configuration. */
export type Env = z.output<typeof envSchema>;

/**
 * Reads and validates the environment. Throws an Error whose message names every bad variable,
 * so a misconfigured start fails at once and says why.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, IEUM_DATA_DIR: path.resolve(parsed.data.IEUM_DATA_DIR) };
}
