import type { AppContext } from '../../appContext.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import {
  type ConsentRecordRow,
  consentRecordRepository,
} from '../../repositories/consentRecordRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { type ConsultationView, presentConsultation } from '../consultations/presentConsultation.ts';
import { openConsultationRow } from './openConsultationRow.ts';
import { type DataSubjectRequest, resolveDataSubject } from './resolveDataSubject.ts';
import type { AccessOrigin } from './revealConsultation.ts';

/** A consent record as data-subject answers show it. */
export type ConsentRecordView = {
  id: string;
  consultationId: string;
  noticeId: string;
  noticeVersion: string;
  noticeTextSha256: string;
  agreed: boolean;
  items: string[];
  purpose: string;
  retentionYears: number;
  retentionBasis: string;
  retentionEndsAt: string;
  agentId: string;
  channel: 'call' | 'chat';
  recordedAt: string;
};

/** Everything held about one person (consultations masked here; exportDataSubject gives them in clear). */
export type DataSubjectFindings = {
  subject: { kind: 'phone' | 'email'; masked: string };
  consultations: ConsultationView[];
  consentRecords: ConsentRecordView[];
};

/** Most consultations one request covers. */
export const DATA_SUBJECT_MAX_RECORDS = 1000;

/** Shapes a consent record for data-subject answers. */
export function presentConsentRecord(row: ConsentRecordRow): ConsentRecordView {
  return {
    id: row.id,
    consultationId: row.consultationId,
    noticeId: row.noticeId,
    noticeVersion: row.noticeVersion,
    noticeTextSha256: row.noticeTextSha256,
    agreed: row.agreed,
    items: row.items,
    purpose: row.purpose,
    retentionYears: row.retentionYears,
    retentionBasis: row.retentionBasis,
    retentionEndsAt: row.retentionEndsAt.toISOString(),
    agentId: row.agentId,
    channel: row.channel,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/**
 * Finds everything held about a phone number or email (a data-subject request): the consultations
 * that hold it anywhere — caller number, record fields or body — through the blind index, and their
 * consent records. Shown masked; the search is logged with its reason.
 * Transfers and leads join here once they store blind indexes too.
 */
export async function findDataSubject(
  ctx: AppContext,
  user: PublicUser | null,
  request: DataSubjectRequest,
  origin: AccessOrigin,
): Promise<DataSubjectFindings> {
  const db = ctx.database.db;
  const subject = resolveDataSubject(ctx.fieldKeys, request);
  const rows = await consultationRepository.findByPersonalIndex(
    db,
    [subject.index],
    DATA_SUBJECT_MAX_RECORDS,
  );
  const consents = await consentRecordRepository.listByConsultations(
    db,
    rows.map((row) => row.consultation.id),
  );
  await auditRepository.append(db, {
    at: ctx.now(),
    actorId: user?.id ?? null,
    action: 'data-subject.find',
    subject: `${subject.kind}-subject`,
    subjectIndex: subject.index,
    ip: origin.ip,
    reason: request.reason,
    detail: { consultations: rows.length, via: user ? 'api' : 'cli' },
  });
  return {
    subject: { kind: subject.kind, masked: subject.masked },
    consultations: rows.map((row) =>
      presentConsultation(openConsultationRow(ctx.fieldKeys, row.consultation), row.agentName),
    ),
    consentRecords: consents.map(presentConsentRecord),
  };
}
