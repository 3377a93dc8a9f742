import type { AccessLogQuery } from '../../../contract/privacy/accessLogQuerySchema.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { toCsv } from '../../../domain/privacy/toCsv.ts';
import type { AppContext } from '../../appContext.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import type { AccessOrigin } from './revealConsultation.ts';
import { searchAccessLog } from './searchAccessLog.ts';

/** Most rows one export carries; narrow the dates for more. */
export const ACCESS_LOG_EXPORT_MAX = 50_000;

/**
 * The access log as CSV (same filters as the search, up to 50,000 rows, Seoul times), for an
 * admin's review or an inspector. The export itself is logged, with its filters.
 */
export async function exportAccessLogCsv(
  ctx: AppContext,
  user: PublicUser,
  query: AccessLogQuery,
  origin: AccessOrigin,
): Promise<string> {
  const entries = await searchAccessLog(ctx, { ...query, limit: ACCESS_LOG_EXPORT_MAX });
  await auditRepository.append(ctx.database.db, ctx.fieldKeys, {
    at: ctx.now(),
    actorId: user.id,
    action: 'access-log.export',
    subject: 'access-log',
    ip: origin.ip,
    detail: {
      rows: entries.length,
      // The filters say what was exported; a phone or email filter is recorded only as present.
      filters: {
        actor: query.actor ?? null,
        action: query.action ?? null,
        subject: query.subject ?? null,
        byPhone: Boolean(query.phone),
        byEmail: Boolean(query.email),
        from: query.from ?? null,
        to: query.to ?? null,
      },
    },
  });
  return toCsv(
    [
      'id',
      'at',
      'actor_email',
      'actor_role',
      'ip',
      'action',
      'subject',
      'subject_index',
      'reason',
      'detail',
      'hash',
    ],
    entries.map((entry) => [
      String(entry.id),
      formatSeoulIso(new Date(entry.at)),
      entry.actor?.email ?? (entry.actor ? entry.actor.id : 'system'),
      entry.actor?.role ?? '',
      entry.ip ?? '',
      entry.action,
      entry.subject ?? '',
      entry.subjectIndex ?? '',
      entry.reason ?? '',
      entry.detail ? JSON.stringify(entry.detail) : '',
      entry.hash ?? '',
    ]),
  );
}
