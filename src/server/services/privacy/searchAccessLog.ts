import { z } from 'zod';
import type { AccessLogEntry } from '../../../contract/privacy/accessLogEntrySchema.ts';
import type { AccessLogQuery } from '../../../contract/privacy/accessLogQuerySchema.ts';
import type { AppContext } from '../../appContext.ts';
import { emailBlindIndex, phoneBlindIndex } from '../../crypto/blindIndex.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { type AuditEventWithActor, auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';

/** Shapes a stored entry for the API and the CSV export. */
export function presentAccessLogEntry(row: AuditEventWithActor): AccessLogEntry {
  const { event } = row;
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: event.actorId
      ? { id: event.actorId, email: row.actorEmail, name: row.actorName, role: row.actorRole }
      : null,
    action: event.action,
    subject: event.subject,
    subjectIndex: event.subjectIndex,
    ip: event.ip,
    reason: event.reason,
    detail: event.detail,
    hash: event.hash,
  };
}

/**
 * Searches the access log, newest first: by account (id or email), action, subject, whose data
 * (a phone number or email, matched through its blind index — the log never holds the value) and
 * date range. Admins only (checked by the route).
 */
export async function searchAccessLog(ctx: AppContext, query: AccessLogQuery): Promise<AccessLogEntry[]> {
  const db = ctx.database.db;
  let actorId: string | undefined;
  if (query.actor) {
    if (z.uuid().safeParse(query.actor).success) actorId = query.actor;
    else {
      const user = await userRepository.findByEmail(db, query.actor);
      // An unknown account matches nothing rather than everything.
      if (!user) return [];
      actorId = user.id;
    }
  }
  let subjectIndex: string | undefined;
  if (query.phone) {
    const index = phoneBlindIndex(ctx.fieldKeys, query.phone);
    if (!index)
      throw new AppError('validation-failed', msg('common.invalidPhone'), [
        { where: 'querystring/phone', message: msg('common.invalidPhoneDetail') },
      ]);
    subjectIndex = index;
  } else if (query.email) subjectIndex = emailBlindIndex(ctx.fieldKeys, query.email);
  const rows = await auditRepository.search(db, ctx.fieldKeys, {
    actorId,
    action: query.action,
    subject: query.subject,
    subjectIndex,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeId: query.beforeId,
    limit: query.limit,
  });
  return rows.map(presentAccessLogEntry);
}
