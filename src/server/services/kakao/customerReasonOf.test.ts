import { describe, expect, it } from 'vitest';
import { botVocabulary } from '../../../domain/kakao/botVocabulary.ts';
import { normalizeKoreanPhone } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import { AppError, renderProblemText } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { wordDomainMessage } from '../../i18n/wordDomainMessage.ts';
import { customerReasonOf } from './customerReasonOf.ts';

// The refusal the finish gives for a number Korea does not use, as the chat's customer typed it.
const phone = normalizeKoreanPhone('010-12');
const phoneMessage = phone.ok ? '' : wordDomainMessage(phone.message);
const guideMismatch = {
  where: '/guideId',
  message: msg('consultations.guideLacksChannelDetail', { channel: 'chat' }),
};

describe('customerReasonOf', () => {
  it('words a refusal of a value the customer typed with that field’s own message, in Korean', () => {
    expect(phone.ok).toBe(false);
    const refused = new AppError('validation-failed', phoneMessage, [
      { where: '/record/phone', message: phoneMessage },
    ]);
    expect(customerReasonOf(refused)).toBe(renderProblemText(phoneMessage, 'ko'));
    expect(customerReasonOf(refused)).toMatch(/[가-힣]/);
    const lead = new AppError('validation-failed', msg('common.invalidInput'), [
      { where: '/collected/email', message: msg('consultations.outOfRange') },
    ]);
    expect(customerReasonOf(lead)).toBe('범위 밖');
  });

  it('skips reasons about the guide or the bot’s choices and takes the customer’s value after them', () => {
    const refused = new AppError('validation-failed', msg('common.invalidInput'), [
      guideMismatch,
      { where: '/inquiryType', message: msg('consultations.outOfRange') },
      { where: '/phone', message: phoneMessage },
    ]);
    expect(customerReasonOf(refused)).toBe(renderProblemText(phoneMessage, 'ko'));
  });

  it('says only that it was not taken when no reason is about what the customer typed', () => {
    for (const refused of [
      new AppError('validation-failed', msg('common.invalidInput'), [guideMismatch]),
      new AppError('validation-failed', msg('common.invalidInput'), [
        { where: '/history/2', message: 'q1-registered 단계에 없는 답입니다' },
      ]),
      new AppError('forbidden', msg('consultations.transferForbidden')),
      new AppError('conflict', msg('consultations.alreadySaved'), [
        { where: '/record/phone', message: phoneMessage },
      ]),
    ]) {
      expect(customerReasonOf(refused)).toBe(botVocabulary.notFiled);
    }
  });
});
