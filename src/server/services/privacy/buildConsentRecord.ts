import { createHash } from 'node:crypto';
import type { Channel } from '../../../contract/common/channelSchema.ts';
import type { FlowSummary } from '../../../domain/flow/summarizeFlow.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { addRetentionYears } from '../../../domain/privacy/addRetentionYears.ts';
import type { consentRecords } from '../../db/privacySchema.ts';

/** Values of a consent record, ready to insert. */
export type NewConsentRecord = typeof consentRecords.$inferInsert;

/**
 * The consent record for a consultation whose flow passed the consent node: agreed or refused, the
 * notice's id and version and the SHA-256 of its exact text (proof of the wording read, even after
 * the guide is edited), the items, purpose and retention it stated, and who recorded it where and
 * when. Retention runs from the moment of recording for the notice's stated years.
 * Null when the path had no consent step.
 */
export function buildConsentRecord(
  guide: Guide,
  summary: FlowSummary,
  facts: { consultationId: string; agentId: string; channel: Channel; recordedAt: Date },
): NewConsentRecord | null {
  if (!summary.consent) return null;
  const notice = guide.consentNotice;
  return {
    consultationId: facts.consultationId,
    noticeId: summary.consent.noticeId,
    noticeVersion: summary.consent.noticeVersion,
    noticeTextSha256: createHash('sha256').update(notice.text, 'utf8').digest('hex'),
    agreed: summary.consent.agreed,
    items: [...notice.items],
    purpose: notice.purpose,
    retentionYears: notice.retention.years,
    retentionBasis: notice.retention.basis,
    retentionEndsAt: addRetentionYears(facts.recordedAt, notice.retention.years),
    agentId: facts.agentId,
    channel: facts.channel,
    recordedAt: facts.recordedAt,
  };
}
