import type { CallPop } from '../../../contract/cti/callPopSchema.ts';
import { describeCaller } from '../../../domain/cti/describeCaller.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { AppContext } from '../../appContext.ts';
import { phoneBlindIndex } from '../../crypto/blindIndex.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { callRepository } from '../../repositories/callRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { findRegisteredContactsByPhone } from '../companies/findRegisteredContactsByPhone.ts';
import { transferInquiryTypes } from '../transfers/transferInquiryTypes.ts';
import { wordTransferStatus } from '../transfers/wordTransferStatus.ts';
import { wordCallerIdentity } from './wordCallerIdentity.ts';

/** Consultations and open transfers a pop lists (the newest). */
const HISTORY_LIMIT = 5;

/**
 * The screen pop of a call answered at the agent's extension, for that agent only (404 for anyone
 * else): the consultation the answer started, who the caller is by the directory, their last
 * consultations and their open transfers and sign-up leads — found by the number's blind index,
 * values masked (the business team reveals a transfer's contact as usual, with a reason).
 */
export async function getCallPop(
  ctx: AppContext,
  user: PublicUser,
  callId: string,
  locale: Locale = 'ko',
): Promise<CallPop> {
  const db = ctx.database.db;
  const call = await callRepository.findById(db, ctx.fieldCodec, callId);
  if (!call || call.agentId !== user.id)
    throw new AppError('not-found', msg('cti.callNotFound', { id: callId }));
  const number = call.customerNumber;
  const index = number ? phoneBlindIndex(ctx.fieldKeys, number) : null;
  const matches = number ? await findRegisteredContactsByPhone(db, ctx.fieldCodec, number) : [];
  const earlier = index
    ? (await consultationRepository.findByPersonalIndex(db, ctx.fieldCodec, [index], HISTORY_LIMIT + 1))
        .map((row) => row.consultation)
        .filter((consultation) => consultation.id !== call.consultationId)
        .slice(0, HISTORY_LIMIT)
    : [];
  const transfers = index
    ? (
        await transferRepository.listForSubject(
          db,
          ctx.fieldCodec,
          { ids: [], consultationIds: [], personalIndex: index },
          50,
        )
      )
        .map((row) => row.transfer)
        .filter((transfer) => transfer.status !== 'closed')
        .slice(0, HISTORY_LIMIT)
    : [];
  const types = transferInquiryTypes(ctx);
  const typeTitle = (guideId: string, number: number | null) =>
    types.find((type) => type.guideId === guideId && type.number === number)?.label ?? null;
  return {
    callId: call.id,
    consultationId: call.consultationId,
    direction: call.direction,
    state: call.state,
    callerNumber: number ? maskPhone(number) : null,
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    caller: wordCallerIdentity(describeCaller(matches), locale),
    recentConsultations: earlier.map((consultation) => ({
      id: consultation.id,
      startedAt: consultation.startedAt.toISOString(),
      status: consultation.status,
      inquiryType: consultation.inquiryType,
      typeTitle: typeTitle(consultation.guideId, consultation.inquiryType),
      outcome: consultation.outcome,
    })),
    openTransfers: transfers.map((transfer) => ({
      id: transfer.id,
      number: transfer.number,
      kind: transfer.kind,
      status: transfer.status,
      statusLabel: wordTransferStatus(locale, transfer.status),
      inquiryType: transfer.inquiryType,
      typeTitle: typeTitle(transfer.guideId, transfer.inquiryType),
      dueAt: transfer.dueAt.toISOString(),
    })),
  };
}
