import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

// Search and suggestion do not touch the database; one backend is enough.
const [backend] = testBackends();

describe('search and suggestion API', () => {
  let t: TestApp;
  let headers: { authorization: string };
  beforeAll(async () => {
    if (!backend) throw new Error('no backend');
    t = await buildTestApp(backend);
    headers = (await t.userWithToken('agent')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds 교통유발금 by 초성 and by spacing, with what matched and the script to open', async () => {
    const choseong = (
      await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('ㄱㅌㅇㅂㄱ')}`, headers })
    ).json();
    expect(choseong.results[0]).toMatchObject({ inquiryType: 5, matched: { kind: 'choseong' } });
    expect(choseong.results[0].scriptId).toBe('q1');
    const spaced = (
      await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('교통 유발금')}`, headers })
    ).json();
    expect(spaced.results[0].inquiryType).toBe(5);
    const pc = (
      await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('pc 웹')}`, headers })
    ).json();
    expect(pc.results[0].inquiryType).toBe(9);
  });

  it('suggests at least three inquiry types with scripts, best first', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assist/suggest',
      headers,
      payload: { text: '회사에서 카카오 T 비즈니스 쓰고 싶은데 가입은 어떻게 해요?' },
    });
    expect(response.statusCode).toBe(200);
    const { suggestions } = response.json();
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect([6, 7]).toContain(suggestions[0].inquiryType);
    expect(suggestions[0].scriptId).toBe('q4');
    expect(suggestions[0].score).toBeGreaterThanOrEqual(suggestions[1].score);
  });

  it('rejects empty and over-long input with 400 saying where', async () => {
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assist/suggest',
      headers,
      payload: { text: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].where).toBe('body/text');
    const long = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assist/suggest',
      headers,
      payload: { text: '가'.repeat(501) },
    });
    expect(long.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/search?q=', headers })).statusCode).toBe(400);
  });
});
