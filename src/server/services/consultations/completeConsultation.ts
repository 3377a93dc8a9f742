import type { CompleteConsultationInput } from '../../../contract/consultations/completeConsultationSchema.ts';
import type { Consultation } from '../../../contract/consultations/consultationSchema.ts';
import type { FlowEntry } from '../../../domain/flow/flowTypes.ts';
import { replayFlow } from '../../../domain/flow/replayFlow.ts';
import { summarizeFlow } from '../../../domain/flow/summarizeFlow.ts';
import { normalizeKoreanPhone } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import { renderConsultationRecord } from '../../../domain/record/renderConsultationRecord.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { consentRecordRepository } from '../../repositories/consentRecordRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { buildConsentRecord } from '../privacy/buildConsentRecord.ts';
import { consultationRetentionEnd } from '../privacy/consultationRetentionEnd.ts';
import { openConsultationRow } from '../privacy/openConsultationRow.ts';
import { sealConsultationPersonalData } from '../privacy/sealConsultationPersonalData.ts';
import { presentConsultation } from './presentConsultation.ts';

function sameHistory(a: readonly FlowEntry[], b: readonly { nodeId: string; answer: string }[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => entry.nodeId === b[i]?.nodeId && entry.answer === b[i]?.answer)
  );
}

/**
 * Saves the consultation record at the end of a script. The posted path is replayed through the
 * guide version the consultation started on, so only paths the guide allows are stored; the
 * category comes from the guide, title and body are the agent's (edited) text. Saving again with
 * the same path (a retried request) returns the stored consultation instead of failing.
 */
export async function completeConsultation(
  ctx: AppContext,
  agent: PublicUser,
  id: string,
  input: CompleteConsultationInput,
): Promise<Consultation> {
  const db = ctx.database.db;
  const found = await consultationRepository.findById(db, id);
  if (!found || (found.consultation.agentId !== agent.id && agent.role !== 'admin')) {
    throw new AppError('not-found', `상담을 찾을 수 없습니다: ${id}`);
  }
  const row = openConsultationRow(ctx.fieldKeys, found.consultation);
  if (row.status === 'completed') {
    if (row.scriptId === input.scriptId && sameHistory(input.history, row.path)) {
      return presentConsultation(row, found.agentName, { reveal: true });
    }
    throw new AppError('conflict', '이미 저장된 상담입니다. 새 상담을 시작하세요.');
  }
  const guide = ctx.guides.get(row.guideId);
  if (!guide || guide.version !== row.guideVersion) {
    throw new AppError(
      'conflict',
      `상담 중 가이드가 변경되었습니다 (${row.guideVersion} → ${guide?.version ?? '없음'}). 새 상담으로 다시 진행하세요.`,
    );
  }
  if (input.inquiryType > guide.inquiryTypes.length) {
    throw new AppError('validation-failed', `이관 유형은 1–${guide.inquiryTypes.length} 중 하나입니다.`, [
      { where: '/inquiryType', message: '범위 밖' },
    ]);
  }
  const replayed = replayFlow(guide, input.scriptId, input.history);
  if (!replayed.ok) {
    throw new AppError('validation-failed', replayed.message, [
      { where: `/history/${replayed.index}`, message: replayed.reason },
    ]);
  }
  const summary = summarizeFlow(guide, replayed.state);
  if (!summary.complete) {
    throw new AppError(
      'validation-failed',
      '스크립트가 끝나지 않았습니다. 마지막 단계까지 진행한 뒤 저장하세요.',
      [{ where: '/history', message: 'incomplete' }],
    );
  }
  const hoursOnPath = summary.businessHours === null ? null : summary.businessHours === 'open';
  if (
    hoursOnPath !== null &&
    input.businessHoursOpen !== undefined &&
    hoursOnPath !== input.businessHoursOpen
  ) {
    throw new AppError('validation-failed', '업무시간 판단이 경로와 다릅니다.', [
      { where: '/businessHoursOpen', message: 'mismatch' },
    ]);
  }
  const { title, body, ...typed } = input.record;
  // The contact number is validated and kept in the one Korean display format (010-1234-5678),
  // so it is found by phone later whatever way the agent typed it.
  let fields = typed;
  if (typed.phone.trim()) {
    const phone = normalizeKoreanPhone(typed.phone);
    if (!phone.ok) {
      throw new AppError('validation-failed', phone.message, [
        { where: '/record/phone', message: phone.message },
      ]);
    }
    fields = { ...typed, phone: phone.display };
  }
  const rendered = renderConsultationRecord(guide, fields);
  const completedAt = ctx.now();
  const consent = buildConsentRecord(guide, summary, {
    consultationId: id,
    agentId: agent.id,
    channel: row.channel,
    recordedAt: completedAt,
  });
  // Personal data is encrypted before it reaches the database; the consent record is written in
  // the same transaction, so a consultation is never saved without the consent it relied on.
  const completed = await db.transaction(async (tx) => {
    const saved = await consultationRepository.complete(tx, id, {
      scriptId: input.scriptId,
      inquiryType: input.inquiryType,
      path: replayed.state.history,
      outcome: summary.outcome,
      businessHoursOpen: hoursOnPath ?? input.businessHoursOpen ?? null,
      recordCategory: rendered.category,
      ...sealConsultationPersonalData(ctx.fieldKeys, {
        callerNumber: row.callerNumber,
        recordTitle: title,
        recordBody: body,
        recordFields: { ...fields },
      }),
      retentionEndsAt: consultationRetentionEnd(ctx.env, {
        startedAt: row.startedAt,
        completedAt,
        guide,
        consentAgreed: summary.consent?.agreed === true,
      }),
      completedAt,
    });
    if (saved && consent) await consentRecordRepository.insert(tx, consent);
    return saved;
  });
  if (!completed) throw new AppError('conflict', '이미 저장된 상담입니다. 새 상담을 시작하세요.');
  return presentConsultation(openConsultationRow(ctx.fieldKeys, completed), found.agentName, {
    reveal: true,
  });
}
