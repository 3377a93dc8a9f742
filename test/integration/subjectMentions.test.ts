import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dataSubjectExportSchema } from '../../src/contract/privacy/dataSubjectExportSchema.ts';
import { dataSubjectFindingsSchema } from '../../src/contract/privacy/dataSubjectFindingsSchema.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { fileSignUpLeadInProcess } from '../helpers/fileSignUpLeadInProcess.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// The person asking, and another customer whose records mention them.
const NAME = '탁서윤';
const PHONE = '010-2468-1357';

describe.each(testBackends())(
  'a data-subject find and export show where the person is only mentioned on $name',
  (backend) => {
    let t: TestApp;
    let admin: User;
    let agent: User;
    let backoffice: User;
    let ownTransferId: string;
    let otherCommentId: string;
    let otherLeadCallbackId: string;

    const post = async (who: User, url: string, payload: object) => {
      const response = await t.app.inject({ method: 'POST', url, headers: who.headers, payload });
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
      return response.json();
    };

    beforeAll(async () => {
      t = await buildTestApp(backend);
      t.setNow('2026-12-08T10:00:00+09:00');
      admin = await t.userWithToken('admin');
      agent = await t.userWithToken('agent');
      backoffice = await t.userWithToken('backoffice');
      // The person's own transfer, commented with their name: listed under transfers already.
      const own = await post(agent, '/api/v1/transfers', {
        inquiryType: 1,
        channel: 'call',
        contactName: NAME,
        phone: PHONE,
        inquiry: '정산 문의',
      });
      ownTransferId = own.id;
      // Another customer's transfer and lead, whose comment and callback note name the person.
      const other = await post(agent, '/api/v1/transfers', {
        inquiryType: 1,
        channel: 'call',
        contactName: '박민준',
        phone: '010-5555-6666',
        inquiry: '요금 문의',
      });
      const comment = await post(backoffice, `/api/v1/transfers/${other.id}/comments`, {
        body: `동료 ${NAME} 님도 같은 문의 (+82 10 2468 1357)`,
      });
      otherCommentId = comment.id;
      const lead = await fileSignUpLeadInProcess<{ id: string }>(t.app, agent.headers, '다른상사');
      await post(backoffice, `/api/v1/leads/${lead.id}/callback-outcome`, {
        outcome: 'no-answer',
        note: '부재. 소개해 준 분 연락처 010.2468.1357',
      });
      const callbacks = await queryRows(
        t.ctx.database.db,
        sql`select id::text as id from lead_callbacks where lead_id = ${lead.id}`,
        z.object({ id: z.string() }),
      );
      otherLeadCallbackId = callbacks[0]?.id ?? '';
    });
    afterAll(async () => {
      await t?.close();
    });

    it('find and export list the other customers’ rows naming the person (where, not what); after the delete none is left', async () => {
      const found = dataSubjectFindingsSchema.parse(
        await post(admin, '/api/v1/data-subjects/find', { phone: PHONE, reason: '정보주체 열람 요청' }),
      );
      expect(found.transfers.map((item) => item.id)).toContain(ownTransferId);
      expect(found.mentions).toEqual(
        expect.arrayContaining([
          { table: 'transfer_comments', id: otherCommentId, fields: ['body'] },
          { table: 'lead_callbacks', id: otherLeadCallbackId, fields: ['note'] },
        ]),
      );
      // The records already listed are not repeated as mentions.
      expect(found.mentions.map((mention) => mention.id)).not.toContain(ownTransferId);
      // Where only: the other customer's text is not in the answer.
      expect(JSON.stringify(found.mentions)).not.toContain('박민준');
      expect(JSON.stringify(found.mentions)).not.toContain('2468');

      const exported = dataSubjectExportSchema.parse(
        await post(admin, '/api/v1/data-subjects/export', { phone: PHONE, reason: '정보주체 열람 요청' }),
      );
      expect(exported.mentions).toEqual(found.mentions);

      await post(admin, '/api/v1/data-subjects/delete', { phone: PHONE, reason: '정보주체 삭제 요청' });
      const after = dataSubjectFindingsSchema.parse(
        await post(admin, '/api/v1/data-subjects/find', { phone: PHONE, reason: '삭제 확인' }),
      );
      expect(after.mentions).toEqual([]);
    });
  },
);
