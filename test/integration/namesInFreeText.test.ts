import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumerateFlowPaths } from '../../src/domain/flow/enumerateFlowPaths.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { type EventStream, openEventStream } from '../helpers/openEventStream.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { startSmtpServer, type TestSmtpServer } from '../helpers/startSmtpServer.ts';
import { startWebhookReceiver, type TestWebhookReceiver } from '../helpers/startWebhookReceiver.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// The transfer's customer and the lead's 담당자: names that only their own records hold.
const CUSTOMER = '김민수';
const LEAD_CONTACT = '박지영';
/** Every way the names are typed below; none may reach a masked output in clear. */
const CLEAR = [CUSTOMER, '김 민수', '민수 님', '민수님', LEAD_CONTACT, '지영 님', '박 지영'];
const MASKED = '김*수';
const KAKAO_TOKEN = 'kakao-skill-test-token-names-0123456789';

describe.each(testBackends())(
  'names typed into free text stay masked wherever masked data goes on $name',
  (backend) => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let masked: TestWebhookReceiver;
    let trusted: TestWebhookReceiver;
    let stream: EventStream;
    let agent: User;
    let handler: User;
    let colleague: User;
    let supervisor: User;
    let admin: User;
    let transferId: string;
    let consultationId: string;
    let leadId: string;
    let base: string;

    beforeAll(async () => {
      smtp = await startSmtpServer();
      masked = await startWebhookReceiver();
      trusted = await startWebhookReceiver();
      t = await buildTestApp(backend, {
        SMTP_URL: smtp.url,
        IEUM_WEBHOOK_ALLOW_PRIVATE: 'true',
        IEUM_KAKAO_SKILL_TOKEN: KAKAO_TOKEN,
      });
      agent = await t.userWithToken('agent');
      handler = await t.userWithToken('backoffice');
      colleague = await t.userWithToken('backoffice');
      supervisor = await t.userWithToken('supervisor');
      admin = await t.userWithToken('admin');
      base = await t.app.listen({ port: 0, host: '127.0.0.1' });
      stream = await openEventStream(base, colleague.headers.authorization);
    });
    afterAll(async () => {
      stream?.close();
      await t?.close();
      await smtp?.stop().catch(() => {});
      await masked?.stop().catch(() => {});
      await trusted?.stop().catch(() => {});
    });

    const inject = async (who: User, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const response = await t.app.inject({ method, url, headers: who.headers, payload: payload as object });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response;
    };
    const expectMasked = (where: string, text: string) => {
      for (const clear of CLEAR) expect(text, `${where} shows "${clear}"`).not.toContain(clear);
    };

    it('files, comments, notes and calls back with the names typed in, through the API as the console does', async () => {
      await inject(admin, 'PUT', '/api/v1/transfer-settings', {
        types: [
          {
            inquiryType: 1,
            sla: { kind: 'next-business-day', time: '12:00' },
            assignees: [{ userId: handler.id }],
          },
          {
            inquiryType: 6,
            sla: { kind: 'next-business-day', time: '12:00' },
            assignees: [{ userId: handler.id }],
          },
        ],
      });
      await inject(admin, 'POST', '/api/v1/webhooks', { url: masked.url, eventTypes: ['*'] });
      await inject(admin, 'POST', '/api/v1/webhooks', {
        url: trusted.url,
        eventTypes: ['*'],
        includePersonalData: true,
      });
      const guide = t.ctx.guides.get('business-inquiry');
      const history = guide
        ? enumerateFlowPaths(guide, 'q1').find(
            (path) =>
              path.outcome === 'transfer' &&
              !path.history.some((e) => e.answer === 'open' || e.answer === 'closed'),
          )?.history
        : undefined;
      if (!history) throw new Error('no q1 transfer path');
      consultationId = await recordConsultation(t.app, agent.headers, {
        channel: 'call',
        callerNumber: '01024681357',
        scriptId: 'q1',
        inquiryType: 1,
        history,
        record: {
          summary: '정산 문의',
          companyName: '이음상사',
          contactName: CUSTOMER,
          phone: '010-2468-1357',
          inquiry: '김 민수께서 월 정산 내역 확인 요청, 민수 님 휴대폰으로 회신',
          title: '[비즈니스] 정산 문의',
          body: `ㄴ 담당자 이름 : ${CUSTOMER}\nㄴ 문의 내용 : 김 민수께서 월 정산 내역 확인 요청, 민수 님 휴대폰으로 회신`,
        },
      });
      transferId = (await inject(agent, 'POST', '/api/v1/transfers', { consultationId })).json().id;
      const mention = `@${colleague.email.split('@')[0]}`;
      await inject(handler, 'POST', `/api/v1/transfers/${transferId}/comments`, {
        body: `${mention} ${CUSTOMER} 님이 다시 전화 요청 (민수님 오후 가능)`,
      });
      await inject(handler, 'POST', `/api/v1/transfers/${transferId}/status`, {
        status: 'in-progress',
        note: `${CUSTOMER}님 부재, 김 민수 님께 문자 남김`,
      });

      const leadConsultation = await recordConsultation(t.app, agent.headers, {
        channel: 'call',
        ...signUpLeadPath,
        record: {
          summary: '비즈니스 가입 문의',
          companyName: '지영물산',
          contactName: LEAD_CONTACT,
          phone: '010-3333-4444',
          inquiry: '이메일주소: jiyoung@example.com',
          title: '[비즈니스] 비즈니스 가입 문의',
          body: 'ㄴ 기업명 : 지영물산',
        },
      });
      leadId = (
        await inject(agent, 'POST', '/api/v1/leads', {
          consultationId: leadConsultation,
          companyName: '지영물산',
          contactName: LEAD_CONTACT,
          phone: '010-3333-4444',
          email: 'jiyoung@example.com',
        })
      ).json().id;
      await inject(handler, 'POST', `/api/v1/leads/${leadId}/callback-outcome`, {
        outcome: 'no-answer',
        note: `${LEAD_CONTACT} 대표 부재, 지영 님 비서에게 메모 (박 지영 님 내일 오전)`,
      });
      await t.runJobs();
      await t.runJobs();
    });

    it('masks them in the API views of roles without reveal', async () => {
      for (const who of [supervisor, handler]) {
        const detail = (await inject(who, 'GET', `/api/v1/transfers/${transferId}`)).json();
        expectMasked('transfer detail', JSON.stringify(detail));
        expect(detail.inquiry).toBe('김 *수께서 월 정산 내역 확인 요청, *수 님 휴대폰으로 회신');
        expect(detail.comments[0].body).toContain(`${MASKED} 님이 다시 전화 요청 (*수님 오후 가능)`);
        const note = detail.history.find((entry: { action: string }) => entry.action === 'status-changed');
        expect(note.detail.note).toBe('김*수님 부재, 김 *수 님께 문자 남김');
        expect(note.summary).toContain('김*수님 부재');
        expectMasked('transfer list', (await inject(who, 'GET', '/api/v1/transfers')).body);
        const lead = (await inject(who, 'GET', `/api/v1/leads/${leadId}`)).json();
        expectMasked('lead detail', JSON.stringify(lead));
        expect(lead.callbacks[0].note).toBe('박*영 대표 부재, *영 님 비서에게 메모 (박 *영 님 내일 오전)');
        const consultation = await inject(who, 'GET', `/api/v1/consultations/${consultationId}`);
        expectMasked('consultation', consultation.body);
        // The brochure e-mail greets the customer; its preview is masked like the lead.
        expectMasked('brochure preview', (await inject(who, 'GET', `/api/v1/leads/${leadId}/email`)).body);
      }
      // The privacy screen's data-subject find.
      const found = await inject(admin, 'POST', '/api/v1/data-subjects/find', {
        phone: '010-2468-1357',
        reason: '열람 요청 확인',
      });
      expect(found.json().transfers).toHaveLength(1);
      expectMasked('data-subject find', found.body);
    });

    it('masks them in staff e-mails, masked webhooks, the live stream, the supervisor CSV and the log', async () => {
      const staff = [handler.email, colleague.email];
      const staffMail = smtp.messages.filter((message) =>
        message.envelopeTo.some((to) => staff.includes(to)),
      );
      // The assignment (transfer and lead) and the mention.
      expect(staffMail.length).toBeGreaterThanOrEqual(3);
      const mention = staffMail.find((message) => message.envelopeTo.includes(colleague.email));
      expect(mention?.parsed.text).toContain(`${MASKED} 님이 다시 전화 요청`);
      for (const message of staffMail)
        expectMasked(`e-mail to ${message.envelopeTo}`, message.raw + message.parsed.text);

      expect(masked.received.length).toBeGreaterThanOrEqual(4);
      for (const delivery of masked.received) expectMasked('masked webhook', delivery.body);
      expect(masked.received.some((delivery) => delivery.body.includes(MASKED))).toBe(true);

      expect(stream.events.some((event) => event.type === 'transfer.commented')).toBe(true);
      expectMasked('event stream', JSON.stringify(stream.events));

      const csv = await inject(supervisor, 'GET', '/api/v1/leads/export.csv');
      expect(csv.body).toContain('박*영');
      expectMasked('supervisor CSV', csv.body);

      expectMasked('server log', t.log.join('\n'));
    });

    it('shows them in clear on the reveal path: a reason, logged; and to subscriptions with personal data', async () => {
      const transfer = (
        await inject(handler, 'POST', `/api/v1/transfers/${transferId}/reveal`, { reason: '고객 재통화' })
      ).json();
      expect(transfer.inquiry).toBe('김 민수께서 월 정산 내역 확인 요청, 민수 님 휴대폰으로 회신');
      expect(transfer.comments).toEqual([
        {
          id: expect.any(String),
          body: expect.stringContaining(`${CUSTOMER} 님이 다시 전화 요청 (민수님 오후 가능)`),
        },
      ]);
      expect(transfer.notes).toEqual([
        { historyId: expect.any(Number), note: `${CUSTOMER}님 부재, 김 민수 님께 문자 남김` },
      ]);
      const lead = (
        await inject(handler, 'POST', `/api/v1/leads/${leadId}/reveal`, { reason: '가입 안내 OB' })
      ).json();
      expect(lead.callbacks).toEqual([
        { attempt: 1, note: `${LEAD_CONTACT} 대표 부재, 지영 님 비서에게 메모 (박 지영 님 내일 오전)` },
      ]);
      const consultation = (
        await inject(handler, 'POST', `/api/v1/consultations/${consultationId}/reveal`, {
          reason: '상담 내용 확인',
          fields: ['body'],
        })
      ).json();
      expect(consultation.values.body).toContain(`ㄴ 담당자 이름 : ${CUSTOMER}`);
      const log = (await inject(admin, 'GET', `/api/v1/access-log?action=personal-data.reveal`)).json();
      expect(log.items).toHaveLength(3);
      const commented = trusted.received.find(
        (delivery) => delivery.headers['x-ieum-event'] === 'transfer.commented',
      );
      expect(commented?.body).toContain(`${CUSTOMER} 님이 다시 전화 요청`);
    });
    it('masks the name a customer gave the chatbot in the chat transcript the agents read', async () => {
      const chat = kakaoChat(base, KAKAO_TOKEN, `names-${Date.now().toString(36)}`);
      const hello = await chat.type('비즈니스 가입은 어떻게 하나요?');
      const label = t.ctx.guides.defaultGuide().inquiryTypes.find((type) => type.number === 6)?.label;
      if (hello.texts.includes('로 보입니다. 맞으실까요?') && label && hello.texts.includes(`"${label}"`)) {
        await chat.press('네');
      } else {
        if (hello.texts.includes('로 보입니다. 맞으실까요?')) await chat.press('아니요');
        await chat.type('6');
      }
      await chat.press('네');
      expect((await chat.press('동의')).texts).toContain('업체명을 입력해 주세요.');
      expect((await chat.type('이음상사')).texts).toContain('담당자를 입력해 주세요.');
      expect((await chat.type(`${CUSTOMER} 과장`)).texts).toContain('연락처를 입력해 주세요.');
      await chat.press('상담직원 연결');
      const waiting = (await inject(agent, 'GET', '/api/v1/channels/kakao/handoffs')).json();
      const item = waiting.items.find(
        (candidate: { inquiryType: number; waiting: boolean }) =>
          candidate.inquiryType === 6 && candidate.waiting,
      );
      expect(item).toBeDefined();
      const transcript = await inject(
        supervisor,
        'GET',
        `/api/v1/channels/kakao/consultations/${item.consultationId}/transcript`,
      );
      expectMasked('chat transcript', transcript.body);
      expect(transcript.body).toContain(`${MASKED} 과장`);
    });
  },
);
