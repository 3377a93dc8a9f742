import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../guide/parseGuide.ts';
import { renderBrochureEmail } from './renderBrochureEmail.ts';

const guideText = readFileSync(
  new URL('../../../content/guides/business-inquiry.json', import.meta.url),
  'utf8',
);

function parse(text: string) {
  const result = parseGuide(text, 'business-inquiry.json');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.guide;
}

describe('brochure e-mail from the guide', () => {
  it('renders the subject and body with the lead and the guide’s own values', () => {
    const email = renderBrochureEmail(parse(guideText), { companyName: '이음상사', contactName: '홍길동' });
    expect(email?.subject).toBe('[카카오 T 비즈니스] 이음상사 비즈니스 가입 소개서를 보내 드립니다');
    expect(email?.text).toContain('안녕하세요, 이음상사 담당자님.');
    expect(email?.text).toContain('담당 부서에서 소개서 발송 후 순차적으로 연락드릴 예정');
    // The support line connects registered contacts only (guide section 2 ①); a prospect is not one.
    expect(email?.text).not.toContain('1644-7391');
    expect(email?.text).not.toContain('{{');
    expect(email?.attachmentName).toBe('카카오T_비즈니스_가입_소개서.pdf');
  });

  it('keeps the subject on one line whatever the company name holds', () => {
    const email = renderBrochureEmail(parse(guideText), { companyName: '이음\r\nBcc: x@y', contactName: '' });
    expect(email?.subject).not.toMatch(/[\r\n]/);
  });

  it('the validator rejects an undefined template variable and a non-PDF attachment name, naming where', () => {
    const broken = JSON.parse(guideText);
    broken.brochureEmail.body = '안녕하세요 {{lead.phone}}';
    const result = parseGuide(JSON.stringify(broken, null, 2), 'business-inquiry.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.pointer).toBe('/brochureEmail/body');
      expect(result.errors[0]?.message).toContain('{{lead.phone}}');
    }
    broken.brochureEmail.body = '안녕하세요';
    broken.brochureEmail.attachmentName = 'brochure.exe';
    expect(parseGuide(JSON.stringify(broken), 'business-inquiry.json').ok).toBe(false);
  });

  it('is absent when the guide has none', () => {
    const guide = JSON.parse(guideText);
    delete guide.brochureEmail;
    expect(
      renderBrochureEmail(parse(JSON.stringify(guide)), { companyName: 'a', contactName: 'b' }),
    ).toBeNull();
  });
});
