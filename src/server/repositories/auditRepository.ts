import type { Database } from '../db/openDatabase.ts';
import { auditEvents } from '../db/schema.ts';

/** One security event to append. Never put personal data (phone, e-mail) in `detail`. */
export type AuditEventInput = {
  actorId: string | null;
  action: string;
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
};

/** SQL for the append-only audit trail. */
export const auditRepository = {
  append: async (db: Database, event: AuditEventInput): Promise<void> => {
    await db.insert(auditEvents).values({
      actorId: event.actorId,
      action: event.action,
      subject: event.subject ?? null,
      ip: event.ip ?? null,
      detail: event.detail ?? null,
    });
  },
};
