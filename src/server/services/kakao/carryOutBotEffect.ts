import type { ConsultationLifecycleEvent } from '../../../contract/events/consultationLifecycleEventSchema.ts';
import type { FlowState } from '../../../domain/flow/flowTypes.ts';
import { handoffCallbackStep } from '../../../domain/flow/handoffCallbackStep.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import type { BotEffect } from '../../../domain/kakao/answerBotUtterance.ts';
import { botConsentDecisions } from '../../../domain/kakao/botConsentDecisions.ts';
import type { BotConversation } from '../../../domain/kakao/botConversation.ts';
import { forgetRefusedContact } from '../../../domain/kakao/forgetRefusedContact.ts';
import { draftRecordFields } from '../../../domain/record/draftRecordFields.ts';
import { renderConsultationRecord } from '../../../domain/record/renderConsultationRecord.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { consentRecordRepository } from '../../repositories/consentRecordRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { kakaoConversationRepository } from '../../repositories/kakaoConversationRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { finishConsultation } from '../consultations/finishConsultation.ts';
import { saveConsultationDraft } from '../consultations/saveConsultationDraft.ts';
import { startConsultation } from '../consultations/startConsultation.ts';
import { buildConsentRecord } from '../privacy/buildConsentRecord.ts';
import { consultationRetentionEnd } from '../privacy/consultationRetentionEnd.ts';
import { fileTransferStep } from '../transfers/fileTransfer.ts';
import { loadPresentContext } from '../transfers/loadPresentContext.ts';
import { ensureKakaoBotUser } from './ensureKakaoBotUser.ts';

/** Live event: a KakaoTalk chat was handed to agents (ids only). */
export const KAKAO_HANDOFF_EVENT = 'kakao.handoff';

const RECORD_BODY_LIMIT = 8000;

/** The chat as the record keeps it: who said what, customer text masked. */
export function transcriptText(conversation: BotConversation): string {
  return conversation.transcript
    .map((turn) => `${turn.from === 'customer' ? '고객' : '챗봇'}: ${turn.text.replace(/\n+/g, ' / ')}`)
    .join('\n');
}

function recordOf(guide: Guide, conversation: BotConversation, flow: FlowState) {
  const fields = draftRecordFields(guide, flow, {
    collected: conversation.collected,
    ...(conversation.inquiryType === null ? {} : { inquiryTypeNumber: conversation.inquiryType }),
  });
  const rendered = renderConsultationRecord(guide, fields);
  const header = '\n\n[카카오톡 챗봇 대화]\n';
  const room = RECORD_BODY_LIMIT - rendered.body.length - header.length;
  const chat = transcriptText(conversation);
  const body =
    room > 0
      ? `${rendered.body}${header}${chat.length > room ? chat.slice(chat.length - room) : chat}`
      : rendered.body;
  return { fields, title: rendered.title, body };
}

/**
 * Records the consent decisions the chat took on its consultation, inside the caller's transaction,
 * as the console's finish records its own (buildConsentRecord): the notice as read, the items, the
 * answer, when the customer gave it, the bot's account and channel chat. Each reading once per
 * consultation: a retried turn, or the agent's finish later, finds it recorded and keeps it.
 */
async function recordBotConsents(
  tx: Database,
  guide: Guide,
  bot: PublicUser,
  consultationId: string,
  conversation: BotConversation,
): Promise<void> {
  for (const decision of botConsentDecisions(guide, conversation.consents)) {
    await consentRecordRepository.insert(
      tx,
      buildConsentRecord(guide, decision, {
        consultationId,
        agentId: bot.id,
        channel: 'chat',
        recordedAt: new Date(decision.at),
      }),
    );
  }
}

/** Thrown inside the start transaction to undo a consultation another attempt beat to the claim. */
class ClaimedEarlier extends Error {}

/**
 * The chat consultation a turn's filing goes on. Started and tied to the conversation in one
 * transaction; when an earlier attempt at the same conversation's filing tied one already — Kakao's
 * retry answered on another instance, or an attempt that failed after starting it — that one is
 * used, so a retry never leaves a second, empty chat consultation behind. A tied consultation the
 * abandonment job has closed since (the customer answered again after IEUM_ABANDON_AFTER_MINUTES)
 * takes no filing any more: a new one is started and tied in its place, in the same way.
 */
async function chatConsultationFor(
  ctx: AppContext,
  bot: PublicUser,
  guide: Guide,
  conversationId: string,
  chatStartedAt: Date | undefined,
): Promise<{ consultationId: string; earlier: boolean }> {
  let replacing: string | null = null;
  // Each round either ties a consultation or finds one tied by another attempt; a closed one found
  // is replaced on the next round. Two rounds suffice unless other attempts keep replacing it.
  for (let round = 0; round < 3; round += 1) {
    try {
      const consultationId = await ctx.database.db.transaction(async (tx) => {
        // On the conversation's guide version, which its path and the filing are replayed on.
        const started = await startConsultation(
          ctx,
          bot,
          { channel: 'chat', guideId: guide.id },
          // Started when the chat did (QA-11 M8: it read as started when the bot filed it, so
          // handling times and the day it counts under were the filing's).
          { db: tx, guide, startedAt: chatStartedAt },
        );
        if (!(await kakaoConversationRepository.claimConsultation(tx, conversationId, started.id, replacing)))
          throw new ClaimedEarlier();
        return started.id;
      });
      return { consultationId, earlier: false };
    } catch (error) {
      if (!(error instanceof ClaimedEarlier)) throw error;
    }
    const tied = await kakaoConversationRepository.findTiedConsultation(ctx.database.db, conversationId);
    if (!tied?.consultationId) throw new Error(`kakao conversation ${conversationId} lost its consultation`);
    // Open: the earlier attempt's, to file on. Completed: the earlier attempt filed it, and the
    // filing's idempotency key answers as it did. Abandoned (or erased): replace it.
    if (tied.status === 'open' || tied.status === 'completed')
      return { consultationId: tied.consultationId, earlier: true };
    replacing = tied.consultationId;
  }
  throw new Error(`kakao conversation ${conversationId}: its consultation kept being replaced`);
}

/**
 * The bot's draft for the agent. Another attempt at the same turn (Kakao's retry, answered by
 * another instance at the same moment) may have saved it first: on a consultation an earlier
 * attempt started, and also on the one this attempt just started and tied, which the other attempt
 * finds tied and files on at once. Either way the draft of this turn is there (revision 1), and it
 * stands.
 */
async function saveBotDraft(
  ctx: AppContext,
  bot: PublicUser,
  consultationId: string,
  earlier: boolean,
  input: Parameters<typeof saveConsultationDraft>[3],
  options: Parameters<typeof saveConsultationDraft>[4],
): Promise<void> {
  try {
    await saveConsultationDraft(ctx, bot, consultationId, input, options);
  } catch (error) {
    const savedByAnotherAttempt =
      error instanceof AppError &&
      error.status === 409 &&
      (earlier || error.details.some((detail) => detail.where === '/revision'));
    if (!savedByAnotherAttempt) throw error;
  }
}

/**
 * Saves the chat of a customer who asked for a person out of hours, which nobody picks up in the
 * console: with the callback number taken (`agreed`), as the console saves a callback transfer —
 * outcome `transfer`, the transfer filed from it — and with the number refused, `declined` with
 * nothing filed and no number kept. Its path is the script as far as the chat went, then the
 * hand-off's callback step (handoffCallbackStep), so reports by path and outcome show what
 * happened; refused, no number or address the customer wrote is kept either (forgetRefusedContact).
 * The record, the consent records of the chat's decisions, the transfer and their events are one
 * transaction, with no network I/O in it. A consultation found saved already — by an
 * earlier attempt at the same turn, here or on another instance — is left as that attempt saved it,
 * with what it filed: nothing is filed twice.
 */
async function saveOutOfHoursHandoff(
  ctx: AppContext,
  guide: Guide,
  bot: PublicUser,
  consultationId: string,
  conversation: BotConversation,
  decision: 'agreed' | 'refused',
): Promise<void> {
  const flow = conversation.flow;
  const inquiryType = conversation.inquiryType;
  // The bot hands off only once the type is known, and a type starts its script.
  if (!flow || inquiryType === null) throw new Error('a handed-off chat has a script and a type');
  // A refused number is kept nowhere, nor any number or address typed earlier in the chat (the
  // turn that refused forgot them already; said here too, as this is what the record keeps).
  const kept = decision === 'agreed' ? conversation : forgetRefusedContact(conversation);
  const { fields, title, body } = recordOf(guide, kept, flow);
  const files = decision === 'agreed';
  // Read before the transaction: PGlite runs one transaction at a time.
  const context = files ? await loadPresentContext(ctx) : null;
  const found = await consultationRepository.findById(ctx.database.db, ctx.fieldCodec, consultationId);
  if (!found) throw new Error(`kakao chat consultation ${consultationId} is gone`);
  const row = found.consultation;
  const completedAt = ctx.now();
  const outcome = files ? 'transfer' : 'declined';
  await ctx.database.db.transaction(async (tx) => {
    // A transfer filed on this consultation already (by a server before this one saved these
    // chats) is the one: the chat is saved with it.
    const filedBefore = files ? await transferRepository.findByConsultation(tx, consultationId) : undefined;
    const fileNow = files && !filedBefore;
    const saved = await consultationRepository.complete(tx, ctx.fieldCodec, consultationId, {
      scriptId: flow.scriptId,
      inquiryType,
      path: [...flow.history, handoffCallbackStep(decision)],
      outcome,
      // Out of hours is why the bot took a number instead of handing the chat to an agent.
      businessHoursOpen: false,
      recordCategory: renderConsultationRecord(guide, fields).category,
      callerNumber: row.callerNumber,
      recordTitle: title,
      recordBody: body,
      recordFields: { ...fields },
      retentionEndsAt: consultationRetentionEnd(ctx.env, {
        startedAt: row.startedAt,
        completedAt,
        guide,
        consentAgreed: files,
      }),
      completedAt,
      // The transfer below is filed in this transaction: the row says so as it is saved (as the finish does).
      ...(fileNow ? { filedTransfer: true } : {}),
    });
    // Saved meanwhile by another attempt at this turn, with its consent records and transfer.
    if (!saved) return;
    await recordBotConsents(tx, guide, bot, consultationId, conversation);
    if (fileNow && context) {
      await fileTransferStep(
        ctx,
        tx,
        bot,
        {
          consultationId,
          kind: 'transfer',
          guideId: guide.id,
          inquiryType,
          channel: 'chat',
          phone: conversation.collected.phone ?? '',
          inquiry: conversation.collected.inquiry ?? '',
        },
        context,
        {
          // The consultation as just saved here (its row lock held by this transaction).
          agentId: saved.row.agentId,
          guideId: guide.id,
          channel: saved.row.channel,
          inquiryType,
          outcome,
          callerNumber: row.callerNumber,
          recordFields: { ...fields },
          guide,
        },
      );
    }
    const completed: ConsultationLifecycleEvent = {
      consultationId,
      agentId: saved.row.agentId,
      channel: saved.row.channel,
    };
    await publishEvent(tx, { type: 'consultation.completed', data: completed });
  });
}

/** What carrying out an effect left behind, for the conversation row. */
export type EffectOutcome = { consultationId: string | null; handoffOpen: boolean | null };

/**
 * Does what a bot turn calls for with the same services the console uses: a resolved script is a
 * consultation saved by `finishConsultation` (record, consent records — the path's consent step and
 * the callback number's, agreed or refused — and the transfer or sign-up lead with its brochure
 * e-mail and callback, channel chat); a hand-off in hours is an open chat consultation with the
 * bot's draft (type, path, values) and the consent records of the chat's decisions, written
 * together, for an agent to pick up; out of hours nobody picks it up, so the chat is saved at once
 * with the callback transfer filed for the next opening (saveOutOfHoursHandoff), or, the number
 * refused, saved declined with nothing filed. Idempotency keys derive from the conversation and
 * turn, and a saved consultation is not saved again, so a retried request never files twice.
 */
export async function carryOutBotEffect(
  ctx: AppContext,
  guide: Guide,
  conversationId: string,
  conversation: BotConversation,
  effect: BotEffect,
): Promise<EffectOutcome> {
  // A restart files nothing: the chat dropped is no consultation.
  if (effect.kind === 'none' || effect.kind === 'restart') return { consultationId: null, handoffOpen: null };
  const bot = await ensureKakaoBotUser(ctx);
  const firstTurnAt = conversation.transcript[0]?.at;
  const { consultationId, earlier } = await chatConsultationFor(
    ctx,
    bot,
    guide,
    conversationId,
    firstTurnAt ? new Date(firstTurnAt) : undefined,
  );
  if (effect.kind === 'handoff-refused') {
    await saveOutOfHoursHandoff(ctx, guide, bot, consultationId, conversation, 'refused');
    return { consultationId, handoffOpen: null };
  }
  const flow = conversation.flow;
  if (effect.kind === 'resolve') {
    if (!flow || conversation.inquiryType === null)
      throw new Error('a resolved chat has a script and a type');
    const { fields, title, body } = recordOf(guide, conversation, flow);
    await finishConsultation(
      ctx,
      bot,
      consultationId,
      {
        guideId: guide.id,
        scriptId: flow.scriptId,
        inquiryType: conversation.inquiryType,
        history: flow.history,
        ...(conversation.businessHoursOpen === null
          ? {}
          : { businessHoursOpen: conversation.businessHoursOpen }),
        record: {
          summary: fields.summary,
          companyName: fields.companyName,
          contactName: fields.contactName,
          phone: fields.phone,
          inquiry: fields.inquiry,
          title,
          body,
        },
        ...(effect.outcome === 'transfer' ? { fileTransfer: effect.fileTransfer } : {}),
        ...(conversation.collected.email ? { email: conversation.collected.email } : {}),
        collected: { ...conversation.collected },
      },
      `kakao-${conversationId}-finish`,
      undefined,
      // The bot routed the chat by this guide's hours when it reached that step, maybe turns
      // before this consultation was made; and each consent is dated when the customer gave it.
      {
        hoursDecidedHere: true,
        consentsGivenAt: botConsentDecisions(guide, conversation.consents).map((decision) => ({
          noticeId: decision.noticeId,
          at: new Date(decision.at),
        })),
      },
    );
    return { consultationId, handoffOpen: null };
  }
  if (effect.open) {
    await saveBotDraft(
      ctx,
      bot,
      consultationId,
      earlier,
      {
        revision: 1,
        draft: {
          scriptId: flow?.scriptId ?? null,
          guideId: guide.id,
          inquiryType: conversation.inquiryType,
          history: flow?.history ?? [],
          businessHoursOpen: conversation.businessHoursOpen,
          collected: { ...conversation.collected },
          record: {},
          transfer: null,
        },
      },
      { alsoWrite: (tx) => recordBotConsents(tx, guide, bot, consultationId, conversation) },
    );
  } else {
    await saveOutOfHoursHandoff(ctx, guide, bot, consultationId, conversation, 'agreed');
  }
  await publishEvent(ctx.database.db, {
    type: KAKAO_HANDOFF_EVENT,
    data: {
      conversationId,
      consultationId,
      guideId: guide.id,
      inquiryType: conversation.inquiryType,
      open: effect.open,
    },
  });
  return { consultationId, handoffOpen: effect.open };
}
