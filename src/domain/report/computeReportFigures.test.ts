import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { backlogAgeBoundaries, backlogAgeBucketOf } from './backlogAgeBoundaries.ts';
import { classifyTransferSla } from './classifyTransferSla.ts';
import { computeReportFigures, type ReportConsultation, type ReportDataset } from './computeReportFigures.ts';
import { handleTimePathKey, handleTimePathLabel, parseHandleTimePathKey } from './handleTimePath.ts';
import { quantile } from './quantile.ts';
import { listReportBuckets, reportBucketKeyOf } from './reportBuckets.ts';
import { reportFigureDefinitions } from './reportFigureDefinitions.ts';
import { reportFigureIds } from './reportFigureIds.ts';

const facts = buildCalendarFacts();
let sequence = 0;

function consultation(overrides: Partial<ReportConsultation> & { startedAt: Date }): ReportConsultation {
  sequence += 1;
  return {
    id: `c-${String(sequence).padStart(3, '0')}`,
    status: 'completed',
    guideId: 'business-inquiry',
    scriptId: 'q1',
    inquiryType: 1,
    outcome: 'support-line',
    path: [{ nodeId: 'q1-ask', answer: 'yes' }],
    completedAt: new Date(overrides.startedAt.getTime() + 60_000),
    callerKey: null,
    transferKind: null,
    ...overrides,
  };
}

function dataset(overrides: Partial<ReportDataset>): ReportDataset {
  const consultations = overrides.consultations ?? [];
  return {
    from: '2026-11-16',
    to: '2026-11-22',
    groupBy: 'day',
    now: seoulInstant('2026-11-23 10:00'),
    repeatContactDays: 7,
    facts,
    consultations,
    followUps: consultations,
    transfers: [],
    leads: [],
    callbackAttempts: [],
    ...overrides,
  };
}

describe('report figures', () => {
  it('counts consultations started in the range by status, abandoned calls included', () => {
    const values = computeReportFigures(
      dataset({
        consultations: [
          consultation({ startedAt: seoulInstant('2026-11-16 09:05') }),
          consultation({
            startedAt: seoulInstant('2026-11-16 10:00'),
            status: 'abandoned',
            completedAt: null,
          }),
          consultation({ startedAt: seoulInstant('2026-11-22 23:59'), status: 'open', completedAt: null }),
          // Outside the range (Seoul dates): the Sunday before, 23:59, and the Monday after, 00:00.
          consultation({ startedAt: seoulInstant('2026-11-15 23:59') }),
          consultation({ startedAt: seoulInstant('2026-11-23 00:00') }),
        ],
      }),
    );
    expect(values.figures['consultations.started']).toBe(3);
    expect(values.figures['consultations.completed']).toBe(1);
    expect(values.figures['consultations.abandoned']).toBe(1);
    expect(values.figures['consultations.open']).toBe(1);
    expect(values.series['consultations.started']?.['2026-11-16']).toBe(2);
    expect(values.series['consultations.abandoned']?.['2026-11-16']).toBe(1);
    expect(values.series['consultations.started']?.['2026-11-22']).toBe(1);
    expect(values.series['consultations.started']?.['2026-11-18']).toBe(0);
  });

  it('measures handle time from start to completion (median, p90 by linear interpolation) per path', () => {
    const start = seoulInstant('2026-11-17 10:00');
    const minutes = [1, 2, 3, 4, 10];
    const values = computeReportFigures(
      dataset({
        consultations: [
          ...minutes.map((m) =>
            consultation({ startedAt: start, completedAt: new Date(start.getTime() + m * 60_000) }),
          ),
          consultation({
            startedAt: start,
            completedAt: new Date(start.getTime() + 600_000),
            scriptId: 'q4',
            path: [{ nodeId: 'q4-ask', answer: 'no' }],
            outcome: 'declined',
          }),
          // Abandoned calls have no handle time.
          consultation({ startedAt: start, status: 'abandoned', completedAt: null }),
        ],
      }),
    );
    // Six values: 60 120 180 240 600 600 → median (180+240)/2, p90 at rank 4.5 → 600.
    expect(values.figures['handleTime.median']).toBe(210);
    expect(values.figures['handleTime.p90']).toBe(600);
    const q1 = values.handleTimeByPath.find((row) => row.scriptId === 'q1');
    expect(q1).toMatchObject({ count: 5, medianSeconds: 180, p90Seconds: 456 });
    expect(values.handleTimeByPath.find((row) => row.scriptId === 'q4')).toMatchObject({
      count: 1,
      medianSeconds: 600,
      outcome: 'declined',
    });
  });

  it('gives a transfer rate over completed consultations, leads included; null with nothing completed', () => {
    const at = seoulInstant('2026-11-18 11:00');
    const values = computeReportFigures(
      dataset({
        consultations: [
          consultation({ startedAt: at, transferKind: 'transfer' }),
          consultation({ startedAt: at, transferKind: 'lead' }),
          consultation({ startedAt: at }),
          consultation({ startedAt: at }),
          consultation({ startedAt: at, status: 'abandoned', completedAt: null }),
        ],
      }),
    );
    expect(values.figures['transfer.rate']).toBe(0.5);
    expect(computeReportFigures(dataset({})).figures['transfer.rate']).toBeNull();
    expect(computeReportFigures(dataset({})).figures['handleTime.median']).toBeNull();
  });

  it('judges the SLA against the business-hours due time: filed Friday 17:50, due Monday 12:00', () => {
    const filed = seoulInstant('2026-11-20 17:50');
    const dueAt = seoulInstant('2026-11-23 12:00');
    const transfers = [
      {
        id: 't1',
        status: 'contacted' as const,
        createdAt: filed,
        dueAt,
        contactedAt: seoulInstant('2026-11-23 09:10'),
        closedAt: null,
      },
      {
        id: 't2',
        status: 'closed' as const,
        createdAt: filed,
        dueAt,
        contactedAt: null,
        closedAt: seoulInstant('2026-11-23 12:01'),
      },
      { id: 't3', status: 'received' as const, createdAt: filed, dueAt, contactedAt: null, closedAt: null },
      {
        id: 't4',
        status: 'in-progress' as const,
        createdAt: seoulInstant('2026-11-19 10:00'),
        dueAt: seoulInstant('2026-11-20 12:00'),
        contactedAt: null,
        closedAt: null,
      },
    ];
    // At Monday 10:00 the Friday transfer still open is pending, the Thursday one breached.
    const monday = computeReportFigures(dataset({ transfers }));
    expect(monday.figures['transfer.filed']).toBe(4);
    expect(monday.figures['transfer.slaBreaches']).toBe(2);
    expect(monday.figures['transfer.slaMet']).toBeCloseTo(1 / 3);
    expect(monday.series['transfer.filed']?.['2026-11-20']).toBe(3);
    const later = computeReportFigures(dataset({ transfers, now: seoulInstant('2026-11-23 12:30') }));
    expect(later.figures['transfer.slaBreaches']).toBe(3);
    expect(classifyTransferSla({ dueAt, contactedAt: dueAt, closedAt: null }, filed)).toBe('met');
    expect(classifyTransferSla({ dueAt, contactedAt: null, closedAt: null }, dueAt)).toBe('pending');
  });

  it('ages the backlog in business time: a weekend does not age a Friday 17:50 transfer', () => {
    const now = seoulInstant('2026-11-23 09:30');
    const transfer = (id: string, createdAt: string, status: 'received' | 'closed' = 'received') => ({
      id,
      status,
      createdAt: seoulInstant(createdAt),
      dueAt: seoulInstant('2026-11-30 12:00'),
      contactedAt: null,
      closedAt: status === 'closed' ? now : null,
    });
    const values = computeReportFigures(
      dataset({
        now,
        transfers: [
          transfer('a', '2026-11-20 17:50'), // 10 + 30 = 40 business minutes
          transfer('b', '2026-11-20 13:00'), // 300 + 30 = 330 → 4h–1d
          transfer('c', '2026-11-18 09:00'), // 3 days − 30 min + 30 = 1,620 → over 3 days
          transfer('d', '2026-11-19 12:00'), // 900 + 30 = 930 → 1–3 days
          transfer('e', '2026-11-19 12:00', 'closed'),
          transfer('f', '2026-11-23 09:00'), // filed after the range: not in its backlog
        ],
      }),
    );
    expect(values.figures['transfer.backlog']).toBe(4);
    expect(values.backlogByAge).toEqual({ 'under-4h': 1, '4h-1d': 1, '1d-3d': 1, 'over-3d': 1 });
  });

  it('puts a transfer filed over a substitute holiday in the right age bucket', () => {
    // Tuesday 2026-10-06 10:00 after 개천절 (Sat) and its substitute Monday: Friday 17:00 is 60 + 60 = 120 minutes old.
    const ranges = backlogAgeBoundaries(seoulInstant('2026-10-06 10:00'), facts);
    expect(backlogAgeBucketOf(seoulInstant('2026-10-02 17:00'), ranges)).toBe('under-4h');
    expect(backlogAgeBucketOf(seoulInstant('2026-10-02 12:00'), ranges)).toBe('4h-1d');
    expect(backlogAgeBucketOf(seoulInstant('2026-10-01 10:00'), ranges)).toBe('1d-3d');
  });

  it('counts callbacks due, overdue and attempted, and leads by status', () => {
    const values = computeReportFigures(
      dataset({
        now: seoulInstant('2026-11-20 15:00'),
        leads: [
          {
            id: 'l1',
            status: 'brochure-sent',
            createdAt: seoulInstant('2026-11-17 10:00'),
            callbackDueAt: seoulInstant('2026-11-17 12:00'),
          },
          {
            id: 'l2',
            status: 'brochure-sent',
            createdAt: seoulInstant('2026-11-19 10:00'),
            callbackDueAt: seoulInstant('2026-11-24 10:00'),
          },
          { id: 'l3', status: 'won', createdAt: seoulInstant('2026-11-18 10:00'), callbackDueAt: null },
          {
            id: 'l4',
            status: 'lost',
            createdAt: seoulInstant('2026-11-18 11:00'),
            callbackDueAt: seoulInstant('2026-11-18 13:00'),
          },
        ],
        callbackAttempts: [
          {
            leadId: 'l3',
            at: seoulInstant('2026-11-18 14:00'),
            dueAt: seoulInstant('2026-11-18 12:00'),
            outcome: 'signed-up',
          },
          {
            leadId: 'l1',
            at: seoulInstant('2026-11-17 11:00'),
            dueAt: seoulInstant('2026-11-17 10:30'),
            outcome: 'no-answer',
          },
        ],
      }),
    );
    expect(values.figures['callbacks.due']).toBe(3);
    expect(values.figures['callbacks.overdue']).toBe(1);
    expect(values.figures['callbacks.attempts']).toBe(2);
    expect(values.callbackOutcomes).toEqual({ 'signed-up': 1, 'no-answer': 1 });
    expect(values.figures['leads.filed']).toBe(4);
    expect(values.figures['leads.won']).toBe(1);
    expect(values.leadsByStatus).toEqual({ new: 0, 'brochure-sent': 2, called: 0, won: 1, lost: 1 });
  });

  it('finds repeat contacts across a weekend within N business days, same caller and type only', () => {
    const friday = seoulInstant('2026-11-20 17:50');
    const base = { startedAt: friday, completedAt: seoulInstant('2026-11-20 17:58'), callerKey: 'caller-a' };
    const first = consultation(base);
    const otherType = consultation({ ...base, callerKey: 'caller-b' });
    const lateRepeat = consultation({ ...base, callerKey: 'caller-c' });
    const noCaller = consultation({ startedAt: friday });
    const followUps = [
      first,
      otherType,
      lateRepeat,
      noCaller,
      // Monday: the next business day → a repeat with N = 1 (Saturday and Sunday do not count).
      consultation({
        startedAt: seoulInstant('2026-11-23 23:59'),
        callerKey: 'caller-a',
        status: 'abandoned',
        completedAt: null,
      }),
      consultation({ startedAt: seoulInstant('2026-11-23 10:00'), callerKey: 'caller-b', inquiryType: 2 }),
      consultation({ startedAt: seoulInstant('2026-11-24 00:00'), callerKey: 'caller-c' }),
    ];
    const values = computeReportFigures(
      dataset({ consultations: [first, otherType, lateRepeat, noCaller], followUps, repeatContactDays: 1 }),
    );
    expect(values.figures['repeatContact.count']).toBe(1);
    expect(values.figures['repeatContact.rate']).toBeCloseTo(1 / 3);
    const twoDays = computeReportFigures(
      dataset({ consultations: [first, otherType, lateRepeat, noCaller], followUps, repeatContactDays: 2 }),
    );
    expect(twoDays.figures['repeatContact.count']).toBe(2);
  });

  it('stretches the repeat window over a substitute holiday', () => {
    const first = consultation({
      startedAt: seoulInstant('2026-10-02 17:00'),
      completedAt: seoulInstant('2026-10-02 17:50'),
      callerKey: 'caller-a',
    });
    const tuesday = consultation({ startedAt: seoulInstant('2026-10-06 16:00'), callerKey: 'caller-a' });
    const values = computeReportFigures(
      dataset({
        from: '2026-10-01',
        to: '2026-10-02',
        consultations: [first],
        followUps: [first, tuesday],
        repeatContactDays: 1,
      }),
    );
    expect(values.figures['repeatContact.rate']).toBe(1);
  });
});

describe('report building blocks', () => {
  it('lists every bucket of the range, Monday-first weeks and hours in Seoul', () => {
    expect(listReportBuckets('2026-11-16', '2026-11-22', 'day').map((bucket) => bucket.key)).toHaveLength(7);
    const weeks = listReportBuckets('2026-11-18', '2026-11-30', 'week');
    expect(weeks.map((bucket) => bucket.key)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    // The first week starts before the range: its label says which days it counts.
    expect(weeks.map((bucket) => bucket.label)).toEqual([
      '11월 16일 주 (11월 18일–11월 22일)',
      '11월 23일 주',
      '11월 30일 주 (11월 30일만)',
    ]);
    const hours = listReportBuckets('2026-11-16', '2026-11-16', 'hour');
    expect(hours).toHaveLength(24);
    expect(hours[14]).toMatchObject({
      key: '2026-11-16T14',
      start: '2026-11-16T14:00:00+09:00',
      label: '11월 16일 14시',
    });
    expect(reportBucketKeyOf(seoulInstant('2026-11-22 23:30'), 'week')).toBe('2026-11-16');
    expect(reportBucketKeyOf(seoulInstant('2026-11-16 00:30'), 'hour')).toBe('2026-11-16T00');
  });

  it('interpolates quantiles as percentile_cont does', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
  });

  it('round-trips a script path key and labels it in Korean', () => {
    const identity = {
      guideId: 'business-inquiry',
      scriptId: 'q1',
      inquiryType: 1,
      path: [
        { nodeId: 'q1-ask', answer: 'no' },
        { nodeId: 'q1-hours', answer: 'closed' },
      ],
    };
    expect(parseHandleTimePathKey(handleTimePathKey(identity))).toEqual(identity);
    expect(handleTimePathLabel(identity.path)).toBe('q1-ask 아니요 → q1-hours 영업시간 외');
    expect(parseHandleTimePathKey('nonsense')).toBeNull();
  });

  it('labels a path in the words the console shows when its script is known, by id where a step is not', () => {
    const q1 = shippedGuide().scripts.find((script) => script.id === 'q1');
    const path = [
      { nodeId: 'q1-registered', answer: 'no' },
      { nodeId: 'q1-transfer-inquiry', answer: 'next' },
      { nodeId: 'q1-callback-consent', answer: 'yes' },
      { nodeId: 'q1-removed-step', answer: 'yes' },
    ];
    expect(handleTimePathLabel(path, q1)).toBe(
      '등록 담당자 아님(N) → 문의 내용 청취 → 등록 연락처로 연락 동의(Y) → q1-removed-step 예',
    );
  });

  it("counts the chatbot's conversations it resolved and handed off as its own line, over the range only", () => {
    const values = computeReportFigures(
      dataset({
        botConversations: [
          { startedAt: seoulInstant('2026-11-16 09:05'), status: 'resolved' },
          { startedAt: seoulInstant('2026-11-17 11:00'), status: 'resolved' },
          { startedAt: seoulInstant('2026-11-17 12:00'), status: 'handed-off' },
          { startedAt: seoulInstant('2026-11-18 12:00'), status: 'expired' },
          { startedAt: seoulInstant('2026-11-23 09:00'), status: 'resolved' },
        ],
      }),
    );
    expect(values.figures['bot.resolved']).toBe(2);
    expect(values.figures['bot.handedOff']).toBe(1);
    expect(values.figures['bot.resolutionRate']).toBeCloseTo(2 / 3, 12);
    expect(values.series['bot.resolved']).toBeUndefined();
    expect(computeReportFigures(dataset({})).figures['bot.resolutionRate']).toBeNull();
  });

  it('counts missed calls’ callbacks due in the range (open or done) and overdue now (open, past due)', () => {
    const values = computeReportFigures(
      dataset({
        missedCallbacks: [
          // Due in the range: open (overdue by now), done, erased (nobody to call: neither).
          {
            startedAt: seoulInstant('2026-11-16 10:00'),
            dueAt: seoulInstant('2026-11-16 10:00'),
            status: 'open',
          },
          {
            startedAt: seoulInstant('2026-11-17 10:00'),
            dueAt: seoulInstant('2026-11-17 10:00'),
            status: 'done',
          },
          {
            startedAt: seoulInstant('2026-11-18 10:00'),
            dueAt: seoulInstant('2026-11-18 10:00'),
            status: 'erased',
          },
          // Came Sunday evening, due Monday 09:00 after the range: overdue now, not due in the range.
          {
            startedAt: seoulInstant('2026-11-22 20:00'),
            dueAt: seoulInstant('2026-11-23 09:00'),
            status: 'open',
          },
          // Came after the range: neither.
          {
            startedAt: seoulInstant('2026-11-23 09:30'),
            dueAt: seoulInstant('2026-11-23 09:30'),
            status: 'open',
          },
        ],
      }),
    );
    expect(values.figures['missedCallbacks.due']).toBe(2);
    expect(values.figures['missedCallbacks.overdue']).toBe(2);
    expect(values.figures['callbacks.due']).toBe(0);
  });

  it('publishes a Korean definition for every figure', () => {
    for (const id of reportFigureIds) {
      expect(reportFigureDefinitions[id].definition).toMatch(/[가-힣]/);
      expect(reportFigureDefinitions[id].label).toMatch(/[가-힣]/);
    }
  });
});
