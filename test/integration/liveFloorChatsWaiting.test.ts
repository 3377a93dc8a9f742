import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../src/server/db/jobsSchema.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { canSeeEvent } from '../../src/server/events/canSeeEvent.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-floor-test-token-0123456789';

/**
 * The live floor counts the KakaoTalk chats the bot handed to agents that nobody has taken (the
 * console's waiting list) and how long the first has waited, in elapsed minutes; supervisors hear
 * of a hand-off, so their floor moves when one comes in. Recorded Open Builder bodies over the
 * real endpoint.
 */
describe.each(testBackends())('KakaoTalk chats waiting on the live floor on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let agent: { id: string; headers: { authorization: string } };
  let supervisor: { id: string; headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    agent = await t.userWithToken('agent');
    supervisor = await t.userWithToken('supervisor');
  });
  afterAll(async () => {
    await t?.close();
  });

  const floorFigures = async (): Promise<Record<string, number | null>> => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/floor',
      headers: { ...supervisor.headers, 'accept-language': 'en' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body: { figures: Array<{ id: string; value: number | null; label: string }> } = response.json();
    expect(body.figures.find((figure) => figure.id === 'floor.chatsWaiting')?.label).toBe(
      'KakaoTalk chats waiting for an agent',
    );
    return Object.fromEntries(body.figures.map((figure) => [figure.id, figure.value]));
  };

  const handOff = async (user: string) => {
    const chat = kakaoChat(baseUrl, TOKEN, user);
    await chat.type('5');
    await chat.press('상담직원 연결');
  };

  it('counts the chats handed off and not taken, and how long the first has waited', async () => {
    t.setNow('2026-11-25T17:50:00+09:00');
    expect(await floorFigures()).toMatchObject({
      'floor.chatsWaiting': 0,
      'floor.oldestChatWaitingMinutes': null,
    });
    await handOff('botUserKey-floor-first');
    t.advance(5 * 60_000);
    await handOff('botUserKey-floor-second');
    // Past 18:00 the customer still waits: elapsed minutes, not business ones.
    t.advance(25 * 60_000);
    expect(await floorFigures()).toMatchObject({
      'floor.chatsWaiting': 2,
      'floor.oldestChatWaitingMinutes': 30,
    });

    // A supervisor hears of a hand-off (the floor refreshes on it); a plain agent's stream carries it too.
    const [handoff] = await t.ctx.database.db
      .select()
      .from(events)
      .where(eq(events.type, 'kakao.handoff'))
      .orderBy(desc(events.id))
      .limit(1);
    if (!handoff) throw new Error('no hand-off event');
    const live = { id: handoff.id, type: handoff.type, data: handoff.data, at: handoff.at.toISOString() };
    const user = (id: string, role: 'agent' | 'supervisor' | 'backoffice') => ({
      id,
      email: 'x@ieum.test',
      name: 'x',
      role,
    });
    expect(canSeeEvent(user(supervisor.id, 'supervisor'), live)).toBe(true);
    expect(canSeeEvent(user(agent.id, 'agent'), live)).toBe(true);

    // The first is taken: one waits, the second, for 25 minutes.
    const [first] = await t.ctx.database.db
      .select({ id: kakaoConversations.id })
      .from(kakaoConversations)
      .where(eq(kakaoConversations.status, 'handed-off'))
      .orderBy(kakaoConversations.endedAt)
      .limit(1);
    const claimed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/channels/kakao/handoffs/${first?.id}/claim`,
      headers: agent.headers,
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(await floorFigures()).toMatchObject({
      'floor.chatsWaiting': 1,
      'floor.oldestChatWaitingMinutes': 25,
    });

    // A hand-off older than a day is off the console's list, and off the floor.
    t.advance(24 * 60 * 60_000);
    expect(await floorFigures()).toMatchObject({
      'floor.chatsWaiting': 0,
      'floor.oldestChatWaitingMinutes': null,
    });
  });
});
