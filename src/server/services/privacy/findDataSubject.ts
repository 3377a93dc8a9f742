import type { Channel } from '../../../contract/common/channelSchema.ts';
import type { Consultation } from '../../../contract/consultations/consultationSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { ConsentRecordRow } from '../../repositories/consentRecordRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { presentConsultation } from '../consultations/presentConsultation.ts';
import { lookUpDataSubject } from './lookUpDataSubject.ts';
import { openConsultationRow } from './openConsultationRow.ts';
import { presentSubjectLead, type SubjectLeadView } from './presentSubjectLead.ts';
import { presentSubjectTransfer, type SubjectTransferView } from './presentSubjectTransfer.ts';
import type { DataSubjectRequest } from './resolveDataSubject.ts';
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
  channel: Channel;
  recordedAt: string;
};

/** Everything held about one person (consultations masked here; exportDataSubject gives them in clear). */
export type DataSubjectFindings = {
  subject: { kind: 'phone' | 'email'; masked: string };
  consultations: Consultation[];
  consentRecords: ConsentRecordView[];
  /** Sign-up leads holding the phone or e-mail (their blind indexes). */
  leads: SubjectLeadView[];
  /** Transfers filed from those consultations and leads. */
  transfers: SubjectTransferView[];
};

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
 * consent records; the sign-up leads holding it (their own blind indexes); the transfers filed from
 * any of them. Shown masked; the search is logged with its reason.
 */
export async function findDataSubject(
  ctx: AppContext,
  user: PublicUser | null,
  request: DataSubjectRequest,
  origin: AccessOrigin,
): Promise<DataSubjectFindings> {
  const { subject, rows, consents, leads, transfers } = await lookUpDataSubject(ctx, user, request, origin, {
    action: 'data-subject.find',
    detail: (found) => ({
      consultations: found.rows.length,
      leads: found.leads.length,
      transfers: found.transfers.length,
    }),
  });
  return {
    subject: { kind: subject.kind, masked: subject.masked },
    consultations: rows.map((row) =>
      presentConsultation(openConsultationRow(ctx.fieldKeys, row.consultation), row.agentName),
    ),
    consentRecords: consents.map(presentConsentRecord),
    leads: leads.map((item) => presentSubjectLead(ctx.fieldKeys, item, { reveal: false })),
    transfers: transfers.map((item) => presentSubjectTransfer(ctx.fieldKeys, item, { reveal: false })),
  };
}
