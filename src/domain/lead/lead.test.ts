import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { callbackDueAt } from '../calendar/callbackDueAt.ts';
import { formatSeoulIso } from '../calendar/formatSeoulIso.ts';
import { decideCallbackOutcome } from './decideCallbackOutcome.ts';
import { measureLeadCallback } from './measureLeadCallback.ts';
import { summarizeLeadFunnel } from './summarizeLeadFunnel.ts';
import { validateLeadIntake } from './validateLeadIntake.ts';

const facts = buildCalendarFacts();
const seoul = (date: Date | null) => (date === null ? null : formatSeoulIso(date));
const due = (sent: string, minutes = 120, custom = facts) =>
  seoul(callbackDueAt(seoulInstant(sent), minutes, custom));

describe('callback due time after the brochure is sent (2-hour delay in business time)', () => {
  it('Friday 17:30 → Monday 10:30', () => {
    expect(due('2026-11-20 17:30')).toBe('2026-11-23T10:30:00+09:00');
  });

  it('Friday 17:30 before a holiday Monday → Tuesday 10:30 (substitute days 2026-05-25, 2026-08-17, 2026-10-05)', () => {
    expect(due('2026-05-22 17:30')).toBe('2026-05-26T10:30:00+09:00');
    expect(due('2026-08-14 17:30')).toBe('2026-08-18T10:30:00+09:00');
    expect(due('2026-10-02 17:30')).toBe('2026-10-06T10:30:00+09:00');
  });

  it('sent on a substitute holiday itself counts from the next opening', () => {
    expect(due('2026-05-25 11:00')).toBe('2026-05-26T11:00:00+09:00');
    expect(due('2026-10-05 16:30')).toBe('2026-10-06T11:00:00+09:00');
  });

  it('across Chuseok 2026 (9/24–9/26) and the company closures an admin adds', () => {
    expect(due('2026-09-23 17:00')).toBe('2026-09-28T10:00:00+09:00');
    const closed = buildCalendarFacts({ closures: [{ date: '2026-11-23', name: '창립기념일' }] });
    expect(due('2026-11-20 17:30', 120, closed)).toBe('2026-11-24T10:30:00+09:00');
  });

  it('uses the configured delay: 0 is the next business-hours instant, 540 is one business day', () => {
    expect(due('2026-11-21 12:00', 0)).toBe('2026-11-23T09:00:00+09:00');
    expect(due('2026-11-25 10:00', 540)).toBe('2026-11-26T10:00:00+09:00');
  });
});

describe('callback outcomes', () => {
  const now = seoulInstant('2026-11-27 17:00'); // Friday
  const base = { now, retryDelayMinutes: 120, facts };

  it('moves the lead: reached → called, signed up → won, not interested and wrong number → lost', () => {
    expect(decideCallbackOutcome({ ...base, status: 'brochure-sent', outcome: 'reached' })).toEqual({
      ok: true,
      status: 'called',
      callbackDueAt: null,
    });
    expect(decideCallbackOutcome({ ...base, status: 'called', outcome: 'signed-up' })).toMatchObject({
      status: 'won',
    });
    expect(decideCallbackOutcome({ ...base, status: 'called', outcome: 'not-interested' })).toMatchObject({
      status: 'lost',
    });
    expect(
      decideCallbackOutcome({ ...base, status: 'brochure-sent', outcome: 'wrong-number' }),
    ).toMatchObject({
      status: 'lost',
    });
  });

  it('no answer keeps the status and schedules the retry in business time (Friday 17:00 + 2 h → Monday 10:00)', () => {
    const decision = decideCallbackOutcome({ ...base, status: 'brochure-sent', outcome: 'no-answer' });
    expect(decision.ok && decision.status).toBe('brochure-sent');
    expect(decision.ok && seoul(decision.callbackDueAt)).toBe('2026-11-30T10:00:00+09:00');
  });

  it('a chosen retry time outside business hours moves to the next opening; one in the past is refused', () => {
    const evening = decideCallbackOutcome({
      ...base,
      status: 'brochure-sent',
      outcome: 'no-answer',
      retryAt: seoulInstant('2026-11-28 10:00'),
    });
    expect(evening.ok && seoul(evening.callbackDueAt)).toBe('2026-11-30T09:00:00+09:00');
    expect(
      decideCallbackOutcome({
        ...base,
        status: 'brochure-sent',
        outcome: 'no-answer',
        retryAt: seoulInstant('2026-11-27 09:00'),
      }),
    ).toMatchObject({ ok: false, reason: 'retry-in-past', where: 'retryAt' });
    expect(
      decideCallbackOutcome({
        ...base,
        status: 'brochure-sent',
        outcome: 'reached',
        retryAt: seoulInstant('2026-11-30 10:00'),
      }),
    ).toMatchObject({ ok: false, reason: 'retry-not-expected' });
  });

  it('a won or lost lead takes no more outcomes', () => {
    for (const status of ['won', 'lost'] as const) {
      expect(decideCallbackOutcome({ ...base, status, outcome: 'reached' })).toMatchObject({
        ok: false,
        reason: 'lead-closed',
      });
    }
  });
});

describe('callback state', () => {
  const dueAt = seoulInstant('2026-11-23 10:30');
  it('is scheduled before, due within an hour of business time after, overdue later; weekends do not count', () => {
    expect(measureLeadCallback(null, dueAt, facts).state).toBe('none');
    expect(measureLeadCallback(dueAt, seoulInstant('2026-11-21 12:00'), facts)).toMatchObject({
      state: 'scheduled',
      businessMinutesLeft: 90,
    });
    expect(measureLeadCallback(dueAt, seoulInstant('2026-11-23 11:30'), facts).state).toBe('due');
    expect(measureLeadCallback(dueAt, seoulInstant('2026-11-23 11:31'), facts).state).toBe('overdue');
    const friday = seoulInstant('2026-11-20 17:30');
    expect(measureLeadCallback(friday, seoulInstant('2026-11-22 12:00'), facts).state).toBe('due');
    expect(measureLeadCallback(friday, seoulInstant('2026-11-23 09:31'), facts).state).toBe('overdue');
  });
});

describe('lead intake validation', () => {
  const valid = {
    companyName: ' 이음상사 ',
    contactName: '홍길동',
    phone: '01023456789',
    email: 'Kim@Example.COM',
    businessNumber: '1208147521',
  };

  it('normalises the phone, the e-mail domain and the 사업자등록번호', () => {
    expect(validateLeadIntake(valid)).toEqual({
      ok: true,
      value: {
        companyName: '이음상사',
        contactName: '홍길동',
        phone: '010-2345-6789',
        phoneDigits: '01023456789',
        email: 'Kim@example.com',
        businessNumber: '1208147521',
      },
    });
    expect(validateLeadIntake({ ...valid, businessNumber: '', phone: '1644-7391' })).toMatchObject({
      ok: true,
      value: { businessNumber: null, phone: '1644-7391' },
    });
  });

  it('says what is wrong, in Korean, field by field', () => {
    expect(
      validateLeadIntake({ ...valid, phone: '010-12', email: 'kim@', businessNumber: '123-45-67890' }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'phone', message: '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)' },
        { field: 'email', message: '이메일 주소 형식이 올바르지 않습니다' },
        { field: 'businessNumber', message: '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요' },
      ],
    });
    const empty = validateLeadIntake({});
    expect(empty.ok ? [] : empty.problems.map((problem) => problem.field)).toEqual([
      'companyName',
      'contactName',
      'phone',
      'email',
    ]);
    expect(validateLeadIntake({ ...valid, phone: '060-123-4567' }).ok).toBe(false);
  });

  it('takes a name as 담당자, not a number or an address', () => {
    for (const contactName of ['12345', '010-2345-6789', 'kim@example.com']) {
      expect(validateLeadIntake({ ...valid, contactName })).toEqual({
        ok: false,
        problems: [
          { field: 'contactName', message: '이름은 글자로 입력해 주세요. 숫자나 기호는 쓸 수 없습니다' },
        ],
      });
    }
    expect(validateLeadIntake({ ...valid, contactName: '김민수 과장' }).ok).toBe(true);
  });
});

describe('lead funnel', () => {
  it('counts by status and Monday-started week, with median times to brochure and first call', () => {
    const at = seoulInstant;
    const funnel = summarizeLeadFunnel(
      [
        {
          status: 'won',
          createdAt: at('2026-11-20 17:00'),
          brochureSentAt: at('2026-11-20 17:10'),
          firstCalledAt: at('2026-11-23 10:30'),
        },
        {
          status: 'brochure-sent',
          createdAt: at('2026-11-22 10:00'),
          brochureSentAt: at('2026-11-22 10:30'),
          firstCalledAt: null,
        },
        { status: 'new', createdAt: at('2026-11-23 09:00'), brochureSentAt: null, firstCalledAt: null },
      ],
      facts,
    );
    expect(funnel.total).toBe(3);
    expect(funnel.byStatus).toEqual({ new: 1, 'brochure-sent': 1, called: 0, won: 1, lost: 0 });
    expect(funnel.weeks.map((week) => [week.weekStart, week.filed, week.brochureSent, week.called])).toEqual([
      ['2026-11-16', 2, 2, 1],
      ['2026-11-23', 1, 0, 0],
    ]);
    expect(funnel.intakeToBrochure).toEqual({ count: 2, minutes: 20, businessMinutes: 5 });
    // Friday 17:00 → Monday 10:30: 65.5 h on the clock, 150 business minutes.
    expect(funnel.intakeToFirstCall).toEqual({ count: 1, minutes: 3930, businessMinutes: 150 });
    expect(summarizeLeadFunnel([], facts).intakeToBrochure).toEqual({
      count: 0,
      minutes: null,
      businessMinutes: null,
    });
  });
});
