import type { DataSubjectRequest } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import type { CallRow } from '../../repositories/callRepository.ts';
import { consentRecordRepository } from '../../repositories/consentRecordRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { type LeadWithContext, leadRepository } from '../../repositories/leadRepository.ts';
import { subjectCallRepository } from '../../repositories/subjectCallRepository.ts';
import { type SubjectTransferRow, transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { resolveDataSubject } from './resolveDataSubject.ts';
import type { AccessOrigin } from './revealConsultation.ts';

/** Most consultations one request covers. */
export const DATA_SUBJECT_MAX_RECORDS = 1000;

type ConsultationRows = Awaited<ReturnType<typeof consultationRepository.findByPersonalIndex>>;

/** The records found about one person. */
export type DataSubjectRecords = {
  rows: ConsultationRows;
  leads: LeadWithContext[];
  transfers: SubjectTransferRow[];
  /** Phone calls the PBX reported from or to the number (missed calls included). */
  calls: CallRow[];
};

/**
 * The common first half of a data-subject request (find or export): everything held about the
 * phone number or e-mail — consultations, leads, transfers and CTI calls (missed calls included)
 * found through their blind indexes, and the transfers filed from those consultations and leads —
 * with the consent records, and the access log entry written before
 * anything is shown, naming the action, reason and who asked. Transfers are also found through
 * their own blind indexes, so one filed without a consultation is found too.
 */
export async function lookUpDataSubject(
  ctx: AppContext,
  user: PublicUser | null,
  request: DataSubjectRequest,
  origin: AccessOrigin,
  audit: {
    action: 'data-subject.find' | 'data-subject.export';
    detail: (found: DataSubjectRecords) => Record<string, unknown>;
  },
) {
  const db = ctx.database.db;
  const subject = resolveDataSubject(ctx.fieldKeys, request);
  const rows = await consultationRepository.findByPersonalIndex(
    db,
    ctx.fieldCodec,
    [subject.index],
    DATA_SUBJECT_MAX_RECORDS,
  );
  const consents = await consentRecordRepository.listByConsultations(
    db,
    rows.map((row) => row.consultation.id),
  );
  const leads = await leadRepository.findByPersonalIndex(
    db,
    ctx.fieldCodec,
    subject.index,
    DATA_SUBJECT_MAX_RECORDS,
  );
  const transfers = await transferRepository.listForSubject(
    db,
    ctx.fieldCodec,
    {
      ids: leads.map((item) => item.lead.transferId),
      consultationIds: rows.map((row) => row.consultation.id),
      personalIndex: subject.index,
    },
    DATA_SUBJECT_MAX_RECORDS,
  );
  const calls = await subjectCallRepository.findByCustomerIndex(
    db,
    ctx.fieldCodec,
    subject.index,
    DATA_SUBJECT_MAX_RECORDS,
  );
  await auditRepository.append(db, ctx.fieldKeys, {
    at: ctx.now(),
    actorId: user?.id ?? null,
    action: audit.action,
    subject: `${subject.kind}-subject`,
    subjectIndex: subject.index,
    ip: origin.ip,
    reason: request.reason,
    detail: { ...audit.detail({ rows, leads, transfers, calls }), via: user ? 'api' : 'cli' },
  });
  return { subject, rows, consents, leads, transfers, calls };
}
