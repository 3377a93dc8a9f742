import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, jobs } from '../../src/server/db/jobsSchema.ts';
import { transferTypeSettings as transferSettings, transfers } from '../../src/server/db/transferSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { readOutbox } from '../helpers/readOutbox.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type Reference = { id: string; number: string };
type LeadView = Reference & {
  status: string;
  transferId: string;
  assignee: { id: string } | null;
  repeatOf: Reference | null;
  brochure: { status: string; sentWith: (Reference & { status: string | null }) | null };
  callback: { state: string; dueAt: string | null };
};
type Customer = { companyName: string; email: string };

const record = (customer: Customer) => ({
  summary: '비즈니스 가입 문의',
  companyName: customer.companyName,
  contactName: '홍길동',
  phone: '010-3456-7890',
  inquiry: `이메일주소: ${customer.email}`,
  title: '[비즈니스] 비즈니스 가입 문의',
  body: `ㄴ 기업명 : ${customer.companyName}`,
});

// QA M3: the same customer asking to sign up again while their first lead is worked got a second
// holder (the next in rotation), a second brochure and a second callback.
describe.each(testBackends())('a repeat sign-up lead on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let first: User;
  let second: User;
  let third: User;

  beforeAll(async () => {
    // No SMTP: brochures wait in the outbox (queued), which is what the customer is about to get.
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    first = await t.userWithToken('backoffice');
    second = await t.userWithToken('backoffice');
    third = await t.userWithToken('backoffice');
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/transfer-settings',
      headers: admin.headers,
      payload: {
        types: [
          {
            inquiryType: 6,
            sla: { kind: 'next-business-day', time: '12:00' },
            assignees: [first, second, third].map((member) => ({ userId: member.id, onDuty: true })),
          },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    t.setNow('2026-11-24T10:00:00+09:00');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The console's one request: a Q4-Y finish for this customer. */
  async function finishLead(customer: Customer): Promise<LeadView> {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const finished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${started.json().id}/finish`,
      headers: agent.headers,
      payload: {
        ...signUpLeadPath,
        record: record(customer),
        collected: { contactName: '홍길동', phone: '010-3456-7890', ...customer },
      },
    });
    expect(finished.statusCode, finished.body).toBe(200);
    return finished.json().lead;
  }

  /** An integration's way: the call saved, then POST /leads. */
  async function postLead(customer: Customer): Promise<LeadView> {
    const consultationId = await recordConsultation(t.app, agent.headers, {
      channel: 'call',
      ...signUpLeadPath,
      record: record(customer),
    });
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: agent.headers,
      payload: { consultationId, contactName: '홍길동', phone: '010-3456-7890', ...customer },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    return filed.json();
  }

  const brochuresTo = async (address: string) =>
    (await readOutbox(t.ctx)).filter(
      (mail) => mail.dedupeKey?.startsWith('lead-brochure:') && mail.toAddress === address,
    );
  const remindersOf = (leadId: string) =>
    t.ctx.database.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, 'lead.callback-reminder'), like(jobs.dedupeKey, `lead-callback:${leadId}:%`)));
  const cursor = async () =>
    (
      await t.ctx.database.db
        .select({ last: transferSettings.lastAssigneeId })
        .from(transferSettings)
        .where(eq(transferSettings.inquiryType, 6))
    )[0]?.last;

  it('gives the repeat to the open lead’s holder, without a second brochure or callback, and leaves the rotation where it was', async () => {
    const customer = { companyName: '(주)반복상사', email: 'again@repeat.example' };
    const original = await finishLead(customer);
    expect(original.assignee?.id).toBe(first.id);
    expect(original).toMatchObject({ repeatOf: null, brochure: { status: 'queued', sentWith: null } });
    expect(await cursor()).toBe(first.id);

    // The same customer, their company typed another way and the address in other case.
    const repeat = await finishLead({ companyName: '반복 상사', email: 'Again@Repeat.example' });
    expect(repeat.assignee?.id).toBe(first.id);
    expect(repeat.repeatOf).toEqual({ id: original.id, number: original.number });
    expect(repeat.brochure).toMatchObject({
      status: 'none',
      // Still waiting in the outbox (no SMTP here): the customer is about to get it.
      sentWith: { id: original.id, number: original.number, status: 'queued' },
    });
    // One call to the customer: the first lead's, already due and reminded.
    expect(repeat.callback).toMatchObject({ state: 'none', dueAt: null });
    expect(await remindersOf(repeat.id)).toEqual([]);
    expect(await brochuresTo('again@repeat.example')).toHaveLength(1);
    expect(await cursor()).toBe(first.id);

    // The transfer's history says why it went to that person, not to the rotation.
    const transfer = await t.app.inject({
      method: 'GET',
      url: `/api/v1/transfers/${repeat.transferId}`,
      headers: admin.headers,
    });
    expect(transfer.json().history[0].summary).toContain('진행 중인 가입 리드 담당자');

    // The next customer gets the next member, as if the repeat had not been filed.
    const other = await finishLead({ companyName: '다른상사', email: 'other@else.example' });
    expect(other.assignee?.id).toBe(second.id);
    expect(other).toMatchObject({ repeatOf: null, brochure: { status: 'queued', sentWith: null } });
    expect(other.callback.state).toBe('scheduled');
  });

  it('does the same for POST /leads, and shows the link on the lead and in the list', async () => {
    const customer = { companyName: '연동상사', email: 'api@repeat.example' };
    const original = await postLead(customer);
    const holder = original.assignee?.id;
    expect(holder).toBe(third.id);
    const repeat = await postLead(customer);
    expect(repeat).toMatchObject({
      assignee: { id: holder },
      repeatOf: { id: original.id, number: original.number },
      brochure: { status: 'none', sentWith: { id: original.id } },
      callback: { state: 'none' },
    });
    expect(await brochuresTo('api@repeat.example')).toHaveLength(1);
    expect(await cursor()).toBe(third.id);

    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/leads/${repeat.id}`,
      headers: admin.headers,
    });
    expect(read.json()).toMatchObject({ repeatOf: { number: original.number } });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/leads?limit=100',
      headers: admin.headers,
    });
    const listed: LeadView[] = list.json().items;
    expect(listed.find((lead) => lead.id === repeat.id)?.repeatOf?.id).toBe(original.id);
    expect(listed.find((lead) => lead.id === original.id)?.repeatOf).toBeNull();
  });

  it('sends the brochure again when the first one failed, still to the same holder', async () => {
    const customer = { companyName: '실패상사', email: 'bounce@repeat.example' };
    const original = await finishLead(customer);
    const [mail] = await brochuresTo('bounce@repeat.example');
    if (!mail) throw new Error('no brochure queued');
    await t.ctx.database.db
      .update(emailOutbox)
      .set({ status: 'failed', lastError: '550 mailbox unavailable' })
      .where(eq(emailOutbox.id, mail.id));
    const repeat = await finishLead(customer);
    expect(repeat.assignee?.id).toBe(original.assignee?.id);
    expect(repeat).toMatchObject({
      repeatOf: { id: original.id },
      brochure: { status: 'queued', sentWith: null },
    });
    expect(await brochuresTo('bounce@repeat.example')).toHaveLength(2);
  });

  it('starts afresh once the first lead is won or its transfer closed: rotation, brochure, callback', async () => {
    const customer = { companyName: '재가입상사', email: 'won@repeat.example' };
    const original = await finishLead(customer);
    const holder = users().find((user) => user.id === original.assignee?.id);
    if (!holder) throw new Error('no holder');
    const won = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${original.id}/callback-outcome`,
      headers: holder.headers,
      payload: { outcome: 'signed-up', note: '' },
    });
    expect(won.statusCode, won.body).toBe(200);
    const before = await cursor();
    const after = await finishLead(customer);
    expect(after.repeatOf).toBeNull();
    expect(after.assignee?.id).not.toBe(before);
    expect(after.brochure).toMatchObject({ status: 'queued', sentWith: null });
    expect(after.callback.state).toBe('scheduled');
    expect(await remindersOf(after.id)).toHaveLength(1);
    // The first lead's brochure, still waiting for SMTP when that lead was won, was withdrawn
    // (recordCallbackOutcome): the new lead's is the one to the address.
    expect(await brochuresTo('won@repeat.example')).toHaveLength(1);

    // Its transfer closed (종결) on its own, as the workflow allowed before the lead's outcome had
    // to close it (QA M3): no longer the customer's open lead either.
    await t.ctx.database.db
      .update(transfers)
      .set({ status: 'closed', closedAt: new Date() })
      .where(eq(transfers.id, after.transferId));
    const afterClosed = await finishLead(customer);
    expect(afterClosed.repeatOf).toBeNull();
    expect(afterClosed.brochure.status).toBe('queued');
  });

  it('leaves another customer of the same company, or the same address at another company, alone', async () => {
    const original = await finishLead({ companyName: '공유상사', email: 'shared@repeat.example' });
    const colleague = await finishLead({ companyName: '공유상사', email: 'colleague@repeat.example' });
    const otherCompany = await finishLead({ companyName: '별도상사', email: 'shared@repeat.example' });
    for (const lead of [colleague, otherCompany]) {
      expect(lead.repeatOf).toBeNull();
      expect(lead.brochure).toMatchObject({ status: 'queued', sentWith: null });
      expect(lead.callback.state).toBe('scheduled');
    }
    expect(colleague.assignee?.id).not.toBe(original.assignee?.id);
  });

  it('makes all but one of the first leads of a customer filed at the same moment repeats of that one', async () => {
    // Two agents (or the chatbot and an agent) taking the same customer at once: on PostgreSQL the
    // filings overlap, and each would find no open lead without the lock on the address.
    const customer = { companyName: '동시상사', email: 'twice@repeat.example' };
    const filed = await Promise.all([finishLead(customer), finishLead(customer), finishLead(customer)]);
    const originals = filed.filter((lead) => lead.repeatOf === null);
    expect(originals).toHaveLength(1);
    const [original] = originals;
    for (const repeat of filed.filter((lead) => lead !== original)) {
      expect(repeat.repeatOf).toEqual({ id: original?.id, number: original?.number });
      expect(repeat.assignee?.id).toBe(original?.assignee?.id);
    }
    expect(await brochuresTo('twice@repeat.example')).toHaveLength(1);
  });

  it('goes to the rotation with its own callback when the holder was disabled, but sends no second brochure', async () => {
    const customer = { companyName: '퇴사상사', email: 'left@repeat.example' };
    const original = await finishLead(customer);
    const holderId = original.assignee?.id;
    // Disabled with their open work left with them (flagged): nobody works the first lead now.
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${holderId}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const repeat = await finishLead(customer);
    expect(repeat.assignee?.id).not.toBe(holderId);
    expect(repeat.assignee).not.toBeNull();
    expect(repeat).toMatchObject({
      repeatOf: { id: original.id },
      brochure: { status: 'none', sentWith: { id: original.id } },
      callback: { state: 'scheduled' },
    });
    expect(await remindersOf(repeat.id)).toHaveLength(1);
    expect(await brochuresTo('left@repeat.example')).toHaveLength(1);
  });

  function users(): User[] {
    return [first, second, third];
  }
});
