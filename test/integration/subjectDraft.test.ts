import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '../../src/server/db/schema.ts';
import { transfers } from '../../src/server/db/transferSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const NAME = '박초안';
const PHONE = '010-3141-5926';
const EMAIL = 'draft.subject@example.com';

// A call in progress: nothing saved yet but the draft, which holds what the agent typed.
const draft = {
  scriptId: 'q4',
  inquiryType: 6,
  history: [
    { nodeId: 'q4-signup', answer: 'yes' },
    { nodeId: 'q4-consent', answer: 'agreed' },
  ],
  collected: { companyName: '초안상사', contactName: NAME, phone: PHONE, email: EMAIL },
  record: { summary: '비즈니스 가입 문의', title: '[비즈니스] 가입 문의', body: `ㄴ 담당자 : ${NAME}` },
  transfer: { file: false, email: '' },
};

describe.each(testBackends())(
  'a data-subject request reaches the draft of a call in progress on $name',
  (backend) => {
    let t: TestApp;
    let admin: User;
    let agent: User;

    beforeAll(async () => {
      t = await buildTestApp(backend);
      admin = await t.userWithToken('admin');
      agent = await t.userWithToken('agent');
    });
    afterAll(async () => {
      await t?.close();
    });

    async function request(who: User, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
      const response = await t.app.inject({
        method,
        url,
        headers: who.headers,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json();
    }

    it('exports the draft in clear for the phone or e-mail typed in it, and a delete erases it', async () => {
      // Someone else's caller number: only the draft names the subject.
      const started = await request(agent, 'POST', '/api/v1/consultations', {
        channel: 'call',
        guideId: 'business-inquiry',
        callerNumber: '010-2222-3333',
      });
      await request(agent, 'PUT', `/api/v1/consultations/${started.id}/draft`, { revision: 1, draft });
      // A transfer about someone else that mentions the subject by name only.
      const other = await request(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 1,
        channel: 'call',
        contactName: '최다른',
        phone: '010-5555-6666',
        inquiry: `동료 ${NAME} 님과 같은 문의`,
      });

      for (const subject of [{ phone: PHONE }, { email: EMAIL }]) {
        const exported = await request(admin, 'POST', '/api/v1/data-subjects/export', {
          ...subject,
          reason: '정보주체 열람 요청',
        });
        const entry = exported.consultations.find((item: { id: string }) => item.id === started.id);
        expect(entry, JSON.stringify(exported.consultations)).toMatchObject({
          callerNumber: '010-2222-3333',
          completedAt: null,
          draft: { scriptId: 'q4', collected: { contactName: NAME, phone: PHONE, email: EMAIL } },
        });
      }

      const deleted = await request(admin, 'POST', '/api/v1/data-subjects/delete', {
        phone: PHONE,
        reason: '정보주체 삭제 요청',
      });
      expect(deleted.erasedConsultations).toContain(started.id);
      const [row] = await t.ctx.database.db
        .select()
        .from(consultations)
        .where(eq(consultations.id, started.id));
      expect(row?.draft).toBeNull();
      expect(row?.personalIndex).toBeNull();
      expect(row?.personalDataErasedAt).not.toBeNull();
      // The name typed in the draft is the subject's too: gone from the other transfer's inquiry.
      const [otherRow] = await t.ctx.database.db.select().from(transfers).where(eq(transfers.id, other.id));
      const inquiry = t.ctx.fieldCodec.openText(otherRow?.inquiry ?? '');
      expect(inquiry).toEqual({ readable: true, value: '동료 [삭제됨] 님과 같은 문의' });

      const again = await request(admin, 'POST', '/api/v1/data-subjects/export', {
        email: EMAIL,
        reason: '정보주체 열람 요청',
      });
      expect(again.consultations.map((item: { id: string }) => item.id)).not.toContain(started.id);
    });
  },
);
