import { describe, expect, it } from 'vitest';
import type { Locale } from '../../contract/users/localeSchema.ts';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { translate } from '../i18n/translate.ts';
import { type ChatLinkHoursFacts, describeChatLinkHours } from './describeChatLinkHours.ts';

const businessLine: Guide['supportLine']['hours'] = {
  label: '평일 / 09 ~ 18',
  days: 'weekdays',
  opens: '09:00',
  closes: '18:00',
  timeZone: 'Asia/Seoul',
};
const method = { id: 'form', marker: '글양식', text: '이관 글양식' };
const routedClosed: ChatLinkHoursFacts = { routing: { open: false, method }, hoursOpen: false };
const routedOpen: ChatLinkHoursFacts = { routing: { open: true, method }, hoursOpen: true };

const noteIn = (locale: Locale, facts: ChatLinkHoursFacts, hours = businessLine) =>
  describeChatLinkHours(hours, facts, (key, params) => translate(locale, key, params));

describe('describeChatLinkHours', () => {
  it('says when the chat is answered after the business-hours step said closed, in both languages', () => {
    expect(noteIn('ko', routedClosed)).toBe('채팅 운영시간 외 — 평일 09:00~18:00에 답변');
    expect(noteIn('en', routedClosed)).toBe('Chat closed now — answered weekdays 09:00–18:00');
  });

  it('says nothing while the chat is answered', () => {
    expect(noteIn('ko', routedOpen)).toBeNull();
    expect(noteIn('ko', { routing: null, hoursOpen: true })).toBeNull();
  });

  it("takes the hours from the guide's line, not a copy of the business line's", () => {
    expect(noteIn('ko', routedClosed, { ...businessLine, opens: '10:00', closes: '17:00' })).toBe(
      '채팅 운영시간 외 — 평일 10:00~17:00에 답변',
    );
  });

  it('goes by the step the call was routed by, then by the live hours on a path without one', () => {
    // Routed at 17:59 by the open line: the hours that closed since do not contradict the path.
    expect(noteIn('ko', { ...routedOpen, hoursOpen: false })).toBeNull();
    expect(noteIn('ko', { routing: null, hoursOpen: false })).toBe(
      '채팅 운영시간 외 — 평일 09:00~18:00에 답변',
    );
    // Unknown hours claim nothing.
    expect(noteIn('ko', { routing: null, hoursOpen: null })).toBeNull();
  });
});
