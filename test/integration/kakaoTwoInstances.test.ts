import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads } from '../../src/server/db/leadSchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat, kakaoFixture } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { type ScratchPostgres, scratchPostgres } from '../helpers/scratchPostgres.ts';

const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
const TOKEN = 'kakao-two-instances-token-0123456789';

// Kakao retries a request it gave up on (5 s), and behind a load balancer the retry may reach
// another instance while the first is still answering: the chat must still be filed once.
describe.skipIf(!adminUrl /* needs IEUM_TEST_DATABASE_URL: instances share a PostgreSQL server */)(
  'KakaoTalk turns answered by two instances on one PostgreSQL',
  () => {
    let database: ScratchPostgres | undefined;
    let one: TestApp;
    let two: TestApp;
    let urlOne: string;
    let urlTwo: string;
    beforeAll(async () => {
      if (!adminUrl) return;
      database = await scratchPostgres(adminUrl);
      const { backend } = database;
      const env = { IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'), IEUM_KAKAO_SKILL_TOKEN: TOKEN };
      one = await buildTestApp(backend, env);
      two = await buildTestApp(backend, env);
      urlOne = await listenOnLoopback(one.app);
      urlTwo = await listenOnLoopback(two.app);
      await one.userWithToken('agent'); // the bot files nothing before the first account exists
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      await database?.drop();
    });

    /** The same request body sent to both instances at once, as a retry overlapping the first attempt. */
    async function sendToBoth(body: string): Promise<unknown[]> {
      const post = (base: string) =>
        fetch(`${base}/api/v1/channels/kakao/${TOKEN}/skill`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then(async (response) => {
          expect(response.status).toBe(200);
          return response.json();
        });
      return Promise.all([post(urlOne), post(urlTwo)]);
    }

    it('files a sign-up lead once and leaves no second chat consultation when both answer the last turn', async () => {
      const userId = `two-instances-${randomBytes(4).toString('hex')}`;
      const chat = kakaoChat(urlOne, TOKEN, userId);
      await chat.type('안녕하세요');
      await chat.type('6');
      const consent = await chat.press('네');
      expect(consent.labels).toContain('동의');
      await chat.press('동의');
      await chat.type('이음상사');
      await chat.type('김담당');
      await chat.type('010-2345-6789');
      const db = one.ctx.database.db;
      const before = {
        consultations: Number((await db.select({ n: count() }).from(consultations))[0]?.n),
        leads: Number((await db.select({ n: count() }).from(leads))[0]?.n),
      };
      const body = kakaoFixture('quick-reply');
      const userRequest = Object(body.userRequest);
      userRequest.utterance = 'owner@example.com';
      userRequest.user = { ...Object(userRequest.user), id: userId };
      body.action = { ...Object(body.action), clientExtra: null };
      const [first, second] = await sendToBoth(JSON.stringify(body));
      expect(second).toEqual(first);
      expect(Number((await db.select({ n: count() }).from(consultations))[0]?.n)).toBe(
        before.consultations + 1,
      );
      expect(Number((await db.select({ n: count() }).from(leads))[0]?.n)).toBe(before.leads + 1);
      const open = await db
        .select({ n: count() })
        .from(consultations)
        .where(eq(consultations.status, 'open'));
      expect(Number(open[0]?.n)).toBe(0);
    });

    it('hands a chat to agents on one consultation when both answer the hand-off', async () => {
      const userId = `two-instances-${randomBytes(4).toString('hex')}`;
      const chat = kakaoChat(urlOne, TOKEN, userId);
      await chat.type('안녕하세요');
      const menu = await chat.type('5');
      const handoff = menu.body.template.quickReplies?.find((reply) => reply.label === '상담직원 연결');
      if (!handoff?.messageText) throw new Error(`no hand-off reply in ${JSON.stringify(menu.body)}`);
      const db = one.ctx.database.db;
      const before = Number((await db.select({ n: count() }).from(consultations))[0]?.n);
      const body = kakaoFixture('quick-reply');
      const userRequest = Object(body.userRequest);
      userRequest.utterance = handoff.messageText;
      userRequest.user = { ...Object(userRequest.user), id: userId };
      body.action = { ...Object(body.action), clientExtra: handoff.extra ?? null };
      const [first, second] = await sendToBoth(JSON.stringify(body));
      expect(second).toEqual(first);
      expect(Number((await db.select({ n: count() }).from(consultations))[0]?.n)).toBe(before + 1);
    });
  },
);
