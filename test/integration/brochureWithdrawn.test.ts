import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../src/server/db/jobsSchema.ts';
import { leads } from '../../src/server/db/leadSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { fileSignUpLeadInProcess } from '../helpers/fileSignUpLeadInProcess.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type FiledLead = { id: string; brochure: { status: string } };

/**
 * QA-10 M5: brochures waiting for SMTP went out after their leads were finished — to a customer
 * who had said 관심 없음 and to one already signed up, telling them the team would call. The server
 * here has no SMTP: every brochure waits in the outbox.
 */
describe.each(testBackends())('a finished lead’s brochure not sent yet on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let backoffice: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    t.setNow('2026-12-07T10:00:00+09:00');
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    const rotation = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/transfer-settings/assignees',
      headers: admin.headers,
      payload: { assignees: [{ userId: backoffice.id }], types: [{ inquiryType: 6 }] },
    });
    expect(rotation.statusCode, rotation.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const outcome = async (leadId: string, payload: object) => {
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${leadId}/callback-outcome`,
      headers: backoffice.headers,
      payload,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as FiledLead;
  };
  const brochureRow = async (leadId: string) => {
    const [lead] = await t.ctx.database.db.select().from(leads).where(eq(leads.id, leadId));
    return lead?.brochureEmailId ?? null;
  };
  const outboxRow = async (id: string) =>
    (await t.ctx.database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];

  it('is withdrawn when the lead is lost or won, and stays while the lead is worked', async () => {
    const declined = await fileSignUpLeadInProcess<FiledLead>(t.app, agent.headers, '새봄식품');
    const joined = await fileSignUpLeadInProcess<FiledLead>(t.app, agent.headers, '누리테크');
    const worked = await fileSignUpLeadInProcess<FiledLead>(t.app, agent.headers, '한빛물류');
    for (const lead of [declined, joined, worked]) expect(lead.brochure.status).toBe('queued');
    const declinedMail = (await brochureRow(declined.id)) ?? '';
    const joinedMail = (await brochureRow(joined.id)) ?? '';

    expect(
      (await outcome(declined.id, { outcome: 'not-interested', note: '관심 없다고 함' })).brochure.status,
    ).toBe('none');
    await outcome(joined.id, { outcome: 'reached' });
    expect((await outcome(joined.id, { outcome: 'signed-up' })).brochure.status).toBe('none');
    expect(await outboxRow(declinedMail)).toBeUndefined();
    expect(await outboxRow(joinedMail)).toBeUndefined();

    // Reached but not finished: the customer still gets it.
    expect((await outcome(worked.id, { outcome: 'reached' })).brochure.status).toBe('queued');
  });
});
