import { dataSubjectRequestSchema } from '../contract/privacy/dataSubjectRequestSchema.ts';
import type { AppContext } from '../server/appContext.ts';
import { deleteDataSubject } from '../server/services/privacy/deleteDataSubject.ts';
import { exportDataSubject } from '../server/services/privacy/exportDataSubject.ts';
import { findDataSubject } from '../server/services/privacy/findDataSubject.ts';
import { purgeExpiredPersonalData } from '../server/services/privacy/purgeExpiredPersonalData.ts';
import { verifyAccessLog } from '../server/services/privacy/verifyAccessLog.ts';

/** Usage lines of the privacy commands, appended to the CLI's usage. */
export const PRIVACY_USAGE = `  ieum purge [--dry-run]                     destroy personal data whose retention ended (--dry-run lists it)
  ieum subject find|export|delete --phone P | --email E [--reason R]
                                             data-subject request: find (masked), export (JSON, clear), delete
  ieum access-log verify                     check the access log's keyed hash chain and signed checkpoint`;

/** Options the privacy commands read. */
export type PrivacyCommandOptions = {
  phone?: string | undefined;
  email?: string | undefined;
  reason?: string | undefined;
  'dry-run'?: boolean | undefined;
};

/** A command-line mistake: printed with the usage, exit code 2. */
export class PrivacyUsageError extends Error {}

/**
 * Runs `purge`, `subject …` and `access-log verify`; returns false for any other command. CLI actions
 * are logged like API ones, with no account (the operator at the machine) and `via: 'cli'`.
 */
export async function runPrivacyCommand(
  resource: string | undefined,
  verb: string | undefined,
  options: PrivacyCommandOptions,
  withContext: <T>(run: (ctx: AppContext) => Promise<T>) => Promise<T>,
  print: (line: string) => void,
): Promise<boolean> {
  if (resource === 'purge') {
    const dryRun = options['dry-run'] === true;
    const report = await withContext((ctx) => purgeExpiredPersonalData(ctx, { dryRun }));
    const verbText = dryRun ? 'would destroy' : 'destroyed';
    for (const record of report.records) {
      print(`${verbText} ${record.kind} ${record.id} (retention ended ${record.retentionEndedAt})`);
    }
    print(
      `${dryRun ? 'dry run: ' : ''}${report.records.length} record(s) ${verbText}, ${report.accessLogRows} access-log row(s) past retention${dryRun ? '' : ' removed'}`,
    );
    return true;
  }
  if (resource === 'subject') {
    if (verb !== 'find' && verb !== 'export' && verb !== 'delete') {
      throw new PrivacyUsageError('subject needs find, export or delete');
    }
    const parsed = dataSubjectRequestSchema.safeParse({
      phone: options.phone,
      email: options.email,
      reason: options.reason ?? `명령줄 정보주체 요청 (ieum subject ${verb})`,
    });
    if (!parsed.success) {
      throw new PrivacyUsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
    }
    const request = parsed.data;
    if (verb === 'find') {
      const found = await withContext((ctx) => findDataSubject(ctx, null, request, { ip: null }));
      print(`${found.subject.kind} ${found.subject.masked}: ${found.consultations.length} consultation(s)`);
      for (const c of found.consultations) {
        print(`  ${c.id}  ${c.startedAt}  ${c.channel}  ${c.outcome ?? c.status}  ${c.callerNumber ?? ''}`);
      }
      print(`${found.consentRecords.length} consent record(s)`);
      print(`${found.leads.length} lead(s)`);
      for (const lead of found.leads)
        print(`  ${lead.id}  ${lead.number}  ${lead.createdAt}  ${lead.status}`);
      print(`${found.transfers.length} transfer(s)`);
      for (const transfer of found.transfers) {
        print(`  ${transfer.id}  ${transfer.number}  ${transfer.createdAt}  ${transfer.status}`);
      }
      print(`${found.calls.length} call(s)`);
      for (const call of found.calls) {
        const callback = call.callbackStatus ? `  callback ${call.callbackStatus}` : '';
        print(
          `  ${call.id}  ${call.startedAt}  ${call.direction}  ${call.state}  ${call.customerNumber ?? ''}${callback}`,
        );
      }
      return true;
    }
    if (verb === 'export') {
      const exported = await withContext((ctx) => exportDataSubject(ctx, null, request, { ip: null }));
      print(JSON.stringify(exported, null, 2));
      return true;
    }
    const deleted = await withContext((ctx) => deleteDataSubject(ctx, null, request, { ip: null }));
    print(
      `erased the personal data of ${deleted.erasedConsultations.length} consultation(s) for ${deleted.subject.kind} ${deleted.subject.masked}`,
    );
    for (const id of deleted.erasedConsultations) print(`  ${id}`);
    print(`erased ${deleted.erasedLeads.length} lead(s) and ${deleted.erasedTransfers.length} transfer(s)`);
    for (const id of [...deleted.erasedLeads, ...deleted.erasedTransfers]) print(`  ${id}`);
    print(`erased the numbers of ${deleted.erasedCalls.length} call(s)`);
    for (const id of deleted.erasedCalls) print(`  ${id}`);
    return true;
  }
  if (resource === 'access-log' && verb === 'verify') {
    const result = await withContext((ctx) => verifyAccessLog(ctx));
    const { checkpoint } = result;
    if (result.brokenAt) print(`access log BROKEN at row ${result.brokenAt.id}: ${result.brokenAt.problem}`);
    else if (result.unverifiableFrom) {
      const { id, keyId } = result.unverifiableFrom;
      print(
        `access log NOT VERIFIABLE from row ${id} on: it is linked with key ${keyId}, which is not configured — not a sign of tampering; add that key to IEUM_ENCRYPTION_OLD_KEYS to check it (${result.checked} row(s) before it verified)`,
      );
    } else {
      const legacy =
        result.legacyChecked > 0
          ? ` (${result.legacyChecked} of them from the unkeyed chain before keys)`
          : '';
      print(`chain intact: ${result.checked} chained row(s) verified${legacy}`);
    }
    if (checkpoint.state === 'broken') print(`checkpoint BROKEN (${checkpoint.file}): ${checkpoint.problem}`);
    else if (checkpoint.state === 'unverifiable')
      print(`checkpoint NOT VERIFIABLE (${checkpoint.file}): ${checkpoint.problem}`);
    else if (checkpoint.state === 'none') print(`no checkpoint yet in ${checkpoint.file}`);
    else print(`checkpoint at position ${checkpoint.seq} matches (${checkpoint.file})`);
    if (checkpoint.written !== null) print(`checkpoint now at position ${checkpoint.written}`);
    if (result.ok) print('access log intact');
    else process.exitCode = 1;
    return true;
  }
  return false;
}
