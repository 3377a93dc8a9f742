import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { MessageParams } from '../i18n/defineMessages.ts';
import { translate } from '../i18n/translate.ts';
import { describeSavedOutcome, type FinishedFiling } from './describeSavedOutcome.ts';

const ko = (key: MessageKey, params?: MessageParams) => translate('ko', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

const transfer = (assignee: string | null): FinishedFiling['transfer'] => ({
  number: 'T-2026-000123',
  assignee: assignee ? { name: assignee } : null,
});
const lead = (status: string): FinishedFiling['lead'] => ({ number: 'T-2026-000200', brochure: { status } });

describe('describeSavedOutcome', () => {
  it('names a transfer once, with its assignee or that it has none', () => {
    expect(describeSavedOutcome({ transfer: transfer('김담당'), lead: null }, 'transfer', ko)).toBe(
      '이관 T-2026-000123 접수됨 · 담당 @김담당',
    );
    expect(describeSavedOutcome({ transfer: transfer(null), lead: null }, 'transfer', ko)).toBe(
      '이관 T-2026-000123 접수됨 · 담당자 미배정',
    );
    expect(describeSavedOutcome({ transfer: transfer('Kim'), lead: null }, 'transfer', en)).toBe(
      'Transfer T-2026-000123 filed · assigned to @Kim',
    );
  });

  it('puts the outcome first when it says something else than the filing', () => {
    expect(describeSavedOutcome({ transfer: transfer('김담당'), lead: null }, 'support-line', ko)).toBe(
      '상담센터 안내 · 이관 T-2026-000123 접수됨 · 담당 @김담당',
    );
    expect(describeSavedOutcome({ transfer: null, lead: null }, 'support-line', ko)).toBe('상담센터 안내');
    expect(describeSavedOutcome({ transfer: null, lead: null }, null, en)).toBe('Done');
  });

  it('names a lead with its brochure e-mail, and earlier leads for the same company and e-mail', () => {
    expect(describeSavedOutcome({ transfer: null, lead: lead('sent') }, 'lead', ko)).toBe(
      '가입 리드 T-2026-000200 접수됨 · 가입 소개서 메일 발송됨',
    );
    expect(
      describeSavedOutcome(
        {
          transfer: null,
          lead: lead('queued'),
          duplicateLeads: [{ number: 'T-2026-000150' }, { number: 'T-2026-000100' }],
        },
        'lead',
        en,
      ),
    ).toBe(
      'Sign-up lead T-2026-000200 filed · brochure e-mail queued · Possible duplicate of T-2026-000150, T-2026-000100',
    );
    expect(
      describeSavedOutcome({ transfer: null, lead: lead('queued'), duplicateLeads: [] }, 'lead', ko),
    ).toBe('가입 리드 T-2026-000200 접수됨 · 가입 소개서 메일 발송 대기');
  });

  it('says a repeat of the customer’s open lead joined it, with no brochure of its own', () => {
    const repeat: FinishedFiling['lead'] = {
      number: 'T-2026-000201',
      brochure: { status: 'none', sentWith: { number: 'T-2026-000200' } },
      repeatOf: { number: 'T-2026-000200' },
    };
    expect(
      describeSavedOutcome(
        { transfer: null, lead: repeat, duplicateLeads: [{ number: 'T-2026-000200' }] },
        'lead',
        ko,
      ),
    ).toBe(
      '가입 리드 T-2026-000201 접수됨 · T-2026-000200 건의 재문의 · 소개서는 T-2026-000200 건과 함께 발송',
    );
    expect(describeSavedOutcome({ transfer: null, lead: repeat }, 'lead', en)).toBe(
      'Sign-up lead T-2026-000201 filed · repeat of T-2026-000200 · brochure goes with T-2026-000200',
    );
  });
});
