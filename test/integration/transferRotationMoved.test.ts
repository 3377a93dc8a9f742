import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transferRotationMovedEventSchema } from '../../src/contract/events/transferRotationMovedEventSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { type EventStream, openEventStream } from '../helpers/openEventStream.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// QA-6 L3: an agent's transfer form previews who the filing will mention; a colleague's filing or
// an admin's settings change moved the rotation and the open form kept naming the old person.
describe.each(testBackends())('the transfer preview follows the rotation on $name', (backend) => {
  let t: TestApp;
  let base: string;
  let admin: User;
  let filer: User;
  let watcher: User;
  let supervisor: User;
  let first: User;
  let second: User;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    t = await buildTestApp(backend);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await t.userWithToken('admin');
    filer = await t.userWithToken('agent');
    watcher = await t.userWithToken('agent');
    supervisor = await t.userWithToken('supervisor');
    first = await t.userWithToken('backoffice');
    second = await t.userWithToken('backoffice');
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t?.close();
  });

  function inject(user: User, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
  }
  async function streamOf(user: User): Promise<EventStream> {
    const stream = await openEventStream(base, user.headers.authorization);
    streams.push(stream);
    return stream;
  }
  const rotationEvents = (stream: EventStream) =>
    stream.events.filter((event) => event.type === 'transfer.rotation-moved');
  async function previewedAssignee(user: User): Promise<string | null> {
    const answer = await inject(user, 'GET', '/api/v1/transfers/preview?inquiryType=4');
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json().assignee?.id ?? null;
  }

  it("tells agents and settings readers when an admin changes a type's rotation, and what type", async () => {
    const agentStream = await streamOf(watcher);
    const supervisorStream = await streamOf(supervisor);
    const assigned = await inject(admin, 'PUT', '/api/v1/transfer-settings/assignees', {
      assignees: [{ userId: first.id }, { userId: second.id }],
      types: [{ inquiryType: 4 }],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    for (const stream of [agentStream, supervisorStream]) {
      await expect
        .poll(() => rotationEvents(stream).map((event) => event.data), { timeout: 5_000 })
        .toEqual([{ guideId: 'business-inquiry', inquiryType: 4, at: expect.any(String) }]);
    }
    expect(await previewedAssignee(watcher)).toBe(first.id);
  });

  it("tells another agent that a colleague's filing turned the rotation, and nothing of the transfer", async () => {
    const agentStream = await streamOf(watcher);
    const backofficeStream = await streamOf(first);
    const before = await previewedAssignee(watcher);
    const filed = await inject(filer, 'POST', '/api/v1/transfers', {
      inquiryType: 4,
      companyName: '이음상사',
      contactName: '홍길동',
      phone: '010-1234-5678',
      inquiry: '정산 내역 확인 요청',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().assignee?.id).toBe(before);
    // The business team follows the transfer itself; the stored event now names its guide.
    await expect
      .poll(() => backofficeStream.events.find((event) => event.data.transferId === filed.json().id), {
        timeout: 5_000,
      })
      .toMatchObject({ type: 'transfer.filed', data: { guideId: 'business-inquiry', inquiryType: 4 } });
    const filing = backofficeStream.events.find((event) => event.data.transferId === filed.json().id);
    await expect.poll(() => rotationEvents(agentStream).length, { timeout: 5_000 }).toBe(1);
    const [moved] = rotationEvents(agentStream);
    // Under the filing's own id (a reconnect resumes after it), with the type alone.
    expect(moved?.id).toBe(filing?.id);
    expect(moved?.data).toEqual({ guideId: 'business-inquiry', inquiryType: 4, at: expect.any(String) });
    expect(transferRotationMovedEventSchema.safeParse(moved?.data).success).toBe(true);
    expect(agentStream.events.some((event) => event.type.startsWith('transfer.filed'))).toBe(false);
    expect(JSON.stringify(agentStream.events)).not.toContain(filed.json().id);
    // What the open form reads again now names the next person in turn.
    const after = await previewedAssignee(watcher);
    expect(after).not.toBe(before);
    expect([first.id, second.id]).toContain(after);
  });

  it('gives a reconnecting agent the rotation moves it missed, as it would have had them live', async () => {
    const probe = await streamOf(watcher);
    // The last event the agent's stream carried is where a reconnect resumes.
    const seed = await inject(filer, 'POST', '/api/v1/transfers', {
      inquiryType: 4,
      contactName: '김철수',
      phone: '010-2222-3333',
      inquiry: '한도 변경 요청',
    });
    expect(seed.statusCode, seed.body).toBe(201);
    await expect.poll(() => rotationEvents(probe).length, { timeout: 5_000 }).toBe(1);
    const lastSeen = rotationEvents(probe)[0]?.id ?? 0;
    probe.close();
    const missed = await inject(filer, 'POST', '/api/v1/transfers', {
      inquiryType: 4,
      contactName: '이영희',
      phone: '010-4444-5555',
      inquiry: '정산 문의',
    });
    expect(missed.statusCode, missed.body).toBe(201);
    const response = await fetch(`${base}/api/v1/events`, {
      headers: { ...watcher.headers, 'last-event-id': String(lastSeen) },
    });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (reader && !/event: transfer\.rotation-moved/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    await reader?.cancel();
    expect(text).toMatch(
      /event: transfer\.rotation-moved\ndata: \{"guideId":"business-inquiry","inquiryType":4,/,
    );
    expect(text).not.toContain('event: transfer.filed');
    expect(text).not.toContain(missed.json().id);
  });

  it("tells agents that an assignee's account was disabled by the types it moved, not by who left", async () => {
    const agentStream = await streamOf(watcher);
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${second.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    await expect
      .poll(() => rotationEvents(agentStream).map((event) => event.data.inquiryType), { timeout: 5_000 })
      .toEqual([4]);
    expect(agentStream.events.some((event) => event.type === 'user.access-changed')).toBe(false);
    expect(JSON.stringify(agentStream.events)).not.toContain(second.id);
    expect(await previewedAssignee(watcher)).toBe(first.id);
  });
});
