import { describe, expect, it } from 'vitest';
import { logSafeUrl } from './logSafeUrl.ts';

describe('logSafeUrl', () => {
  it('drops search and contact values however they were escaped', () => {
    // As the web app's URLSearchParams writes them, and as other clients do.
    for (const url of [
      '/api/v1/search?q=hong%40nuri.co.kr',
      '/api/v1/companies?q=010+7777+2222',
      '/api/v1/companies?q=%2B82%2010%207777%205555',
      '/api/v1/companies?q=%ED%99%8D%EA%B8%B8%EB%8F%99',
      '/api/v1/access-log?email=privacy%40example.com',
    ]) {
      const logged = logSafeUrl(url);
      expect(logged).toMatch(/\?(q|email)=\[redacted\]$/);
      for (const clear of ['hong', 'nuri', '7777', '홍길동', '%ED', 'privacy'])
        expect(logged).not.toContain(clear);
    }
  });

  it('masks contact data in any other parameter and in the path, escaped or not', () => {
    const logged = logSafeUrl('/api/v1/x?note=%2B82+10+7777+1111&other=kim.minsu%40example.com');
    expect(logged).not.toContain('7777');
    expect(logged).toContain('&other=ki***@example.com');
    expect(logSafeUrl('/api/v1/subjects/010%2D1234%2D5678/export')).toBe(
      '/api/v1/subjects/010-****-5678/export',
    );
  });

  it('keeps ordinary parameters readable and hides a CTI token in the path', () => {
    expect(logSafeUrl('/api/v1/transfers?status=received&limit=20&overdue')).toBe(
      '/api/v1/transfers?status=received&limit=20&overdue',
    );
    expect(logSafeUrl('/api/v1/cti/s3cr3t-token?event=newCall')).toBe('/api/v1/cti/[redacted]?event=newCall');
    expect(logSafeUrl('/api/v1/cti/tokens')).toBe('/api/v1/cti/tokens');
  });

  it('hides the KakaoTalk skill token in the path (digits in it were masked as a phone number, the rest left readable) and a token in a query', () => {
    expect(logSafeUrl('/api/v1/channels/kakao/qa3kakaoSkillToken_0123456789/skill')).toBe(
      '/api/v1/channels/kakao/[redacted]/skill',
    );
    expect(logSafeUrl('/api/v1/channels/kakao/GphS9g34LFoy730Tqq-9ClGhQGiUCkf3/skill?x=1')).toBe(
      '/api/v1/channels/kakao/[redacted]/skill?x=1',
    );
    // The channel's own routes keep their names.
    expect(logSafeUrl('/api/v1/channels/kakao/skill-token')).toBe('/api/v1/channels/kakao/skill-token');
    expect(logSafeUrl('/api/v1/channels/kakao/handoffs')).toBe('/api/v1/channels/kakao/handoffs');
    expect(logSafeUrl('/setup?token=0o70-h8JrxkuhiQs3gz9Cj_FvHfnxLATHGbyBuMLL50')).toBe(
      '/setup?token=[redacted]',
    );
    // A malformed escape is no reason to fail the log line.
    expect(logSafeUrl('/api/v1/%E0%A4%A?bad=%E0%A4%A')).toMatch(/^\/api\/v1\/%E0%A4%A\?bad=/);
  });
});
