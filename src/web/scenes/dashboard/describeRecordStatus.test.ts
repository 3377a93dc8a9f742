import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../contract/reports/reportRecordSchema.ts';
import type { Locale } from '../../../contract/users/localeSchema.ts';
import { translate } from '../../i18n/translate.ts';
import type { Translate } from '../../i18n/useT.ts';
import { describeRecordStatus } from './describeRecordStatus.ts';

const HANGUL = /[가-힣]/;
const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

const person = { id: '00000000-0000-4000-8000-000000000001', name: '김상담' };

const lead = (overrides: Partial<Extract<ReportRecord, { kind: 'lead' }>>): ReportRecord => ({
  kind: 'lead',
  id: '00000000-0000-4000-8000-000000000010',
  transferId: '00000000-0000-4000-8000-000000000011',
  status: 'won',
  guideId: 'kakao-t-business',
  companyName: '(주)누리테크',
  contactName: '김*수',
  phone: '010-****-5678',
  createdAt: '2026-11-25T10:00:00+09:00',
  callbackDueAt: null,
  callbackAttempts: 0,
  lastOutcome: null,
  attempt: null,
  ...overrides,
});

const records: ReportRecord[] = [
  lead({ status: 'new' }),
  lead({ status: 'brochure-sent', lastOutcome: 'no-answer', callbackAttempts: 1 }),
  lead({
    status: 'called',
    attempt: { attempt: 2, outcome: 'reached', at: '2026-11-25T11:00:00+09:00', dueAt: null },
  }),
  lead({ status: 'won', lastOutcome: 'signed-up' }),
  lead({ status: 'lost', lastOutcome: 'not-interested' }),
  {
    kind: 'transfer',
    id: '00000000-0000-4000-8000-000000000020',
    number: 'T-2026-000001',
    transferKind: 'transfer',
    status: 'in-progress',
    guideId: 'kakao-t-business',
    inquiryType: 1,
    channel: 'call',
    companyName: '이음상사',
    contactName: '홍*동',
    phone: '010-****-1357',
    filedBy: person,
    consultationId: null,
    createdAt: '2026-11-25T10:00:00+09:00',
    dueAt: '2026-11-25T14:00:00+09:00',
    contactedAt: null,
    closedAt: null,
    sla: 'pending',
    ageBusinessMinutes: 30,
  },
  {
    kind: 'missed-call',
    id: '00000000-0000-4000-8000-000000000030',
    callerNumber: '010-****-0000',
    queue: null,
    startedAt: '2026-11-25T10:00:00+09:00',
    callbackStatus: 'open',
    callbackDueAt: '2026-11-25T10:00:00+09:00',
    callbackDoneAt: null,
    callbackDoneBy: null,
  },
];

describe('describeRecordStatus', () => {
  it("words a lead's status and callback outcome in English in the English UI", () => {
    const en = translator('en');
    expect(describeRecordStatus(lead({ status: 'won', lastOutcome: 'signed-up' }), en)).toEqual({
      status: 'Signed up',
      outcome: 'Signed up',
    });
    expect(
      describeRecordStatus(
        lead({
          status: 'brochure-sent',
          attempt: { attempt: 2, outcome: 'no-answer', at: '2026-11-25T11:00:00+09:00', dueAt: null },
        }),
        en,
      ),
    ).toEqual({ status: 'Brochure sent', outcome: '2. No answer' });
    expect(describeRecordStatus(lead({ status: 'new' }), en)).toEqual({ status: 'New', outcome: '–' });
    // No Korean word in any row of the English drill-down.
    for (const record of records) {
      const words = describeRecordStatus(record, en);
      expect(words.status, record.kind).not.toMatch(HANGUL);
      expect(words.outcome, record.kind).not.toMatch(HANGUL);
    }
  });

  it('keeps the Korean words the business team knows in the Korean UI', () => {
    const ko = translator('ko');
    expect(describeRecordStatus(lead({ status: 'won', lastOutcome: 'signed-up' }), ko)).toEqual({
      status: '가입',
      outcome: '가입',
    });
    expect(describeRecordStatus(lead({ status: 'brochure-sent', lastOutcome: 'no-answer' }), ko)).toEqual({
      status: '소개서 발송',
      outcome: '부재중',
    });
    expect(describeRecordStatus(records[5] as ReportRecord, ko).status).toBe('처리중');
    expect(describeRecordStatus(records[6] as ReportRecord, ko).status).toBe('콜백 대기');
  });
});
