import type { KakaoSkillRequest } from '../../../contract/kakao/kakaoSkillRequestSchema.ts';
import {
  type KakaoSkillResponse,
  kakaoSkillResponseSchema,
} from '../../../contract/kakao/kakaoSkillResponseSchema.ts';
import { decideBusinessHours } from '../../../domain/calendar/decideBusinessHours.ts';
import { answerBotUtterance, type BotContext } from '../../../domain/kakao/answerBotUtterance.ts';
import { asksToRestart } from '../../../domain/kakao/asksToRestart.ts';
import { type BotConversation, newBotConversation } from '../../../domain/kakao/botConversation.ts';
import { botConversationSchema } from '../../../domain/kakao/botConversationSchema.ts';
import { botVocabulary } from '../../../domain/kakao/botVocabulary.ts';
import { buildSkillResponse } from '../../../domain/kakao/buildSkillResponse.ts';
import { formatNextOpening } from '../../../domain/kakao/formatNextOpening.ts';
import { suggestInquiryTypes } from '../../../domain/suggest/suggestInquiryTypes.ts';
import type { AppContext } from '../../appContext.ts';
import { kakaoUserIndex } from '../../crypto/kakaoUserIndex.ts';
import { AppError } from '../../errors.ts';
import {
  type KakaoConversationRow,
  kakaoConversationRepository,
} from '../../repositories/kakaoConversationRepository.ts';
import { guideAssistant } from '../assist/guideAssistant.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { findGuideVersion } from '../guides/findGuideVersion.ts';
import { consultationRetentionEnd } from '../privacy/consultationRetentionEnd.ts';
import { carryOutBotEffect } from './carryOutBotEffect.ts';
import { customerReasonOf } from './customerReasonOf.ts';
import { kakaoChatGuide } from './kakaoChatGuide.ts';
import { kakaoRequestHash } from './kakaoRequestHash.ts';

/**
 * How long a typed utterance repeated word for word counts as Kakao's retry of the same request
 * (Open Builder gives up after 5 s). Quick replies carry their turn number instead, so a second
 * "네" to the next question is never mistaken for a retry.
 */
export const KAKAO_RETRY_WINDOW_MS = 10_000;

/** Idle time after which a conversation expires and the next message starts a new one. */
export const KAKAO_IDLE_EXPIRY_MS = 24 * 60 * 60_000;

// One turn per user at a time on this instance: a retry that arrives while the first request is
// still being answered waits for it and is then answered from what it stored. Per instance (app
// context), not per process: instances only meet in the database (see carryOutBotEffect).
const turnsInFlightByInstance = new WeakMap<AppContext, Map<string, Promise<unknown>>>();

async function oneAtATime<T>(ctx: AppContext, key: string, work: () => Promise<T>): Promise<T> {
  let turnsInFlight = turnsInFlightByInstance.get(ctx);
  if (!turnsInFlight) {
    turnsInFlight = new Map();
    turnsInFlightByInstance.set(ctx, turnsInFlight);
  }
  const before = turnsInFlight.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  turnsInFlight.set(key, mine);
  try {
    return await mine;
  } finally {
    if (turnsInFlight.get(key) === mine) turnsInFlight.delete(key);
  }
}

function turnOfExtra(extra: Record<string, unknown> | null | undefined): number | undefined {
  const turn = extra?.turn;
  return typeof turn === 'number' && Number.isInteger(turn) ? turn : undefined;
}

function isRetry(
  row: KakaoConversationRow,
  requestHash: string,
  extraTurn: number | undefined,
  now: Date,
): boolean {
  if (row.lastRequestHash !== requestHash || !row.lastResponse) return false;
  if (extraTurn !== undefined) return extraTurn < row.turns;
  return now.getTime() - row.lastActivityAt.getTime() < KAKAO_RETRY_WINDOW_MS;
}

function readState(row: KakaoConversationRow): BotConversation | null {
  if (row.state === '' || row.unreadableFields?.length) return null;
  try {
    const parsed = botConversationSchema.safeParse(JSON.parse(row.state));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function botContext(ctx: AppContext, guideId: string): Promise<BotContext> {
  const now = ctx.now();
  const guide = ctx.guides.get(guideId);
  // The hours of this guide's support line: the bot routes a caller by the line it would offer.
  const decision = decideBusinessHours(now, await loadCalendarFacts(ctx, guide));
  const model = guide ? guideAssistant(ctx.guides, guide).model : null;
  return {
    at: now.toISOString(),
    businessHoursOpen: decision.open,
    nextOpening: formatNextOpening(decision.nextOpenAt),
    suggest: (text) => (model ? suggestInquiryTypes(model, text, { limit: 3 }) : []),
  };
}

/**
 * A message to a chat handed over within the last day whose request still waits for a person — in
 * hours until the agent who took it saves its consultation, out of hours for the callback the bot
 * filed as it saved the consultation: the bot says so on that conversation — the turn joins its
 * transcript — instead of greeting the customer anew. Its hand-off time, outcome and retention
 * stay. Undefined when it no longer waits.
 */
async function answerWhileWaiting(
  ctx: AppContext,
  row: KakaoConversationRow,
  utterance: string,
  requestHash: string,
): Promise<KakaoSkillResponse | undefined> {
  const db = ctx.database.db;
  const now = ctx.now();
  const stored = readState(row);
  if (stored?.stage !== 'handed-off' || !row.endedAt) return undefined;
  if (now.getTime() - row.endedAt.getTime() >= KAKAO_IDLE_EXPIRY_MS) return undefined;
  const tied = await kakaoConversationRepository.findTiedConsultation(db, row.id);
  if (!tied?.status) return undefined;
  // Saved out of hours is how the bot leaves it (with the callback transfer): still waiting.
  if (tied.status === 'completed' && row.handoffOpen !== false) return undefined;
  const guide =
    (await findGuideVersion(ctx, db, stored.guideId, stored.guideVersion)) ?? ctx.guides.get(stored.guideId);
  if (!guide) return undefined;
  const turn = answerBotUtterance(guide, stored, utterance, await botContext(ctx, guide.id));
  const turnNumber = row.turns + 1;
  const response = kakaoSkillResponseSchema.parse(buildSkillResponse(turn.reply, turnNumber));
  const saved = await kakaoConversationRepository.saveTurn(db, ctx.fieldCodec, row.id, row.turns, {
    state: JSON.stringify(turn.conversation),
    turns: turnNumber,
    lastRequestHash: requestHash,
    lastResponse: JSON.stringify(response),
    lastActivityAt: now,
  });
  if (!saved) {
    const other = await kakaoConversationRepository.findById(db, ctx.fieldCodec, row.id);
    if (other?.lastResponse) return kakaoSkillResponseSchema.parse(JSON.parse(other.lastResponse));
  }
  return response;
}

/**
 * Answers one Open Builder skill request: finds the Kakao user's conversation (or starts one),
 * lets the chatbot take its turn on the guide, carries out what the turn calls for (saving the
 * consultation, filing the lead or transfer, handing off), stores the turn and returns the reply
 * in Kakao's v2 format, validated against its limits. Kakao's retry of a request gets the stored
 * answer and changes nothing.
 */
export async function answerKakaoSkill(
  ctx: AppContext,
  request: KakaoSkillRequest,
): Promise<KakaoSkillResponse> {
  const userKey = request.userRequest.user.id;
  const userIndex = kakaoUserIndex(ctx.fieldKeys, userKey);
  return oneAtATime(ctx, userIndex, async () => {
    const loaded = kakaoChatGuide(ctx);
    const utterance = request.userRequest.utterance.trim();
    const extra = request.action.clientExtra ?? null;
    const extraTurn = turnOfExtra(extra);
    const requestHash = kakaoRequestHash(ctx.fieldKeys, userKey, utterance, extra);
    const now = ctx.now();
    const db = ctx.database.db;

    const latest = await kakaoConversationRepository.findLatestForUser(db, ctx.fieldCodec, userIndex);
    if (latest && isRetry(latest, requestHash, extraTurn, now) && latest.lastResponse) {
      return kakaoSkillResponseSchema.parse(JSON.parse(latest.lastResponse));
    }
    if (latest?.status === 'handed-off' && !asksToRestart(utterance)) {
      const waiting = await answerWhileWaiting(ctx, latest, utterance, requestHash);
      if (waiting) return waiting;
    }
    const stored = latest?.status === 'active' ? readState(latest) : null;
    // A conversation goes on on the guide version it started on, also after a restart loaded a
    // newer one: the customer is not greeted again halfway through.
    const startedOn =
      latest && stored && stored.guideId === loaded.id
        ? await findGuideVersion(ctx, db, stored.guideId, stored.guideVersion)
        : undefined;
    const continuing = startedOn ? latest : undefined;
    const guide = startedOn ?? loaded;
    const row =
      continuing ??
      (await kakaoConversationRepository.insert(db, ctx.fieldCodec, {
        userIndex,
        userKey,
        state: JSON.stringify(newBotConversation(guide)),
        guideId: guide.id,
        startedAt: now,
        lastActivityAt: now,
        // Erased a day after the last message unless a saved consultation sets a longer retention.
        retentionEndsAt: new Date(now.getTime() + KAKAO_IDLE_EXPIRY_MS),
      }));
    if (latest && latest !== continuing && latest.status === 'active') {
      // A conversation on another guide, or on a version no server here kept, cannot go on; it ends here.
      await kakaoConversationRepository.saveTurn(db, ctx.fieldCodec, latest.id, latest.turns, {
        status: 'expired',
        endedAt: now,
      });
    }
    const conversation = (continuing ? stored : null) ?? newBotConversation(guide);
    const context = await botContext(ctx, guide.id);
    const turn = answerBotUtterance(guide, conversation, utterance, context);
    const turnNumber = row.turns + 1;

    let effect: Awaited<ReturnType<typeof carryOutBotEffect>>;
    try {
      effect = await carryOutBotEffect(ctx, guide, row.id, turn.conversation, turn.effect);
    } catch (error) {
      // The turn is not stored, so the customer can answer again; the reason goes to the log only.
      ctx.logger.warn({ err: error, conversationId: row.id }, 'kakao: the bot could not file the chat');
      const message =
        error instanceof AppError && error.status < 500
          ? `${customerReasonOf(error)}\n${botVocabulary.answerAgain}`
          : botVocabulary.temporaryFailure;
      return buildSkillResponse({ texts: [message], quickReplies: [], operator: null }, row.turns);
    }

    const response = kakaoSkillResponseSchema.parse(buildSkillResponse(turn.reply, turnNumber));
    const ended = turn.conversation.stage === 'resolved' || turn.conversation.stage === 'handed-off';
    const status = turn.conversation.stage === 'resolved' ? 'resolved' : ended ? 'handed-off' : 'active';
    // A chat whose consultation was saved or handed over is kept with it (a hand-off refused out
    // of hours too: its consultation is saved, declined).
    const retentionEndsAt =
      effect.consultationId !== null
        ? consultationRetentionEnd(ctx.env, { startedAt: row.startedAt, completedAt: now })
        : new Date(now.getTime() + KAKAO_IDLE_EXPIRY_MS);
    const saved = await kakaoConversationRepository.saveTurn(db, ctx.fieldCodec, row.id, row.turns, {
      state: JSON.stringify(turn.conversation),
      status,
      outcome: turn.conversation.outcome,
      inquiryType: turn.conversation.inquiryType,
      turns: turnNumber,
      lastRequestHash: requestHash,
      lastResponse: JSON.stringify(response),
      lastActivityAt: now,
      ...(ended ? { endedAt: now } : {}),
      // 처음으로 mid-chat: the row now holds a new chat, started now; the old one's state and last
      // answer are overwritten, not kept. The turn count goes on: it is the optimistic lock, and
      // Kakao's retry of the 처음으로 press is known by its turn.
      ...(turn.effect.kind === 'restart' ? { startedAt: now } : {}),
      ...(effect.consultationId ? { consultationId: effect.consultationId } : {}),
      ...(effect.handoffOpen === null ? {} : { handoffOpen: effect.handoffOpen }),
      retentionEndsAt,
    });
    if (!saved) {
      // Another instance answered this user meanwhile: its answer stands.
      const other = await kakaoConversationRepository.findById(db, ctx.fieldCodec, row.id);
      if (other?.lastResponse) return kakaoSkillResponseSchema.parse(JSON.parse(other.lastResponse));
    }
    return response;
  });
}
