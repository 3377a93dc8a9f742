import { parseArgs } from 'node:util';
import { apiTokenIdParamsSchema } from '../contract/tokens/apiTokenIdParamsSchema.ts';
import { createApiTokenSchema } from '../contract/tokens/createApiTokenSchema.ts';
import { type Role, roleSchema, roles } from '../contract/users/roleSchema.ts';
import type { AppContext } from '../server/appContext.ts';
import { createClock } from '../server/createClock.ts';
import { createLogger } from '../server/createLogger.ts';
import { createLoggedFieldCodec } from '../server/crypto/createLoggedFieldCodec.ts';
import { loadFieldKeys } from '../server/crypto/loadFieldKeys.ts';
import { DataDirLockedError } from '../server/db/acquireDataDirLock.ts';
import { openDatabase } from '../server/db/openDatabase.ts';
import { readEnv } from '../server/env.ts';
import { errorCodeOf } from '../server/errorCodeOf.ts';
import { AppError, renderProblemText } from '../server/errors.ts';
import { createEventHub } from '../server/events/createEventHub.ts';
import { createRequestActivity } from '../server/http/requestActivity.ts';
import { assignDefaultGuide } from '../server/services/guides/assignDefaultGuide.ts';
import { loadGuideCatalog } from '../server/services/guides/loadGuideCatalog.ts';
import { recordGuideVersions } from '../server/services/guides/recordGuideVersions.ts';
import { checkEncryptionKeys } from '../server/services/keys/checkEncryptionKeys.ts';
import { createApiToken } from '../server/services/users/createApiToken.ts';
import { createUser } from '../server/services/users/createUser.ts';
import { listApiTokens } from '../server/services/users/listApiTokens.ts';
import { revokeApiToken } from '../server/services/users/revokeApiToken.ts';
import { COMPANIES_USAGE, CompaniesUsageError, runCompaniesCommand } from './runCompaniesCommand.ts';
import { CTI_USAGE, CtiUsageError, runCtiCommand } from './runCtiCommand.ts';
import { DB_USAGE, DbUsageError, runDbCommand } from './runDbCommand.ts';
import { GUIDES_USAGE, GuidesUsageError, runGuidesCommand } from './runGuidesCommand.ts';
import { KAKAO_USAGE, runKakaoCommand } from './runKakaoCommand.ts';
import { KEY_USAGE, runKeyCommand } from './runKeyCommand.ts';
import { PRIVACY_USAGE, PrivacyUsageError, runPrivacyCommand } from './runPrivacyCommand.ts';
import { REPORTS_USAGE, runReportsCommand } from './runReportsCommand.ts';

const USAGE_HEADING = '사용법 / usage:';
const USER_USAGE = `  ieum user create --email E --name N --role ${roles.join('|')} [--extension X] --password-stdin`;
const TOKEN_USAGE = `  ieum token create --email E [--name N] [--expires-in-days D | --expires-at ISO]
                                             (prints the token as the last line)
  ieum token list --email E                  (the account's tokens: id, state, last use, expiry)
  ieum token revoke --id ID                  (stops the token at once, on every instance)`;

const USAGE = `${USAGE_HEADING}
${USER_USAGE}
${TOKEN_USAGE}
${CTI_USAGE}
${PRIVACY_USAGE}
${KEY_USAGE}
${KAKAO_USAGE}
${COMPANIES_USAGE}
${REPORTS_USAGE}
${GUIDES_USAGE}
${DB_USAGE}

All but \`guides check\` use IEUM_DATA_DIR (embedded database, default ./data) or DATABASE_URL (PostgreSQL),
and apply pending migrations first, so they work on a fresh data directory.
\`db copy-to-postgres\` reads IEUM_DATA_DIR (never DATABASE_URL) and writes to --database-url.`;

/** Each command word's own usage lines, for `ieum <command> --help` and its usage errors. */
const usageByCommand: Readonly<Record<string, string>> = {
  user: USER_USAGE,
  token: TOKEN_USAGE,
  cti: CTI_USAGE,
  purge: PRIVACY_USAGE,
  subject: PRIVACY_USAGE,
  'access-log': PRIVACY_USAGE,
  key: KEY_USAGE,
  kakao: KAKAO_USAGE,
  companies: COMPANIES_USAGE,
  reports: REPORTS_USAGE,
  guides: GUIDES_USAGE,
  db: DB_USAGE,
};

/** The usage for a command word: its own lines when it has some, else the whole usage. */
function usageOf(command: string | undefined): string {
  const own = command === undefined ? undefined : usageByCommand[command];
  return own === undefined ? USAGE : `${USAGE_HEADING}\n${own}`;
}

const HELP_FLAGS = ['--help', '-h'];

/**
 * The usage asked for, if any: `ieum --help`, `ieum -h`, `ieum help [command]` and
 * `ieum <command> … --help` are requests, answered on standard output with exit 0.
 */
function requestedUsage(argv: readonly string[]): string | undefined {
  const [first, ...rest] = argv;
  if (first === undefined) return undefined;
  if (first === 'help' || HELP_FLAGS.includes(first)) return usageOf(rest[0]);
  return rest.some((arg) => HELP_FLAGS.includes(arg)) ? usageOf(first) : undefined;
}

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError(
      '--password-stdin reads the password from standard input (e.g. `echo … | ieum user create …`)',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  // Only the trailing newline of `echo` is dropped; other whitespace may be part of a passphrase.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function isRole(value: string): value is Role {
  return roleSchema.safeParse(value).success;
}

async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const env = readEnv();
  const logger = createLogger('warn', process.stderr);
  const fieldKeys = loadFieldKeys(env);
  const database = await openDatabase(
    env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: env.IEUM_DATA_DIR },
  );
  try {
    await checkEncryptionKeys(database.db, fieldKeys, new Date());
    const guides = await loadGuideCatalog(env.IEUM_GUIDES_DIR, { defaultGuideId: env.IEUM_DEFAULT_GUIDE });
    await recordGuideVersions(database, guides, logger);
    await assignDefaultGuide(database, guides, logger);
    const events = await createEventHub(database, logger);
    try {
      return await run({
        env,
        database,
        guides,
        now: createClock(env.IEUM_FAKE_NOW),
        logger,
        events,
        fieldKeys,
        fieldCodec: createLoggedFieldCodec(fieldKeys, logger),
        activity: createRequestActivity(),
      });
    } finally {
      await events.close();
    }
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [resource, ...afterResource] = argv;
  // `kakao token rotate` has a third word and no options.
  if (resource === 'kakao') {
    const args = { resource, verb: afterResource[0], object: afterResource[1] };
    if (afterResource.length === 2 && (await runKakaoCommand(args, withContext, (line) => console.log(line))))
      return;
    // The usage printed below names the command; the first line says what was wrong with this one.
    throw new UsageError(`unknown command: ${['kakao', ...afterResource].join(' ')}`);
  }
  // `guides check [DIR]` reads files only: no database is opened.
  if (resource === 'guides') {
    if (await runGuidesCommand(resource, afterResource, (line) => console.log(line))) return;
    throw new UsageError(
      afterResource[0] === 'check'
        ? 'guides check takes at most one DIR'
        : `unknown command: ${['guides', ...afterResource.slice(0, 1)].join(' ')}`,
    );
  }
  // `db copy-to-postgres` opens two databases (the embedded one and the target): no AppContext.
  if (await runDbCommand(resource, afterResource, (line) => console.log(line))) return;
  // `companies import FILE` takes a file path: parsed on its own (the others take options only).
  if (await runCompaniesCommand(resource, afterResource, withContext, (line) => console.log(line))) return;
  // `purge` has no verb: its options follow it directly; `cti token …` has two words.
  const twoWords = resource === 'cti' && afterResource[0] === 'token';
  const verb =
    resource === 'purge' ? undefined : twoWords ? `token ${afterResource[1] ?? ''}` : afterResource[0];
  const rest = resource === 'purge' ? afterResource : afterResource.slice(twoWords ? 2 : 1);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      phone: { type: 'string' },
      reason: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      id: { type: 'string' },
      'expires-in-days': { type: 'string' },
      'expires-at': { type: 'string' },
      extension: { type: 'string' },
    },
    strict: true,
  });
  if (await runPrivacyCommand(resource, verb, values, withContext, (line) => console.log(line))) return;
  if (await runKeyCommand(resource, verb, withContext, (line) => console.log(line))) return;
  if (await runReportsCommand(resource, verb, withContext, (line) => console.log(line))) return;
  if (await runCtiCommand(resource, verb, values, withContext, (line) => console.log(line))) return;
  if (resource === 'user' && verb === 'create') {
    if (!values.email || !values.name || !values.role)
      throw new UsageError('user create needs --email, --name and --role');
    if (!isRole(values.role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
    if (!values['password-stdin'])
      throw new UsageError(
        'pass the password on standard input with --password-stdin (never as an argument: it would land in shell history)',
      );
    const password = await readStdin();
    const input = {
      email: values.email,
      name: values.name,
      role: values.role,
      password,
      ...(values.extension === undefined ? {} : { extension: values.extension }),
    };
    const user = await withContext((ctx) => createUser(ctx, input, { id: null }));
    const extension = user.extension ? `, extension ${user.extension}` : '';
    console.log(`created ${user.role} ${user.email} (${user.id}${extension})`);
    return;
  }
  if (resource === 'token' && verb === 'create') {
    if (!values.email) throw new UsageError('token create needs --email');
    const days = values['expires-in-days'];
    if (days !== undefined && !/^\d+$/.test(days))
      throw new UsageError('--expires-in-days takes a whole number of days');
    if (days !== undefined && values['expires-at'] !== undefined)
      throw new UsageError('give --expires-in-days or --expires-at, not both');
    const parsed = createApiTokenSchema.safeParse({
      name: values.name ?? 'cli',
      expiresAt: values['expires-at'],
      expiresInDays: days === undefined ? undefined : Number(days),
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
    const input = { email: values.email, ...parsed.data };
    const created = await withContext((ctx) => createApiToken(ctx, input, { id: null }));
    const until = created.expiresAt ? `, valid until ${created.expiresAt.toISOString()}` : '';
    console.log(
      `API token for ${values.email} (shown once${until}; use as "Authorization: Bearer <token>"):`,
    );
    console.log(created.token);
    return;
  }
  if (resource === 'token' && verb === 'list') {
    if (!values.email) throw new UsageError('token list needs --email');
    const email = values.email;
    const tokens = await withContext((ctx) => listApiTokens(ctx, null, { email }));
    if (tokens.length === 0) console.log(`no API tokens for ${email}`);
    for (const token of tokens) {
      console.log(
        [
          token.id,
          token.status,
          `name=${JSON.stringify(token.name)}`,
          `created=${token.createdAt}`,
          `last-used=${token.lastUsedAt ?? 'never'}`,
          `expires=${token.expiresAt ?? 'never'}`,
          ...(token.revokedAt ? [`revoked=${token.revokedAt}`] : []),
        ].join('  '),
      );
    }
    return;
  }
  if (resource === 'token' && verb === 'revoke') {
    if (!values.id) throw new UsageError('token revoke needs --id (see `ieum token list --email E`)');
    const parsedId = apiTokenIdParamsSchema.safeParse({ id: values.id });
    if (!parsedId.success) throw new UsageError(`--id: ${parsedId.error.issues[0]?.message ?? 'invalid'}`);
    await withContext((ctx) => revokeApiToken(ctx, parsedId.data, { user: null }));
    console.log(`revoked API token ${values.id}`);
    return;
  }
  throw new UsageError(
    resource ? `unknown command: ${[resource, verb].filter(Boolean).join(' ')}` : 'no command given',
  );
}

const argv = process.argv.slice(2);
const usage = requestedUsage(argv);
try {
  if (usage !== undefined) console.log(usage);
  else await main(argv);
} catch (error) {
  if (
    error instanceof UsageError ||
    error instanceof PrivacyUsageError ||
    error instanceof CtiUsageError ||
    error instanceof CompaniesUsageError ||
    error instanceof GuidesUsageError ||
    error instanceof DbUsageError ||
    (error instanceof TypeError && errorCodeOf(error)?.startsWith('ERR_PARSE_ARGS'))
  ) {
    // A known command word gets its own usage lines; an unknown one (or none) the whole list.
    const command = argv[0] !== undefined && argv[0] in usageByCommand ? argv[0] : undefined;
    console.error(`ieum: ${error.message}\n\n${usageOf(command)}`);
    process.exit(2);
  }
  if (error instanceof DataDirLockedError) {
    console.error(
      `ieum: ${error.message}\nA running server holds the embedded database: stop it first, or use the API instead (POST /api/v1/users, /api/v1/retention/purge, /api/v1/data-subjects/…) or the admin screen.`,
    );
    process.exit(1);
  }
  if (error instanceof AppError) {
    const details = error.details
      .map((d) => `\n  ${d.where}: ${renderProblemText(d.message, 'ko')}`)
      .join('');
    console.error(`ieum: ${error.message}${details}`);
    process.exit(1);
  }
  console.error(`ieum: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
