import { and, eq } from 'drizzle-orm';
import type { ChatTranscript } from '../../../contract/kakao/chatTranscriptSchema.ts';
import type { KakaoHandoffList } from '../../../contract/kakao/kakaoHandoffListSchema.ts';
import { botConversationSchema } from '../../../domain/kakao/botConversationSchema.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import type { AppContext } from '../../appContext.ts';
import { consultations } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { can } from '../../policies.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { kakaoConversationRepository } from '../../repositories/kakaoConversationRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { knownNamesOfConsultation } from '../consultations/knownNamesOfConsultation.ts';
import { ensureKakaoBotUser } from './ensureKakaoBotUser.ts';
import { HANDOFF_LISTED_MS } from './handoffListedMs.ts';

function typeLabel(ctx: AppContext, guideId: string, inquiryType: number | null): string | null {
  if (inquiryType === null) return null;
  return ctx.guides.get(guideId)?.inquiryTypes.find((type) => type.number === inquiryType)?.label ?? null;
}

/** Handed-off KakaoTalk chats for the console: waiting ones to pick up, and those of the last day. */
export async function listKakaoHandoffs(ctx: AppContext): Promise<KakaoHandoffList> {
  const rows = await kakaoConversationRepository.listHandoffs(
    ctx.database.db,
    new Date(ctx.now().getTime() - HANDOFF_LISTED_MS),
  );
  const names = new Map<string, string>();
  for (const row of rows) {
    if (row.claimedById && !names.has(row.claimedById)) {
      const user = await userRepository.findById(ctx.database.db, row.claimedById);
      if (user) names.set(row.claimedById, user.name);
    }
  }
  return {
    items: rows.flatMap((row) =>
      row.consultationId
        ? [
            {
              conversationId: row.id,
              consultationId: row.consultationId,
              guideId: row.guideId,
              inquiryType: row.inquiryType,
              inquiryTypeLabel: typeLabel(ctx, row.guideId, row.inquiryType),
              open: row.handoffOpen ?? true,
              waiting: row.claimedById === null && row.consultationStatus === 'open',
              claimedByName: row.claimedById ? (names.get(row.claimedById) ?? null) : null,
              handedOffAt: (row.endedAt ?? ctx.now()).toISOString(),
            },
          ]
        : [],
    ),
  };
}

/**
 * An agent picks a handed-off chat up: the bot's open consultation (its draft holds the type, the
 * path, the values and the consent) becomes the agent's, to resume in the console. One agent wins;
 * the others get 409.
 */
export async function claimKakaoHandoff(
  ctx: AppContext,
  agent: PublicUser,
  conversationId: string,
): Promise<{ conversationId: string; consultationId: string }> {
  const db = ctx.database.db;
  const row = await kakaoConversationRepository.findById(db, ctx.fieldCodec, conversationId);
  if (row?.status !== 'handed-off' || !row.consultationId)
    throw new AppError('not-found', msg('kakao.handoffNotFound', { id: conversationId }));
  const consultationId = row.consultationId;
  const bot = await ensureKakaoBotUser(ctx);
  const now = ctx.now();
  const claimed = await db.transaction(async (tx) => {
    if (!(await kakaoConversationRepository.claim(tx, conversationId, agent.id, now))) return false;
    const moved = await tx
      .update(consultations)
      .set({ agentId: agent.id, lastActivityAt: now })
      .where(
        and(
          eq(consultations.id, consultationId),
          eq(consultations.agentId, bot.id),
          eq(consultations.status, 'open'),
        ),
      )
      .returning({ id: consultations.id });
    if (moved.length === 0) throw new AppError('conflict', msg('kakao.chatTaken'));
    await publishEvent(tx, {
      type: 'kakao.handoff-claimed',
      data: { conversationId, consultationId, agentId: agent.id },
    });
    return true;
  });
  if (!claimed) throw new AppError('conflict', msg('kakao.claimedByOther'));
  return { conversationId, consultationId };
}

/**
 * The chat before the agent took over, for the consultation's agent (or whoever reads every
 * consultation): transcript (customer text masked, and the customer's name wherever a turn writes it),
 * consent decisions, inquiry type.
 */
export async function getChatTranscript(
  ctx: AppContext,
  user: PublicUser,
  consultationId: string,
): Promise<ChatTranscript> {
  const db = ctx.database.db;
  const found = await consultationRepository.findById(db, ctx.fieldCodec, consultationId);
  const mayRead =
    found && (found.consultation.agentId === user.id || can(user.role, 'consultation:read-all'));
  const row = mayRead
    ? await kakaoConversationRepository.findByConsultation(db, ctx.fieldCodec, consultationId)
    : undefined;
  if (!row) throw new AppError('not-found', msg('kakao.chatNotFound', { id: consultationId }));
  const parsed = row.state === '' ? null : botConversationSchema.safeParse(JSON.parse(row.state));
  const state = parsed?.success ? parsed.data : null;
  // The name the customer gave the bot (and the record's), masked in every turn like all free text.
  const knownNames = [
    state?.collected.contactName ?? '',
    ...(found ? knownNamesOfConsultation(found.consultation) : []),
  ];
  return {
    conversationId: row.id,
    consultationId,
    guideId: row.guideId,
    inquiryType: row.inquiryType,
    inquiryTypeLabel: typeLabel(ctx, row.guideId, row.inquiryType),
    outcome: row.outcome,
    consents: state?.consents ?? [],
    turns: (state?.transcript ?? []).map((turn) => ({
      ...turn,
      text: maskPersonalText(turn.text, knownNames),
    })),
  };
}
