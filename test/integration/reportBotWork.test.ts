import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRecordsPageSchema } from '../../src/contract/reports/reportRecordsPageSchema.ts';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { ensureKakaoBotUser } from '../../src/server/services/kakao/ensureKakaoBotUser.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-report-test-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';
const RANGE = 'from=2026-11-25&to=2026-11-25';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

/**
 * Supervisors judge agents by handle time, completions and transfer rate. The chatbot saves its
 * consultation at the conversation's last turn, completed in the same instant: its work must not
 * pull the agents' median to 0 s nor mix into their counts, and it is shown as its own line —
 * conversations it resolved, those handed off to a person. Real conversations over the skill
 * endpoint (recorded Open Builder bodies) beside an agent's calls.
 */
describe.each(testBackends())("the chatbot's work in the reports on $name", (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let agent: User;
  let supervisor: User;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    agent = await t.userWithToken('agent');
    supervisor = await t.userWithToken('supervisor');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Q1, not a registered contact: the bot takes the inquiry and a consented number and files the transfer. */
  async function botFilesTransfer(user: string) {
    const c = kakaoChat(baseUrl, TOKEN, user);
    const hello = await c.type('관리자 기능 문의');
    if (hello.texts.includes('"관리자 기능 문의"')) await c.press('네');
    else await c.type('1');
    await c.press('아니요');
    await c.type('정산서 재발행 문의');
    await c.press('네');
    await c.press('동의');
    await c.type('010-4545-6767');
  }

  async function conversationOf(user: string) {
    const [row] = await t.ctx.database.db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.userIndex, kakaoUserIndex(t.ctx.fieldKeys, user)))
      .orderBy(desc(kakaoConversations.startedAt))
      .limit(1);
    if (!row) throw new Error(`no conversation of ${user}`);
    return row;
  }

  const q1Finish = {
    scriptId: 'q1',
    inquiryType: 5,
    history: [
      { nodeId: 'q1-registered', answer: 'yes' },
      { nodeId: 'q1-hours', answer: 'open' },
    ],
    record: { summary: '교통유발금 서류', title: '[비즈니스] 교통유발금 서류', body: '상담센터 안내' },
  };

  async function summary(query = '') {
    const response = await t.app.inject({
      url: `/api/v1/reports/summary?${RANGE}${query}`,
      headers: supervisor.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = reportSummarySchema.parse(response.json());
    return (id: string) => report.figures.find((figure) => figure.id === id)?.value;
  }

  it("leaves the bot's instant consultations out of the agents' figures and shows them as the bot's line; a chat an agent takes over is the agent's", async () => {
    t.setNow(OPEN);
    // The bot resolves two chats alone, each consultation saved and completed in one instant.
    await botFilesTransfer('botUserKey-report-1');
    await botFilesTransfer('botUserKey-report-2');
    // An agent's call: 4 minutes.
    const call = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(call.statusCode, call.body).toBe(201);
    t.advance(240_000);
    const saved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${call.json().id}/finish`,
      headers: agent.headers,
      payload: q1Finish,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // A customer asks for a person; the agent takes the chat over and saves it 6 minutes after the hand-off.
    const handoffUser = 'botUserKey-report-handoff';
    const c = kakaoChat(baseUrl, TOKEN, handoffUser);
    await c.type('5');
    await c.press('상담직원 연결');
    const handed = await conversationOf(handoffUser);
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/v1/channels/kakao/handoffs/${handed.id}/claim`,
      headers: agent.headers,
    });
    expect(claim.statusCode, claim.body).toBe(200);
    t.advance(360_000);
    const taken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${handed.consultationId}/finish`,
      headers: agent.headers,
      payload: q1Finish,
    });
    expect(taken.statusCode, taken.body).toBe(200);

    const figure = await summary();
    // Agents: the call and the chat taken over — not the bot's two 0-second consultations.
    expect(figure('consultations.started')).toBe(2);
    expect(figure('consultations.completed')).toBe(2);
    expect(figure('handleTime.median')).toBeCloseTo(300, 0);
    expect(figure('handleTime.p90')).toBeGreaterThan(240);
    expect(figure('transfer.rate')).toBe(0);
    // The bot's line: two resolved alone (each filing a transfer), one handed off.
    expect(figure('bot.resolved')).toBe(2);
    expect(figure('bot.handedOff')).toBe(1);
    expect(figure('bot.resolutionRate')).toBeCloseTo(2 / 3, 12);
    // The transfers the bot filed are the business team's work all the same.
    expect(figure('transfer.filed')).toBe(2);

    // Behind the bot's figures: the consultations its conversations saved or handed over.
    const records = async (id: string) => {
      const response = await t.app.inject({
        url: `/api/v1/reports/records?${RANGE}&figure=${id}`,
        headers: supervisor.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return reportRecordsPageSchema.parse(response.json());
    };
    const resolved = await records('bot.resolved');
    expect(resolved.total).toBe(2);
    expect(
      resolved.items.map((item) => (item.kind === 'consultation' ? item.agent.name : item.kind)),
    ).toEqual(['카카오톡 챗봇', '카카오톡 챗봇']);
    const handedOff = await records('bot.handedOff');
    expect(handedOff.items.map((item) => item.id)).toEqual([handed.consultationId]);
    expect(handedOff.items[0]?.kind === 'consultation' && handedOff.items[0].agent.id).toBe(agent.id);
    // The agents' completed consultations behind their figure: the bot's are not among them.
    const completed = await records('consultations.completed');
    expect(completed.total).toBe(2);
    expect(completed.items.every((item) => item.kind === 'consultation' && item.agent.id === agent.id)).toBe(
      true,
    );

    // A report for the bot's account counts its consultations as they are.
    const bot = await ensureKakaoBotUser(t.ctx);
    const botReport = await summary(`&agentId=${bot.id}`);
    expect(botReport('consultations.completed')).toBe(2);
    expect(botReport('handleTime.median')).toBeLessThan(1);
    expect(botReport('bot.resolved')).toBe(2);
    // … and a report for an agent shows no bot line.
    const agentReport = await summary(`&agentId=${agent.id}`);
    expect(agentReport('consultations.completed')).toBe(2);
    expect(agentReport('bot.resolved')).toBe(0);
    // Another channel than chat holds none of the bot's conversations.
    expect((await summary('&channel=call'))('bot.resolved')).toBe(0);

    // The CSV lists every consultation started, the bot's too, and says which are the bot's: its
    // rows beside the agents' figures reconcile with the summary.
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/export.csv?${RANGE}`,
      headers: supervisor.headers,
    });
    expect(csv.statusCode, csv.body).toBe(200);
    const [header, ...rows] = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(header?.split(',').at(-1)).toBe('by_bot');
    const byBot = rows.map((row) => row.split(',').at(-1));
    expect(byBot.filter((flag) => flag === 'N')).toHaveLength(figure('consultations.started') ?? 0);
    expect(byBot.filter((flag) => flag === 'Y').length).toBeGreaterThanOrEqual(2);
  });
});
