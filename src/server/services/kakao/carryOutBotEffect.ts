import type { FlowState } from '../../../domain/flow/flowTypes.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import type { BotEffect } from '../../../domain/kakao/answerBotUtterance.ts';
import { botConsentDecisions } from '../../../domain/kakao/botConsentDecisions.ts';
import type { BotConversation } from '../../../domain/kakao/botConversation.ts';
import { draftRecordFields } from '../../../domain/record/draftRecordFields.ts';
import { renderConsultationRecord } from '../../../domain/record/renderConsultationRecord.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { consentRecordRepository } from '../../repositories/consentRecordRepository.ts';
import { kakaoConversationRepository } from '../../repositories/kakaoConversationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { finishConsultation } from '../consultations/finishConsultation.ts';
import { saveConsultationDraft } from '../consultations/saveConsultationDraft.ts';
import { startConsultation } from '../consultations/startConsultation.ts';
import { buildConsentRecord } from '../privacy/buildConsentRecord.ts';
import { fileTransfer } from '../transfers/fileTransfer.ts';
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
  /** Written with a consultation started here, in its transaction. */
  alsoWrite?: (tx: Database, consultationId: string) => Promise<void>,
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
          { db: tx, guide },
        );
        if (!(await kakaoConversationRepository.claimConsultation(tx, conversationId, started.id, replacing)))
          throw new ClaimedEarlier();
        await alsoWrite?.(tx, started.id);
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

/** What carrying out an effect left behind, for the conversation row. */
export type EffectOutcome = { consultationId: string | null; handoffOpen: boolean | null };

/**
 * Does what a bot turn calls for with the same services the console uses: a resolved script is a
 * consultation saved by `finishConsultation` (record, consent records — the path's consent step and
 * the callback number's, agreed or refused — and the transfer or sign-up lead with its brochure
 * e-mail and callback, channel chat); a hand-off is an open chat consultation with the bot's draft
 * (type, path, values) and the consent records of the chat's decisions, written together, for an
 * agent to pick up, plus, out of hours, the callback transfer filed for the next opening; a
 * callback number refused out of hours files nothing, but its refusal is recorded on the chat's
 * consultation. Idempotency keys derive from the conversation and turn, so a retried request
 * never files twice.
 */
export async function carryOutBotEffect(
  ctx: AppContext,
  guide: Guide,
  conversationId: string,
  conversation: BotConversation,
  effect: BotEffect,
): Promise<EffectOutcome> {
  if (effect.kind === 'none') return { consultationId: null, handoffOpen: null };
  const bot = await ensureKakaoBotUser(ctx);
  const consents = (tx: Database, id: string) => recordBotConsents(tx, guide, bot, id, conversation);
  const { consultationId, earlier } = await chatConsultationFor(
    ctx,
    bot,
    guide,
    conversationId,
    effect.kind === 'record-consents' ? consents : undefined,
  );
  if (effect.kind === 'record-consents') {
    // A consultation an earlier attempt tied (it failed after) gets them now, once.
    if (earlier) await ctx.database.db.transaction((tx) => consents(tx, consultationId));
    // Nothing else: the consultation holds no values and is closed by the abandonment job.
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
      // before this consultation was made.
      { hoursDecidedHere: true },
    );
    return { consultationId, handoffOpen: null };
  }
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
        // Out of hours the callback transfer is filed now; the agent who picks the chat up later
        // must not file it again by default.
        transfer: effect.open ? null : { file: false, email: '' },
      },
    },
    { alsoWrite: (tx) => consents(tx, consultationId) },
  );
  if (!effect.open) {
    await fileTransfer(
      ctx,
      bot,
      {
        consultationId,
        kind: 'transfer',
        guideId: guide.id,
        ...(conversation.inquiryType === null ? {} : { inquiryType: conversation.inquiryType }),
        channel: 'chat',
        phone: conversation.collected.phone ?? '',
        inquiry: conversation.collected.inquiry ?? '',
      },
      `kakao-${conversationId}-callback`,
    );
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
