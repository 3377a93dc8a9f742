import { createHash } from 'node:crypto';
import type { Channel } from '../../../contract/common/channelSchema.ts';
import { consentReading } from '../../../domain/consent/consentReading.ts';
import type { FlowConsent } from '../../../domain/flow/summarizeFlow.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { addRetentionYears } from '../../../domain/privacy/addRetentionYears.ts';
import type { consentRecords } from '../../db/privacySchema.ts';

/** Values of a consent record, ready to insert. */
export type NewConsentRecord = typeof consentRecords.$inferInsert;

/**
 * The consent record of one decision taken on a consultation — at the path's consent node, or on
 * the callback number the chatbot asked for — agreed or refused: the notice as read (its id, its
 * version and the SHA-256 of the exact text given, narrowed to the items collected: proof of the
 * wording, even after the guide is edited), the items, purpose and retention it stated, and who
 * recorded it where and when. Retention runs from the moment of recording for the notice's
 * stated years.
 */
export function buildConsentRecord(
  guide: Guide,
  decision: FlowConsent,
  facts: { consultationId: string; agentId: string; channel: Channel; recordedAt: Date },
): NewConsentRecord {
  const notice = guide.consentNotice;
  const reading = consentReading(notice, decision.items);
  return {
    consultationId: facts.consultationId,
    noticeId: decision.noticeId,
    noticeVersion: decision.noticeVersion,
    noticeTextSha256: createHash('sha256').update(reading.text, 'utf8').digest('hex'),
    agreed: decision.agreed,
    items: [...reading.items],
    purpose: notice.purpose,
    retentionYears: notice.retention.years,
    retentionBasis: notice.retention.basis,
    retentionEndsAt: addRetentionYears(facts.recordedAt, notice.retention.years),
    agentId: facts.agentId,
    channel: facts.channel,
    recordedAt: facts.recordedAt,
  };
}
