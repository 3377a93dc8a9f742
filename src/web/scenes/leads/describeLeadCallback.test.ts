import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { Locale } from '../../../contract/users/localeSchema.ts';
import { translate } from '../../i18n/translate.ts';
import type { Translate } from '../../i18n/useT.ts';
import { describeLeadCallback } from './describeLeadCallback.ts';

const words =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

const due: Lead['callback'] = {
  state: 'due',
  dueAt: '2026-12-07T03:00:00.000Z',
  businessMinutesLeft: -5,
  attempts: 0,
  brochureNotSent: true,
};

describe('describeLeadCallback', () => {
  it('says a due callback comes round without the brochure, in either language', () => {
    expect(describeLeadCallback(due, words('ko'))).toMatchObject({
      label: '콜백 시간',
      tone: 'due',
      brochureNotSent: '소개서 미발송',
    });
    expect(describeLeadCallback(due, words('en')).brochureNotSent).toBe('Brochure not sent');
  });

  it('says nothing of the brochure once it went out', () => {
    const sent = describeLeadCallback({ ...due, state: 'scheduled', brochureNotSent: false }, words('ko'));
    expect(sent).toMatchObject({ label: '예정', tone: 'scheduled', brochureNotSent: null });
  });
});
