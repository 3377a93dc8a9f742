import type { KakaoConversationList } from '../../../contract/kakao/kakaoConversationListSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';
import { kakaoConversationRepository } from '../../repositories/kakaoConversationRepository.ts';

const WEEK_MS = 7 * 24 * 60 * 60_000;

// A Kakao botUserKey is pseudonymous but still identifies a person: only its ends are shown. An
// empty key was erased (the conversation expired or its retention ended).
function maskUserKey(key: string, locale: Locale): string {
  if (key === '') return translate(locale, msg('kakao.userErased'));
  return key.length <= 6 ? `${key.slice(0, 1)}***` : `${key.slice(0, 3)}***${key.slice(-2)}`;
}

/**
 * The chatbot's recent conversations (masked) with their outcome, and the last week's counts; an
 * erased user is worded in `locale`.
 */
export async function listKakaoConversations(
  ctx: AppContext,
  locale: Locale = 'ko',
): Promise<KakaoConversationList> {
  const db = ctx.database.db;
  const since = new Date(ctx.now().getTime() - WEEK_MS);
  const rows = await kakaoConversationRepository.list(db, ctx.fieldCodec, 200);
  const counts = await kakaoConversationRepository.countByOutcome(db, since);
  const sum = (status: string) =>
    counts.filter((row) => row.status === status).reduce((total, row) => total + Number(row.count), 0);
  const label = (guideId: string, type: number | null) =>
    type === null
      ? null
      : (ctx.guides.get(guideId)?.inquiryTypes.find((candidate) => candidate.number === type)?.label ?? null);
  return {
    summary: {
      since: since.toISOString(),
      total: counts.reduce((total, row) => total + Number(row.count), 0),
      botResolved: sum('resolved'),
      handedOff: sum('handed-off'),
      expired: sum('expired'),
      active: sum('active'),
    },
    items: rows.map((row) => ({
      id: row.id,
      user: maskUserKey(row.userKey, locale),
      status: row.status,
      outcome: row.outcome,
      guideId: row.guideId,
      inquiryType: row.inquiryType,
      inquiryTypeLabel: label(row.guideId, row.inquiryType),
      turns: row.turns,
      consultationId: row.consultationId,
      startedAt: row.startedAt.toISOString(),
      lastActivityAt: row.lastActivityAt.toISOString(),
    })),
  };
}
