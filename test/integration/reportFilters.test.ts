import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';
import { twoGuidesDir } from '../helpers/twoGuidesDir.ts';

type Headers = Record<string, string>;

const english = { 'accept-language': 'en-US,en;q=0.9,ko;q=0.5' };
const korean = { 'accept-language': 'ko-KR' };
const hangul = /[\uAC00-\uD7A3]/;
const NOW = '2026-11-20T15:00:00+09:00';
const RANGE = 'from=2026-11-01&to=2026-11-30';
const endpoints = [
  '/api/v1/reports/summary?',
  '/api/v1/reports/records?figure=consultations.started&',
  '/api/v1/reports/export.csv?',
];

// A filter no loaded guide has used to answer 200 with every figure 0, as if nothing had happened;
// README promises a 400 naming the parameter. The guides are the business guide (types 1–9, every
// outcome) and partner-inquiry (types 1–10, only 'declined' and 'transfer').
describe.each(testBackends())('report filters checked against the loaded guides on $name', (backend) => {
  let t: TestApp;
  let supervisor: Headers;
  const guides = twoGuidesDir();

  beforeAll(async () => {
    // Every endpoint is asked many times here, the CSV export too: lift its per-minute limit.
    t = await buildTestApp(backend, { IEUM_GUIDES_DIR: guides.dir, IEUM_EXPORTS_PER_MINUTE: '1000' });
    supervisor = (await t.userWithToken('supervisor')).headers;
    const agent = await t.userWithToken('agent');
    // One partner consultation (type 10, ended in a transfer, on chat) for the valid filters to count.
    await t.ctx.database.db.execute(sql`
      insert into consultations (agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type,
        path, outcome, started_at, completed_at, last_activity_at)
      values (${agent.id}::uuid, 'chat', 'completed', 'partner-inquiry', '1', 'p1', 10, '[]'::jsonb, 'transfer',
        '2026-11-10T10:00:00+09:00', '2026-11-10T10:05:00+09:00', '2026-11-10T10:05:00+09:00')`);
    t.setNow(NOW);
  });
  afterAll(async () => {
    await t?.close();
    guides.remove();
  });

  const get = (url: string, language: Headers) =>
    t.app.inject({ method: 'GET', url, headers: { ...supervisor, ...language } });

  it.each([
    ['guideId=nope', ['querystring/guideId'], 'Guide not found: nope', '가이드를 찾을 수 없습니다: nope'],
    [
      'guideId=business-inquiry&inquiryType=10',
      ['querystring/inquiryType'],
      'The business-inquiry guide has no inquiry type 10',
      'business-inquiry 가이드에는 이관 유형 10이(가) 없습니다',
    ],
    [
      'inquiryType=999',
      ['querystring/inquiryType'],
      'No loaded guide has inquiry type 999',
      '이관 유형 999은(는) 불러온 어느 가이드에도 없습니다',
    ],
    [
      'outcome=zzz',
      ['querystring/outcome'],
      "outcome must be one of the loaded guides' script outcomes",
      'outcome은 불러온 가이드 스크립트의 결과',
    ],
    [
      'guideId=partner-inquiry&outcome=lead',
      ['querystring/outcome'],
      "outcome must be one of the partner-inquiry guide's script outcomes: declined, support-line, transfer",
      'outcome은 partner-inquiry 가이드 스크립트의 결과 declined, support-line, transfer 중 하나입니다',
    ],
    [
      'guideId=nope&inquiryType=999&outcome=zzz',
      ['querystring/guideId', 'querystring/inquiryType', 'querystring/outcome'],
      'Guide not found: nope',
      '가이드를 찾을 수 없습니다: nope',
    ],
  ])('refuses %s with a 400 naming it, in English and Korean', async (query, wheres, en, ko) => {
    for (const endpoint of endpoints) {
      const url = `${endpoint}${RANGE}&${query}`;
      const english400 = await get(url, english);
      expect(english400.statusCode, url).toBe(400);
      expect(english400.headers['content-type']).toContain('application/problem+json');
      expect(english400.headers['content-language']).toBe('en');
      const problem = english400.json();
      expect(problem.code).toBe('validation-failed');
      expect(problem.detail).toContain(en);
      expect(problem.errors.map((error: { where: string }) => error.where)).toEqual(wheres);
      expect(english400.body).not.toMatch(hangul);

      const korean400 = await get(url, korean);
      expect(korean400.statusCode, url).toBe(400);
      expect(korean400.json().detail).toContain(ko);
      expect(korean400.json().errors.map((error: { where: string }) => error.where)).toEqual(wheres);
    }
  });

  it('answers an agent 403 before judging the filters, so guide ids are not probed', async () => {
    const agent = await t.userWithToken('agent');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/summary?guideId=nope',
      headers: agent.headers,
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers valid filters as before, each guide judged by its own types and outcomes', async () => {
    for (const [query, started] of [
      ['', 1],
      ['guideId=partner-inquiry&inquiryType=10&outcome=transfer&channel=chat', 1],
      ['inquiryType=10', 1],
      ['outcome=lead', 0],
      ['guideId=business-inquiry&inquiryType=9&outcome=company-admin&channel=call', 0],
      ['guideId=partner-inquiry&channel=call', 0],
    ] as const) {
      const response = await get(`/api/v1/reports/summary?${RANGE}&${query}`, english);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
      const figure = reportSummarySchema
        .parse(response.json())
        .figures.find((entry) => entry.id === 'consultations.started');
      expect(figure?.value, query).toBe(started);
      for (const endpoint of endpoints.slice(1)) {
        const other = await get(`${endpoint}${RANGE}&${query}`, english);
        expect(other.statusCode, `${endpoint}${query}: ${other.body}`).toBe(200);
      }
    }
  });

  it('still finds the history of a guide, type or outcome the loaded guides no longer have', async () => {
    const agent = await t.userWithToken('agent');
    // A consultation of a guide since taken out of the guides directory, of a type and an outcome
    // no loaded guide has.
    await t.ctx.database.db.execute(sql`
      insert into consultations (agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type,
        path, outcome, started_at, completed_at, last_activity_at)
      values (${agent.id}::uuid, 'call', 'completed', 'retired-guide', '1', 'r1', 42, '[]'::jsonb, 'retired-end',
        '2026-11-12T10:00:00+09:00', '2026-11-12T10:05:00+09:00', '2026-11-12T10:05:00+09:00')`);
    for (const query of [
      'guideId=retired-guide',
      'guideId=retired-guide&inquiryType=42&outcome=retired-end',
      'inquiryType=42',
      'outcome=retired-end',
    ]) {
      const response = await get(`/api/v1/reports/summary?${RANGE}&${query}`, english);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
      const figure = reportSummarySchema
        .parse(response.json())
        .figures.find((entry) => entry.id === 'consultations.started');
      expect(figure?.value, query).toBe(1);
    }
    // The history is the retired guide's own: a type it never had is still refused for it.
    const refused = await get(
      `/api/v1/reports/summary?${RANGE}&guideId=retired-guide&inquiryType=1`,
      english,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((error: { where: string }) => error.where)).toEqual([
      'querystring/inquiryType',
    ]);
    expect(refused.json().detail).toBe('The retired-guide guide has no inquiry type 1 (its types: 42)');
  });
});

describe.each(testBackends())('report channel filter on a call-only floor on $name', (backend) => {
  let t: TestApp;
  let supervisor: Headers;
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-guides-'));

  beforeAll(async () => {
    // The business guide served on calls only: chat is a channel the contract knows but no guide offers.
    const root = path.resolve(import.meta.dirname, '../..');
    const guide = JSON.parse(readFileSync(path.join(root, 'content/guides/business-inquiry.json'), 'utf8'));
    guide.consentRule.channels = ['call'];
    writeFileSync(path.join(dir, 'business-inquiry.json'), JSON.stringify(guide));
    t = await buildTestApp(backend, { IEUM_GUIDES_DIR: dir });
    supervisor = (await t.userWithToken('supervisor')).headers;
    t.setNow(NOW);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a channel no loaded guide offers and still answers the one it does', async () => {
    for (const endpoint of endpoints) {
      const refused = await t.app.inject({
        method: 'GET',
        url: `${endpoint}${RANGE}&channel=chat`,
        headers: { ...supervisor, ...english },
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().detail).toBe('channel must be one of the channels the loaded guides offer: call');
      expect(refused.json().errors[0].where).toBe('querystring/channel');
      const korean400 = await t.app.inject({
        method: 'GET',
        url: `${endpoint}${RANGE}&channel=chat`,
        headers: { ...supervisor, ...korean },
      });
      expect(korean400.json().detail).toBe('channel은 불러온 가이드가 제공하는 채널 call 중 하나입니다');
      const kept = await t.app.inject({
        method: 'GET',
        url: `${endpoint}${RANGE}&channel=call`,
        headers: supervisor,
      });
      expect(kept.statusCode, kept.body).toBe(200);
    }
  });
});
