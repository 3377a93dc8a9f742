import { isIP } from 'node:net';
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
  /**
   * The guide a consultation, a transfer or a suggestion uses when the request names none, and the
   * one older transfers and settings are assigned to. Must be the id of a loaded guide. Unset: the
   * only guide, or with several guides the first by id.
   */
  IEUM_DEFAULT_GUIDE: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'IEUM_DEFAULT_GUIDE must be a guide id (lowercase, digits, hyphens)')
    .optional(),
  /** Public base URL used in links printed to the console (first-admin setup link). */
  PUBLIC_URL: z.string().url().optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * How the log is written: `auto` (readable lines when stdout is a terminal, one JSON object per
   * line otherwise), `pretty` or `json`. Personal data is masked in every form.
   */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Any value turns colour off in the readable log (https://no-color.org). */
  NO_COLOR: z.string().optional(),
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
  /**
   * Seconds a client has to send a whole request (headers and body); a slower or lying client
   * (a Content-Length larger than what it sends) gets 408 and the socket is closed.
   */
  IEUM_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * Lets webhooks target loopback and private-network addresses (127.0.0.1, 10.x, 192.168.x,
   * 169.254.169.254, fc00::/7 …). Off by default: an admin's webhook URL must not make the server
   * reach into its own network. Set `true` for a receiver on the same host or LAN.
   */
  IEUM_WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Reveals of personal data in clear (consultations, leads, transfers) one account may make per minute. */
  IEUM_REVEALS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /**
   * Sign-in attempts one address may make per minute. A contact center signs its agents in from
   * one office address (NAT or proxy) at the start of a shift: set it to at least the headcount.
   */
  IEUM_LOGINS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Exports (CSV, data-subject export) one account may make per minute. */
  IEUM_EXPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
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
  /**
   * SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.com:587 or smtps://….
   * Without it, mail stays in the outbox and can be read in the app.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /**
   * Seconds ieum waits on the SMTP server for each step — the TCP connection, the greeting, and any
   * silence once talking — before the attempt fails and is retried later with backoff. A server that
   * accepts and never answers then costs one background worker this long, never a request.
   */
  SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  /** Sender of outgoing mail. */
  MAIL_FROM: z.string().min(3).default('카카오 T 비즈니스 <no-reply@ieum.local>'),
  /** How often the job runner looks for due work when not woken by NOTIFY, in ms. */
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /**
   * Master key for encrypting personal data at rest (names, phone numbers, emails): base64 of 32
   * random bytes (`openssl rand -base64 32`). Required with DATABASE_URL. Without it, the embedded
   * database uses a key generated once in `<IEUM_DATA_DIR>/encryption.key` (mode 0600). Losing the
   * key loses the encrypted data: back it up separately from the database.
   */
  IEUM_ENCRYPTION_KEY: z.string().min(1).optional(),
  /**
   * Previous master keys, comma-separated (base64 of 32 bytes each), during a key rotation: rows they
   * encrypted stay readable and new rows use IEUM_ENCRYPTION_KEY; `npx ieum key rotate` then
   * re-encrypts every sealed column and recomputes the blind indexes under the current key, and
   * retires the previous keys. The database remembers the fingerprint of every key it holds data
   * under and refuses to start when one of them is missing.
   */
  IEUM_ENCRYPTION_OLD_KEYS: z.string().optional(),
  /**
   * The access log's signed checkpoint (count and hash of the newest row, HMAC-signed with a key
   * derived from the master key), kept outside the database so that removing the newest rows or
   * rewriting the table shows in `ieum access-log verify`. Default `<IEUM_DATA_DIR>/access-log.checkpoint`;
   * with PostgreSQL, point it at storage the database's administrators cannot write (each instance
   * keeps its own file and advances it every few seconds).
   */
  IEUM_ACCESS_LOG_CHECKPOINT_FILE: z.string().min(1).optional(),
  /**
   * When a consultation's retention period starts: at its completion (default; the record is
   * finished then) or when it started. Open consultations that were never completed always count
   * from their start.
   */
  IEUM_RETENTION_START: z.enum(['completion', 'start']).default('completion'),
  /**
   * Years a consultation's personal data is kept when no consent notice set the period (e.g. a
   * caller number on a support-line call). A consent notice's own retention (guide
   * consentNotice.retention.years, 3 in the business guide) applies when consent was given.
   */
  IEUM_RETENTION_DEFAULT_YEARS: z.coerce.number().int().min(1).max(20).default(3),
  /**
   * Years the access log (접속기록, including permission changes) is kept before the purge removes
   * it; at least 2 (안전성 확보조치 기준), default 3 (history of permission changes).
   */
  IEUM_ACCESS_LOG_RETENTION_YEARS: z.coerce.number().int().min(2).max(20).default(3),
  /** How often the scheduled retention purge runs, in minutes; 0 turns the schedule off (run `ieum purge`). */
  IEUM_PURGE_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /**
   * Business minutes after the sign-up brochure is sent before the callback (OB) is due, counted on
   * the business calendar (weekends, holidays and closures excluded): 120 sends a Friday-17:30
   * brochure's callback to Monday 10:30. Until the brochure goes out it counts from the lead's
   * filing, so a mail that never goes still brings the callback round.
   */
  IEUM_CALLBACK_DELAY_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(20 * 9 * 60)
    .default(120),
  /** Business minutes until the next attempt after an unanswered callback (부재중), unless the handler picks a time. */
  IEUM_CALLBACK_RETRY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(20 * 9 * 60)
    .default(120),
  /**
   * Minutes a missed call's callback stays with whoever revealed its number to call back: the
   * queue shows them as calling meanwhile, and a colleague's reveal leaves it theirs; after that,
   * a colleague's reveal takes it over (the first one may have given up without saying so).
   */
  IEUM_CALLBACK_HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /**
   * Reports: a completed consultation is a repeat contact when the same caller comes back with the
   * same inquiry type within this many business days (counted on the business calendar).
   */
  IEUM_REPEAT_CONTACT_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** The default sign-up brochure PDF (shipped: a Korean sample marked 샘플), attached until an admin uploads another (PUT /api/v1/admin/brochure). */
  IEUM_BROCHURE_FILE: z.string().min(1).default('content/brochures/business-signup-brochure.pdf'),
  /** Largest brochure PDF an admin may upload, in bytes (it is attached to every brochure e-mail). */
  IEUM_BROCHURE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(25 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /**
   * Minutes a consultation may stay open without activity (its start or a draft save) before it is
   * marked abandoned: kept for reports, hidden from 최근 상담, no longer resumable or finishable; its
   * personal data (caller number, draft) is erased on the schedule of a completed consultation.
   */
  IEUM_ABANDON_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(120),
  /**
   * Requests per minute one address may send to the CTI endpoint (`POST /api/v1/cti/{token}`), counted
   * across all instances on PostgreSQL; more gets 429. Wrong tokens count too, so a token cannot be guessed at speed. A busy
   * PBX sends about three events per call.
   */
  IEUM_CTI_EVENTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  /**
   * Secret path segment of the KakaoTalk chatbot's skill URL
   * (`POST /api/v1/channels/kakao/{token}/skill`, set in Kakao i Open Builder). Unset: the endpoint
   * answers 404 until an admin rotates a token (which then replaces this one).
   */
  IEUM_KAKAO_SKILL_TOKEN: z
    .string()
    .min(16, 'IEUM_KAKAO_SKILL_TOKEN must have at least 16 characters')
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'IEUM_KAKAO_SKILL_TOKEN may hold letters, digits, - and _ only')
    .optional(),
  /**
   * `ieum cti asterisk` (the Asterisk bridge): the ieum CTI endpoint with the integration's token it
   * posts call events to, e.g. http://127.0.0.1:3000/api/v1/cti/cti_… (from `ieum cti token create`).
   */
  IEUM_CTI_URL: z.url().optional(),
  /** The Asterisk Manager Interface the bridge connects to (manager.conf): host and port. */
  IEUM_AMI_HOST: z.string().min(1).default('127.0.0.1'),
  IEUM_AMI_PORT: z.coerce.number().int().min(1).max(65535).default(5038),
  /** The AMI user (manager.conf section; needs read = agent,call) and its secret. */
  IEUM_AMI_USERNAME: z.string().min(1).optional(),
  IEUM_AMI_SECRET: z.string().min(1).optional(),
  /**
   * The reverse proxies in front of ieum (nginx, a load balancer) whose X-Forwarded-For and
   * X-Forwarded-Proto are believed: comma-separated addresses or CIDR ranges as the instance sees
   * them (`127.0.0.1`, `10.0.0.0/8`; also `loopback`, `linklocal`, `uniquelocal`). Only these are
   * trusted, so a client cannot pass itself off as another address by sending the header. Unset or `false`: the connection's own address is the client's (ieum faces clients
   * directly). Behind a proxy it must be set, else every request seems to come from the proxy: the
   * access log records its address and the per-address limits (login, CTI) count all users as one.
   */
  IEUM_TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((value, context): false | string[] => {
      if (value === '' || value === 'false') return false;
      const entries = value.split(',').map((entry) => entry.trim());
      const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
      for (const entry of entries) {
        const [address = '', bits, extra] = entry.split('/');
        const family = isIP(address);
        const bitsOk =
          bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
        if (!named.has(entry) && (family === 0 || !bitsOk || extra !== undefined)) {
          context.addIssue({
            code: 'custom',
            message: `IEUM_TRUST_PROXY: "${entry}" is not an address, a CIDR range, loopback, linklocal or uniquelocal (or false)`,
          });
          return z.NEVER;
        }
      }
      return entries;
    }),
  /**
   * Seconds between the heartbeat comments of a live event stream (GET /api/v1/events). A proxy
   * in front must allow a read timeout longer than this (deploy/nginx/ieum.conf: 60 s), and
   * heartbeats let a client notice a dead connection.
   */
  IEUM_EVENTS_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
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
