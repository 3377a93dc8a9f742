import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kakaoUserIndex } from '../../src/server/crypto/kakaoUserIndex.ts';
import { consultationRepository } from '../../src/server/repositories/consultationRepository.ts';
import { kakaoConversationRepository } from '../../src/server/repositories/kakaoConversationRepository.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-refused-forgotten-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';
const CLOSED = '2026-11-25T20:00:00+09:00';

/**
 * A customer who refuses the consent to 연락처 after writing their number and address into the
 * 문의 내용 the bot took first (QA-11 H2): the declined consultation — title, 문의 내용, body with
 * the chat transcript — and the stored chat keep none of them, and a data-subject export by the
 * number or the address finds nothing. Recorded Open Builder bodies over the real skill endpoint,
 * as in the QA report's reproduction.
 */
describe.each(testBackends())(
  'KakaoTalk: a refused consent forgets the contact points typed before it, on $name',
  (backend) => {
    let t: TestApp;
    let baseUrl: string;
    let admin: { headers: { authorization: string } };

    beforeAll(async () => {
      t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
      baseUrl = await listenOnLoopback(t.app);
      admin = await t.userWithToken('admin');
    });
    afterAll(async () => {
      await t?.close();
    });

    async function exported(payload: { phone: string } | { email: string }) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/data-subjects/export',
        headers: admin.headers,
        payload: { ...payload, reason: 'QA 점검' },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    }

    /** The declined consultation and the stored chat of a user, opened (their sealed text in clear). */
    async function keptOf(user: string) {
      const chat = await kakaoConversationRepository.findLatestForUser(
        t.ctx.database.db,
        t.ctx.fieldCodec,
        kakaoUserIndex(t.ctx.fieldKeys, user),
      );
      expect(chat?.outcome).toBe('callback-refused');
      const opened = await consultationRepository.findById(
        t.ctx.database.db,
        t.ctx.fieldCodec,
        chat?.consultationId ?? '',
      );
      const consultation = opened?.consultation;
      expect(consultation?.outcome).toBe('declined');
      return { chat, consultation };
    }

    const digitsAndAddresses = /8888|9999|4321|8765|hong|example\.com/;

    it('at the transfer end (Q1 N): title, 문의 내용, body, transcript and stored chat hold no number or e-mail', async () => {
      t.setNow(OPEN);
      const user = 'botUserKey-forgotten-transfer-end';
      const c = kakaoChat(baseUrl, TOKEN, user);
      await c.type('1');
      await c.press('아니요');
      await c.type('제 번호 010-8888-9999 로 연락 주세요. 메일 hong.gildong@example.com 홍길동입니다');
      await c.press('네');
      const refused = await c.press('동의 안 함');
      expect(refused.texts).toContain('연락받으실 번호가 없어 담당 부서에 접수하지 않았습니다.');

      const { chat, consultation } = await keptOf(user);
      expect(consultation?.recordTitle).toContain('제 번호 [삭제됨] 로 연락 주세요.');
      expect(consultation?.recordTitle).not.toMatch(digitsAndAddresses);
      expect(consultation?.recordBody).toContain('[카카오톡 챗봇 대화]');
      expect(consultation?.recordBody).toContain(
        '고객: 제 번호 [삭제됨] 로 연락 주세요. 메일 [삭제됨] 홍길동입니다',
      );
      expect(consultation?.recordBody).not.toMatch(digitsAndAddresses);
      expect(JSON.stringify(consultation?.recordFields)).not.toMatch(digitsAndAddresses);
      expect(chat?.state).not.toMatch(digitsAndAddresses);
      expect(chat?.lastResponse ?? '').not.toMatch(digitsAndAddresses);

      expect((await exported({ phone: '010-8888-9999' })).consultations).toEqual([]);
      expect((await exported({ email: 'hong.gildong@example.com' })).consultations).toEqual([]);
    });

    it('out of hours after 상담직원 연결: the refusal keeps no number or e-mail of the inquiry either', async () => {
      t.setNow(CLOSED);
      const user = 'botUserKey-forgotten-handoff';
      const c = kakaoChat(baseUrl, TOKEN, user);
      await c.type('1');
      await c.press('아니요');
      await c.type('연락처 010-4321-8765, hong@example.com 로 세금계산서 보내주세요');
      await c.press('상담직원 연결');
      await c.press('동의 안 함');

      const { chat, consultation } = await keptOf(user);
      expect(`${consultation?.recordTitle}\n${consultation?.recordBody}`).toContain('[삭제됨]');
      expect(`${consultation?.recordTitle}\n${consultation?.recordBody}`).not.toMatch(digitsAndAddresses);
      expect(JSON.stringify(consultation?.recordFields)).not.toMatch(digitsAndAddresses);
      expect(chat?.state).not.toMatch(digitsAndAddresses);
      expect((await exported({ phone: '010-4321-8765' })).consultations).toEqual([]);
    });
  },
);
