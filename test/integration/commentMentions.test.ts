import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transferEventSchema } from '../../src/contract/events/transferEventSchema.ts';
import { transferWebhookCommentSchema } from '../../src/contract/webhooks/transferWebhookCommentSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { openEventStream } from '../helpers/openEventStream.ts';
import { readOutbox } from '../helpers/readOutbox.ts';
import { startWebhookReceiver, type TestWebhookReceiver } from '../helpers/startWebhookReceiver.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type Candidate = { id: string; name: string; handle: string; role: string };

describe.each(testBackends())('@mentions in transfer comments on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let filer: User;
  let otherAgent: User;
  let teammate: User;
  let leaver: User;
  let supervisor: User;
  let transferId: string;
  let masked: TestWebhookReceiver;
  let trusted: TestWebhookReceiver;
  const names = new Map<string, string>();

  beforeAll(async () => {
    masked = await startWebhookReceiver();
    trusted = await startWebhookReceiver();
    t = await buildTestApp(backend, { IEUM_WEBHOOK_ALLOW_PRIVATE: 'true' });
    admin = await t.userWithToken('admin');
    filer = await t.userWithToken('agent');
    otherAgent = await t.userWithToken('agent');
    teammate = await t.userWithToken('backoffice', `teammate-${backend.name}@ieum.test`);
    leaver = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
    const accounts: Array<{ id: string; name: string }> = (await inject(admin, 'GET', '/api/v1/users')).json()
      .items;
    for (const account of accounts) names.set(account.id, account.name);
    for (const [receiver, includePersonalData] of [
      [masked, false],
      [trusted, true],
    ] as const) {
      const hook = await inject(admin, 'POST', '/api/v1/webhooks', {
        url: receiver.url,
        eventTypes: ['transfer.commented'],
        includePersonalData,
      });
      expect(hook.statusCode, hook.body).toBe(201);
    }
    const disabled = await inject(admin, 'PATCH', `/api/v1/users/${leaver.id}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const filed = await inject(filer, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      companyName: '이음상사',
      contactName: '홍길동',
      phone: '010-1234-5678',
      inquiry: '정산 내역 확인 요청',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    transferId = filed.json().id;
  });
  afterAll(async () => {
    await t?.close();
    await masked?.stop().catch(() => {});
    await trusted?.stop().catch(() => {});
  });

  function inject(user: User, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
  }
  const nameOf = (user: User) => names.get(user.id) ?? '';
  const comment = (user: User, body: string) =>
    inject(user, 'POST', `/api/v1/transfers/${transferId}/comments`, { body });

  it('lists who can be mentioned: the active team, supervisors, admins and the filer', async () => {
    const answer = await inject(teammate, 'GET', `/api/v1/transfers/${transferId}/mention-candidates`);
    expect(answer.statusCode, answer.body).toBe(200);
    const items: Candidate[] = answer.json().items;
    const ids = items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([admin.id, filer.id, teammate.id, supervisor.id]));
    expect(ids).not.toContain(otherAgent.id);
    expect(ids).not.toContain(leaver.id);
    expect(items.find((item) => item.id === teammate.id)).toEqual({
      id: teammate.id,
      name: nameOf(teammate),
      handle: `teammate-${backend.name}`,
      role: 'backoffice',
    });
    // The filer comments on their own transfer; another agent cannot open it.
    expect(
      (await inject(filer, 'GET', `/api/v1/transfers/${transferId}/mention-candidates`)).statusCode,
    ).toBe(200);
    const hidden = await inject(otherAgent, 'GET', `/api/v1/transfers/${transferId}/mention-candidates`);
    expect(hidden.statusCode).toBe(404);
  });

  it('says which @words named nobody, saves them as text and notifies only those named', async () => {
    const before = (await readOutbox(t.ctx)).length;
    const posted = await comment(
      filer,
      `@${nameOf(teammate)}님 확인 부탁드립니다. @없는사람 봐주세요, @${nameOf(leaver)} @${nameOf(otherAgent)} 회신은 hong@example.com`,
    );
    expect(posted.statusCode, posted.body).toBe(201);
    const body = posted.json();
    expect(body.mentions).toEqual([{ id: teammate.id, name: nameOf(teammate) }]);
    // A disabled account and an agent who cannot open the transfer are nobody to mention; an
    // e-mail address is not a mention. What names nobody is reported up to the first space.
    expect(body.unresolvedMentions).toEqual([
      '없는사람',
      nameOf(leaver).split(' ')[0],
      nameOf(otherAgent).split(' ')[0],
    ]);
    const mails = (await readOutbox(t.ctx)).slice(before);
    expect(mails.map((mail) => mail.toAddress)).toEqual([`teammate-${backend.name}@ieum.test`]);

    const alone = await comment(teammate, '@없는사람 봐주세요');
    expect(alone.statusCode).toBe(201);
    expect(alone.json()).toMatchObject({ mentions: [], unresolvedMentions: ['없는사람'] });
    const clean = await comment(teammate, `@${teammate.email.split('@')[0]} 메모`);
    expect(clean.json()).toMatchObject({ unresolvedMentions: [] });

    // The detail's comments keep their shape: the mention that went nowhere is plain text there.
    const detail = (await inject(teammate, 'GET', `/api/v1/transfers/${transferId}`)).json();
    const saved = detail.comments.find((entry: { id: string }) => entry.id === alone.json().id);
    expect(saved).toMatchObject({ body: '@없는사람 봐주세요', mentions: [] });
    expect(saved).not.toHaveProperty('unresolvedMentions');
  });

  it('tells webhook subscribers which @words named nobody, masked as the body is without personal data', async () => {
    const posted = await comment(filer, `@${nameOf(teammate)} @홍길동 님께 회신 부탁, @없는사람 참고`);
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json().unresolvedMentions).toEqual(['홍길동', '없는사람']);
    await t.runJobs();
    const commentTo = async (receiver: TestWebhookReceiver) => {
      await expect
        .poll(() => receiver.received.some((delivery) => delivery.body.includes(posted.json().id)), {
          timeout: 5_000,
        })
        .toBe(true);
      const sent = receiver.received
        .map((delivery) => JSON.parse(delivery.body))
        .find((body) => body.data.comment?.id === posted.json().id);
      return transferWebhookCommentSchema.parse(sent?.data.comment);
    };
    expect(await commentTo(trusted)).toMatchObject({
      mentionedIds: [teammate.id],
      unresolvedMentions: ['홍길동', '없는사람'],
    });
    // 홍길동 is the transfer's contact: a subscription without personal data never reads the name.
    const maskedComment = await commentTo(masked);
    expect(maskedComment.unresolvedMentions).toEqual(['홍*동', '없는사람']);
    expect(maskedComment.body).toContain('@홍*동 님께');
  });

  it('carries the @words that named nobody on the live transfer.commented event, masked', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openEventStream(base, teammate.headers.authorization);
    try {
      const posted = await comment(filer, `@${nameOf(teammate)} @홍길동 님께 회신 부탁, @없는사람 참고`);
      expect(posted.statusCode, posted.body).toBe(201);
      await expect
        .poll(() => stream.events.some((event) => event.data.commentId === posted.json().id), {
          timeout: 5_000,
        })
        .toBe(true);
      const live = stream.events.find((event) => event.data.commentId === posted.json().id);
      expect(live?.type).toBe('transfer.commented');
      // The stream is read by every screen allowed the transfer: the contact's name stays masked.
      expect(transferEventSchema.parse(live?.data)).toMatchObject({
        mentionedIds: [teammate.id],
        unresolvedMentions: ['홍*동', '없는사람'],
      });
      const clean = await comment(filer, `@${nameOf(teammate)} 확인 부탁`);
      await expect
        .poll(() => stream.events.find((event) => event.data.commentId === clean.json().id)?.data, {
          timeout: 5_000,
        })
        .toMatchObject({ unresolvedMentions: [] });
    } finally {
      stream.close();
    }
  });

  it('lets a supervisor, who can be mentioned, answer in the thread (QA-10 M2: the box refused them with 403)', async () => {
    const reply = await inject(supervisor, 'POST', `/api/v1/transfers/${transferId}/comments`, {
      body: `@teammate-${backend.name} 우선 처리 부탁드립니다`,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(
      (await inject(supervisor, 'GET', `/api/v1/transfers/${transferId}/mention-candidates`)).statusCode,
    ).toBe(200);
  });
});
