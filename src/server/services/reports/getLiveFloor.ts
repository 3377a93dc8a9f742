import type { LiveFloor } from '../../../contract/reports/liveFloorSchema.ts';
import { businessMinutesBetween } from '../../../domain/calendar/businessMinutesBetween.ts';
import { decideBusinessHours } from '../../../domain/calendar/decideBusinessHours.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { seoulDayStartMs, toSeoulDay } from '../../../domain/calendar/toSeoulDay.ts';
import { liveFloorFigureIds, liveFloorFigures } from '../../../domain/floor/liveFloorFigures.ts';
import { backlogAgeBoundaries } from '../../../domain/report/backlogAgeBoundaries.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';
import { type FloorTransferRow, liveFloorRepository } from '../../repositories/liveFloorRepository.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { KAKAO_BOT_EMAIL } from '../kakao/ensureKakaoBotUser.ts';
import { HANDOFF_LISTED_MS } from '../kakao/handoffListedMs.ts';
import { transferInquiryTypes } from '../transfers/transferInquiryTypes.ts';
import { wordTransferStatus } from '../transfers/wordTransferStatus.ts';
import { reportLabels } from './reportLabels.ts';

/** At most this many of today's breaches are listed (all are counted). */
const BREACHES_LISTED = 100;

/**
 * How the floor is doing now: agents on a call or chat, transfers waiting for contact by inquiry
 * type and waiting age in business time, the one waiting longest, and the transfers whose SLA due
 * time passed today without a contact. Ids, types and states only — nothing personal is read. A
 * type its guide no longer lists is named in `locale`.
 */
export async function getLiveFloor(ctx: AppContext, locale: Locale = 'ko'): Promise<LiveFloor> {
  const now = ctx.now();
  const facts = await loadCalendarFacts(ctx);
  const db = ctx.database.db;
  const ranges = backlogAgeBoundaries(now, facts);
  const todayStart = new Date(seoulDayStartMs(toSeoulDay(now.getTime()).day));
  const [agents, waiting, oldest, breaches, chats] = await Promise.all([
    liveFloorRepository.agentsOnCall(db, KAKAO_BOT_EMAIL),
    liveFloorRepository.countWaitingByTypeAndAge(db, ranges),
    liveFloorRepository.oldestWaiting(db),
    liveFloorRepository.breachedBetween(db, { from: todayStart, to: now }, BREACHES_LISTED),
    // The console's waiting list: hand-offs of the last day nobody has taken.
    liveFloorRepository.waitingChats(db, new Date(now.getTime() - HANDOFF_LISTED_MS)),
  ]);

  const types = transferInquiryTypes(ctx);
  const typeLabel = (guideId: string, number: number) =>
    types.find((type) => type.guideId === guideId && type.number === number)?.label ??
    translate(locale, msg('common.inquiryTypeFallback', { number }));
  const waitedMinutes = (createdAt: Date) =>
    Math.max(0, Math.trunc(businessMinutesBetween(createdAt, now, facts)));
  const present = (row: FloorTransferRow) => ({
    transferId: row.id,
    number: row.number,
    kind: row.kind,
    guideId: row.guideId,
    inquiryType: row.inquiryType,
    inquiryTypeLabel: typeLabel(row.guideId, row.inquiryType),
    status: row.status,
    statusLabel: wordTransferStatus(locale, row.status),
    createdAt: formatSeoulIso(row.createdAt),
    dueAt: formatSeoulIso(row.dueAt),
    assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    waitingBusinessMinutes: waitedMinutes(row.createdAt),
  });

  const byType = new Map<string, LiveFloor['openTransfersByType'][number]>();
  for (const row of waiting) {
    const key = `${row.guideId}\u0000${row.inquiryType}`;
    let entry = byType.get(key);
    if (!entry) {
      entry = {
        guideId: row.guideId,
        inquiryType: row.inquiryType,
        inquiryTypeLabel: typeLabel(row.guideId, row.inquiryType),
        count: 0,
        byAge: ranges.map((range) => ({ bucket: range.bucket, count: 0 })),
      };
      byType.set(key, entry);
    }
    entry.count += row.count;
    const bucket = entry.byAge.find((candidate) => candidate.bucket === row.bucket);
    if (bucket) bucket.count += row.count;
  }
  const openTransfersByType = [...byType.values()].sort(
    (a, b) => b.count - a.count || a.guideId.localeCompare(b.guideId) || a.inquiryType - b.inquiryType,
  );
  const ageBuckets = ranges.map((range) => ({
    bucket: range.bucket,
    label: reportLabels.backlogAge(locale, range.bucket),
    count: waiting.filter((row) => row.bucket === range.bucket).reduce((sum, row) => sum + row.count, 0),
  }));
  const openTotal = ageBuckets.reduce((sum, bucket) => sum + bucket.count, 0);

  const values: Record<(typeof liveFloorFigureIds)[number], number | null> = {
    'floor.agentsOnCall': agents.length,
    'floor.openTransfers': openTotal,
    'floor.oldestWaitingMinutes': oldest ? waitedMinutes(oldest.createdAt) : null,
    'floor.slaBreachesToday': breaches.total,
    'floor.chatsWaiting': chats.count,
    // A customer waits in the chat in real time, after hours too: elapsed minutes, not business ones.
    'floor.oldestChatWaitingMinutes': chats.oldestHandedOffAt
      ? Math.max(0, Math.trunc((now.getTime() - chats.oldestHandedOffAt.getTime()) / 60_000))
      : null,
  };
  return {
    generatedAt: formatSeoulIso(now),
    timeZone: 'Asia/Seoul',
    businessHoursOpen: decideBusinessHours(now, facts).open,
    figures: liveFloorFigureIds.map((id) => ({
      id,
      value: values[id],
      unit: liveFloorFigures[id].unit,
      label: reportLabels.figure(locale, id),
      definition: reportLabels.definition(locale, id),
    })),
    agentsOnCall: agents.map((agent) => ({
      agent: { id: agent.agentId, name: agent.agentName },
      consultationId: agent.consultationId,
      channel: agent.channel,
      startedAt: formatSeoulIso(agent.startedAt),
      lastActivityAt: formatSeoulIso(agent.lastActivityAt),
      openConsultations: agent.openConsultations,
    })),
    ageBuckets,
    openTransfersByType,
    oldestWaiting: oldest ? present(oldest) : null,
    slaBreachesToday: breaches.items.map(present),
  };
}
