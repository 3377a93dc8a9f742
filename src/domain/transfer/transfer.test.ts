import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { formatSeoulIso } from '../calendar/formatSeoulIso.ts';
import { computeTransferDueAt, defaultTransferSlaRule } from './computeTransferDueAt.ts';
import { decideTransferTransition, nextTransferStatuses } from './decideTransferTransition.ts';
import { draftTransferFields } from './draftTransferFields.ts';
import { findMentions } from './findMentions.ts';
import { formatTransferNumber } from './formatTransferNumber.ts';
import { measureTransferSla } from './measureTransferSla.ts';
import { pickNextAssignee } from './pickNextAssignee.ts';
import { transferStatuses } from './transferStatuses.ts';

const facts = buildCalendarFacts();
const due = (filed: string, rule = defaultTransferSlaRule, custom = facts) =>
  formatSeoulIso(computeTransferDueAt(seoulInstant(filed), rule, custom));

describe('computeTransferDueAt (business-hours SLA)', () => {
  it.each([
    ['2026-11-25 10:00', '2026-11-26T12:00:00+09:00', 'a weekday: the next day at noon'],
    ['2026-11-25 23:30', '2026-11-26T12:00:00+09:00', 'late at night: still the next day'],
    ['2026-11-27 18:30', '2026-11-30T12:00:00+09:00', 'Friday evening: Monday'],
    ['2026-11-28 11:00', '2026-11-30T12:00:00+09:00', 'Saturday: Monday'],
    ['2026-05-22 18:30', '2026-05-26T12:00:00+09:00', 'Friday before the 5/25 substitute Monday: Tuesday'],
    ['2026-05-23 09:00', '2026-05-26T12:00:00+09:00', 'the Saturday before it: Tuesday'],
    ['2026-02-27 18:30', '2026-03-03T12:00:00+09:00', '3ㆍ1절 substitute Monday 3/2'],
    ['2026-08-14 18:30', '2026-08-18T12:00:00+09:00', '광복절 substitute Monday 8/17'],
    ['2026-10-02 18:30', '2026-10-06T12:00:00+09:00', '개천절 substitute Monday 10/5'],
    ['2026-06-02 18:30', '2026-06-04T12:00:00+09:00', 'local election day Wednesday 6/3'],
    ['2026-02-13 18:30', '2026-02-19T12:00:00+09:00', '설날 holidays'],
    ['2026-09-23 18:30', '2026-09-28T12:00:00+09:00', '추석 holidays and a weekend'],
    ['2026-12-31 17:00', '2027-01-04T12:00:00+09:00', "across New Year's Day and a weekend"],
  ])('filed %s is due %s (%s)', (filed, expected) => {
    expect(due(filed)).toBe(expected);
  });

  it('skips a company closure an admin declared', () => {
    const closed = buildCalendarFacts({ closures: [{ date: '2026-11-26', name: '창립기념일' }] });
    expect(due('2026-11-25 10:00', defaultTransferSlaRule, closed)).toBe('2026-11-27T12:00:00+09:00');
  });

  it('takes another next-day time per inquiry type', () => {
    expect(due('2026-11-25 10:00', { kind: 'next-business-day', time: '17:00' })).toBe(
      '2026-11-26T17:00:00+09:00',
    );
  });

  it('counts only open business minutes for a minutes rule', () => {
    const fourHours = { kind: 'business-minutes', minutes: 240 } as const;
    expect(due('2026-11-25 10:00', fourHours)).toBe('2026-11-25T14:00:00+09:00');
    // Friday 16:00 + 4 h: 2 h on Friday, 2 h on Monday morning.
    expect(due('2026-11-27 16:00', fourHours)).toBe('2026-11-30T11:00:00+09:00');
    // Friday 18:30 before the substitute Monday: the clock starts Tuesday 09:00.
    expect(due('2026-05-22 18:30', fourHours)).toBe('2026-05-26T13:00:00+09:00');
    // Filed at night: nothing counts until opening.
    expect(due('2026-11-25 22:00', { kind: 'business-minutes', minutes: 60 })).toBe(
      '2026-11-26T10:00:00+09:00',
    );
  });

  it('rejects a malformed rule', () => {
    expect(() => due('2026-11-25 10:00', { kind: 'business-minutes', minutes: 0 })).toThrow(RangeError);
    expect(() => due('2026-11-25 10:00', { kind: 'next-business-day', time: '25:00' })).toThrow(RangeError);
  });
});

describe('measureTransferSla', () => {
  const dueAt = seoulInstant('2026-11-30 12:00'); // Monday noon
  const open = { status: 'received' as const, dueAt, retryAt: null };

  it('counts time left in business minutes, not wall-clock minutes', () => {
    // Friday 17:00 → Monday 12:00: 60 min Friday + 180 min Monday; the weekend does not count.
    expect(measureTransferSla(open, seoulInstant('2026-11-27 17:00'), facts)).toEqual({
      state: 'running',
      targetAt: dueAt,
      businessMinutesLeft: 240,
    });
    expect(measureTransferSla(open, seoulInstant('2026-11-28 15:00'), facts).businessMinutesLeft).toBe(180);
  });

  it('flags a transfer overdue after its due time, with the business time since', () => {
    const late = measureTransferSla(open, seoulInstant('2026-11-30 13:30'), facts);
    expect(late).toMatchObject({ state: 'overdue', businessMinutesLeft: -90 });
    // After hours the overdue figure stops growing.
    expect(measureTransferSla(open, seoulInstant('2026-11-30 23:00'), facts).businessMinutesLeft).toBe(-360);
  });

  it('is exactly due (0 left, not overdue) at the due instant', () => {
    expect(measureTransferSla(open, dueAt, facts)).toMatchObject({
      state: 'running',
      businessMinutesLeft: 0,
    });
  });

  it('runs to the retry time while unreachable', () => {
    const retryAt = seoulInstant('2026-12-01 10:00');
    const unreachable = { status: 'unreachable' as const, dueAt, retryAt };
    expect(measureTransferSla(unreachable, seoulInstant('2026-11-30 17:00'), facts)).toEqual({
      state: 'running',
      targetAt: retryAt,
      businessMinutesLeft: 120,
    });
    expect(measureTransferSla(unreachable, seoulInstant('2026-12-01 10:01'), facts).state).toBe('overdue');
  });

  it('stops once the customer was contacted or the transfer closed', () => {
    for (const status of ['contacted', 'closed'] as const) {
      expect(
        measureTransferSla({ status, dueAt, retryAt: null }, seoulInstant('2026-12-10 10:00'), facts),
      ).toEqual({ state: 'met', targetAt: null, businessMinutesLeft: null });
    }
  });
});

describe('decideTransferTransition (접수 → 처리중 → 연락완료 → 종결, 연락불가)', () => {
  const now = seoulInstant('2026-11-25 10:00');

  it('allows the main path', () => {
    expect(decideTransferTransition({ from: 'received', to: 'in-progress', now })).toEqual({
      ok: true,
      status: 'in-progress',
      retryAt: null,
    });
    expect(decideTransferTransition({ from: 'in-progress', to: 'contacted', now }).ok).toBe(true);
    expect(decideTransferTransition({ from: 'contacted', to: 'closed', now }).ok).toBe(true);
  });

  it('requires a future retry time for 연락불가, and keeps it', () => {
    expect(decideTransferTransition({ from: 'in-progress', to: 'unreachable', now })).toMatchObject({
      ok: false,
      reason: 'retry-required',
      where: 'retryAt',
    });
    expect(
      decideTransferTransition({ from: 'in-progress', to: 'unreachable', now, retryAt: now }),
    ).toMatchObject({ ok: false, reason: 'retry-in-past' });
    const retryAt = seoulInstant('2026-11-26 10:00');
    expect(decideTransferTransition({ from: 'in-progress', to: 'unreachable', now, retryAt })).toEqual({
      ok: true,
      status: 'unreachable',
      retryAt,
    });
    expect(decideTransferTransition({ from: 'received', to: 'in-progress', now, retryAt })).toMatchObject({
      ok: false,
      reason: 'retry-not-expected',
    });
  });

  it('refuses skips, repeats and anything out of 종결, naming the allowed moves', () => {
    const skip = decideTransferTransition({ from: 'received', to: 'closed', now });
    expect(skip).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(skip.ok ? '' : skip.message).toContain('처리중(in-progress)');
    expect(decideTransferTransition({ from: 'received', to: 'received', now })).toMatchObject({
      reason: 'same-status',
    });
    for (const to of transferStatuses) {
      expect(decideTransferTransition({ from: 'closed', to, now }).ok).toBe(false);
    }
  });

  it("closes from any open state on a lead's final outcome, marks 연락완료 from any open state when its customer was reached, and nothing else skips for it", () => {
    for (const from of transferStatuses.filter((status) => status !== 'closed')) {
      expect(decideTransferTransition({ from, to: 'closed', now, cause: 'lead-outcome' }), from).toEqual({
        ok: true,
        status: 'closed',
        retryAt: null,
      });
    }
    expect(
      decideTransferTransition({ from: 'closed', to: 'closed', now, cause: 'lead-outcome' }),
    ).toMatchObject({ ok: false, reason: 'same-status' });
    for (const from of ['received', 'in-progress', 'unreachable'] as const) {
      expect(decideTransferTransition({ from, to: 'contacted', now, cause: 'lead-outcome' }), from).toEqual({
        ok: true,
        status: 'contacted',
        retryAt: null,
      });
    }
    expect(
      decideTransferTransition({ from: 'received', to: 'contacted', now }),
      'a click still starts work first',
    ).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(
      decideTransferTransition({ from: 'closed', to: 'contacted', now, cause: 'lead-outcome' }),
    ).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(
      decideTransferTransition({ from: 'received', to: 'in-progress', now, cause: 'lead-outcome' }),
    ).toMatchObject({ ok: true });
    expect(
      decideTransferTransition({ from: 'contacted', to: 'received', now, cause: 'lead-outcome' }),
    ).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it("leaves 종결 of a transfer whose sign-up lead is open to the lead's outcome", () => {
    for (const from of ['contacted', 'unreachable'] as const) {
      const refused = decideTransferTransition({ from, to: 'closed', now, leadOpen: true });
      expect(refused, from).toMatchObject({ ok: false, reason: 'lead-open', where: 'to' });
      expect(refused.ok ? '' : refused.message).toContain('콜백 결과');
      expect(nextTransferStatuses(from, { leadOpen: true }), from).not.toContain('closed');
      expect(
        decideTransferTransition({ from, to: 'closed', now, leadOpen: true, cause: 'lead-outcome' }),
        from,
      ).toMatchObject({ ok: true, status: 'closed' });
    }
    // The other moves stay as they are; the refusal of a skip names the moves left.
    expect(decideTransferTransition({ from: 'contacted', to: 'in-progress', now, leadOpen: true }).ok).toBe(
      true,
    );
    const back = decideTransferTransition({ from: 'contacted', to: 'received', now, leadOpen: true });
    expect(back.ok ? '' : back.message).not.toContain('종결');
  });

  it('closes from any open state when its personal data was erased, and allows nothing else for it', () => {
    for (const from of transferStatuses.filter((status) => status !== 'closed')) {
      expect(
        decideTransferTransition({ from, to: 'closed', now, cause: 'personal-data-erased' }),
        from,
      ).toEqual({ ok: true, status: 'closed', retryAt: null });
    }
    expect(
      decideTransferTransition({ from: 'closed', to: 'closed', now, cause: 'personal-data-erased' }),
    ).toMatchObject({ ok: false, reason: 'same-status' });
    expect(
      decideTransferTransition({ from: 'received', to: 'contacted', now, cause: 'personal-data-erased' }),
    ).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('agrees with nextTransferStatuses for every pair', () => {
    const retryAt = seoulInstant('2026-11-26 10:00');
    for (const leadOpen of [false, true]) {
      for (const from of transferStatuses) {
        for (const to of transferStatuses) {
          const decision = decideTransferTransition({
            from,
            to,
            now,
            retryAt: to === 'unreachable' ? retryAt : undefined,
            leadOpen,
          });
          expect(decision.ok, `${from} → ${to}${leadOpen ? ' (lead open)' : ''}`).toBe(
            nextTransferStatuses(from, { leadOpen }).includes(to),
          );
        }
      }
    }
  });
});

describe('pickNextAssignee (round-robin among members on duty)', () => {
  const members = [
    { userId: 'a', onDuty: true },
    { userId: 'b', onDuty: false },
    { userId: 'c', onDuty: true },
    { userId: 'd', onDuty: true },
  ];

  it('rotates through members on duty in order, skipping those off duty', () => {
    const picks: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 6; i++) {
      last = pickNextAssignee(members, last);
      picks.push(last ?? '-');
    }
    expect(picks).toEqual(['a', 'c', 'd', 'a', 'c', 'd']);
  });

  it('continues after the last assignee even when they went off duty or left the list', () => {
    expect(pickNextAssignee(members, 'b')).toBe('c');
    expect(pickNextAssignee(members, 'gone')).toBe('a');
  });

  it('returns null when nobody is on duty', () => {
    expect(pickNextAssignee([{ userId: 'a', onDuty: false }], null)).toBeNull();
    expect(pickNextAssignee([], 'a')).toBeNull();
  });

  it('spreads transfers evenly', () => {
    const counts = new Map<string, number>();
    let last: string | null = null;
    for (let i = 0; i < 300; i++) {
      last = pickNextAssignee(members, last);
      if (last) counts.set(last, (counts.get(last) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([100, 100, 100]);
  });
});

describe('findMentions', () => {
  const people = [
    { id: '1', name: '김민', email: 'min@ieum.test' },
    { id: '2', name: '김민수', email: 'minsu@ieum.test' },
    { id: '3', name: 'backoffice 3', email: 'bo3@ieum.test' },
  ];

  it('finds names (longest first), names with spaces, email local parts and Korean particles', () => {
    expect(findMentions('@김민수님 확인 부탁드립니다 @김민', people)).toEqual(['2', '1']);
    expect(findMentions('cc @backoffice 3 and @MINSU', people)).toEqual(['3', '2']);
  });

  it('ignores email addresses, unknown names and repeats', () => {
    expect(findMentions('메일 min@ieum.test 로 보냄 @없는사람', people)).toEqual([]);
    expect(findMentions('@김민 @김민', people)).toEqual(['1']);
    expect(findMentions('@minsux', people)).toEqual([]);
  });
});

describe('formatTransferNumber', () => {
  it('pads the yearly sequence', () => {
    expect(formatTransferNumber(2026, 123)).toBe('T-2026-000123');
    expect(formatTransferNumber(2026, 1_234_567)).toBe('T-2026-1234567');
    expect(() => formatTransferNumber(2026, 0)).toThrow(RangeError);
  });
});

describe('draftTransferFields', () => {
  const consultation = {
    guideId: 'test-guide',
    channel: 'chat' as const,
    inquiryType: 6,
    outcome: 'lead',
    callerNumber: '010-9999-8888',
    recordFields: { companyName: '이음상사', contactName: '홍길동', phone: '', inquiry: '가입 문의' },
  };

  it('pre-fills from the consultation and lets the agent override', () => {
    expect(draftTransferFields(consultation, { contactName: '홍길순' })).toEqual({
      kind: 'lead',
      guideId: 'test-guide',
      inquiryType: 6,
      channel: 'chat',
      companyName: '이음상사',
      contactName: '홍길순',
      phone: '010-9999-8888',
      email: '',
      inquiry: '가입 문의',
      reachVia: null,
    });
  });

  it('files a plain transfer without a consultation', () => {
    expect(draftTransferFields(null, { inquiry: ' 정산 ' })).toMatchObject({
      kind: 'transfer',
      guideId: null,
      inquiryType: null,
      // The service takes the guide's first channel.
      channel: null,
      inquiry: '정산',
    });
  });
});
