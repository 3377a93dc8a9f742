import { createCtiTokenSchema } from '../contract/cti/createCtiTokenSchema.ts';
import { ctiTokenIdParamsSchema } from '../contract/cti/ctiTokenIdParamsSchema.ts';
import type { AppContext } from '../server/appContext.ts';
import { readEnv } from '../server/env.ts';
import { createCtiToken } from '../server/services/cti/createCtiToken.ts';
import { listCtiTokens } from '../server/services/cti/listCtiTokens.ts';
import { revokeCtiToken } from '../server/services/cti/revokeCtiToken.ts';
import { startAsteriskBridge } from './startAsteriskBridge.ts';

/** Usage lines of the CTI commands, appended to the CLI's usage. */
export const CTI_USAGE = `  ieum cti token create --name N             token of one PBX integration (prints it as the last line;
                                             the PBX posts to /api/v1/cti/<token>)
  ieum cti token list                        the CTI tokens: id, state, name, last use
  ieum cti token revoke --id ID              the PBX's next event gets 401
  ieum cti asterisk                          bridge Asterisk's queue events (AMI) to the CTI endpoint:
                                             IEUM_AMI_HOST, IEUM_AMI_PORT, IEUM_AMI_USERNAME, IEUM_AMI_SECRET,
                                             IEUM_CTI_URL (runs until stopped)`;

/**
 * `ieum cti asterisk`: runs the bridge (no database: it posts to the server's CTI endpoint) until
 * SIGINT or SIGTERM.
 */
async function runAsteriskBridge(print: (line: string) => void): Promise<void> {
  const env = readEnv();
  if (!env.IEUM_CTI_URL || !env.IEUM_AMI_USERNAME || !env.IEUM_AMI_SECRET) {
    throw new CtiUsageError(
      'cti asterisk needs IEUM_CTI_URL (…/api/v1/cti/<token>), IEUM_AMI_USERNAME and IEUM_AMI_SECRET (IEUM_AMI_HOST, IEUM_AMI_PORT default 127.0.0.1:5038)',
    );
  }
  const bridge = startAsteriskBridge({
    ami: {
      host: env.IEUM_AMI_HOST,
      port: env.IEUM_AMI_PORT,
      username: env.IEUM_AMI_USERNAME,
      secret: env.IEUM_AMI_SECRET,
    },
    ctiUrl: env.IEUM_CTI_URL,
    log: (line) => print(`${new Date().toISOString()} ${line}`),
  });
  await bridge.ready;
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bridge.stop();
}

/** A CTI command given wrongly (printed with the usage, exit 2). */
export class CtiUsageError extends Error {}

/** Runs `cti token create|list|revoke`; returns false for any other command. */
export async function runCtiCommand(
  resource: string | undefined,
  verb: string | undefined,
  values: { name?: string | undefined; id?: string | undefined },
  withContext: <T>(run: (ctx: AppContext) => Promise<T>) => Promise<T>,
  print: (line: string) => void,
): Promise<boolean> {
  if (resource !== 'cti') return false;
  if (verb === 'token create') {
    const parsed = createCtiTokenSchema.safeParse({ name: values.name });
    if (!parsed.success)
      throw new CtiUsageError('cti token create needs --name (which PBX or bridge uses it)');
    const created = await withContext((ctx) => createCtiToken(ctx, parsed.data, { id: null }));
    print(
      `CTI token ${created.id} for "${created.name}" (shown once; the PBX posts to /api/v1/cti/<token>):`,
    );
    print(created.token);
    return true;
  }
  if (verb === 'token list') {
    const tokens = await withContext((ctx) => listCtiTokens(ctx));
    if (tokens.length === 0) print('no CTI tokens');
    for (const token of tokens) {
      print(
        [
          token.id,
          token.status,
          `name=${JSON.stringify(token.name)}`,
          `created=${token.createdAt}`,
          `last-used=${token.lastUsedAt ?? 'never'}`,
          ...(token.revokedAt ? [`revoked=${token.revokedAt}`] : []),
        ].join('  '),
      );
    }
    return true;
  }
  if (verb === 'token revoke') {
    const parsed = ctiTokenIdParamsSchema.safeParse({ id: values.id });
    if (!parsed.success) throw new CtiUsageError('cti token revoke needs --id (see `ieum cti token list`)');
    await withContext((ctx) => revokeCtiToken(ctx, parsed.data.id, { id: null }));
    print(`revoked CTI token ${parsed.data.id}`);
    return true;
  }
  if (verb === 'asterisk') {
    await runAsteriskBridge(print);
    return true;
  }
  throw new CtiUsageError(`unknown command: cti ${verb ?? ''}`.trim());
}
