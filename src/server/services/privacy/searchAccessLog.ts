import { z } from 'zod';
import { requestInstantSchema } from '../../../contract/common/requestDateSchemas.ts';
import type { AppContext } from '../../appContext.ts';
import { emailBlindIndex, phoneBlindIndex } from '../../crypto/blindIndex.ts';
import { AppError } from '../../errors.ts';
import { type AuditEventWithActor, auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';

/** Filters of an access-log search (query string of GET /access-log and its CSV export). */
export const accessLogQuerySchema = z.strictObject({
  actor: z.string().trim().min(1).max(254).optional().describe('Account: user id or email'),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("e.g. 'personal-data.reveal', 'user.created'"),
  subject: z.string().trim().min(1).max(200).optional().describe("e.g. 'consultation:<id>', 'user:<id>'"),
  phone: z.string().trim().min(1).max(40).optional().describe('Whose data: entries about this phone number'),
  email: z.email().max(254).optional().describe('Whose data: entries about this email address'),
  from: requestInstantSchema().optional().describe('From this instant (inclusive)'),
  to: requestInstantSchema().optional().describe('Until this instant (exclusive)'),
  beforeId: z.coerce.number().int().positive().optional().describe('Next page: entries older than this id'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Parsed filters. */
export type AccessLogQuery = z.output<typeof accessLogQuerySchema>;

/** One access-log entry as the API shows it. */
export type AccessLogEntry = {
  id: number;
  at: string;
  actor: { id: string; email: string | null; name: string | null; role: string | null } | null;
  action: string;
  subject: string | null;
  subjectIndex: string | null;
  ip: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  hash: string | null;
};

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
      throw new AppError('validation-failed', '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)', [
        { where: 'querystring/phone', message: 'invalid phone number' },
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
