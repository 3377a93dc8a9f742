import { expect, request, test } from '@playwright/test';
import { q1TransferFinish } from '../test/helpers/q1TransferFinish.ts';
import { adminApi } from './adminApi.ts';
import { consoleActions } from './consoleActions.ts';

// On the @guides server: the @open server's queue specs count the transfers they see.
test.describe('a transfer handed on to a colleague', { tag: '@guides' }, () => {
  test('tells the assignee it was taken from, live on the queue', async ({ page, baseURL }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const stamp = Date.now();
    const person = (key: string, name: string, role: 'agent' | 'backoffice') => ({
      email: `reassigned.${key}.${stamp}@ieum.test`,
      name,
      password: `ieum-e2e-reassigned-${key}-2026`,
      role,
    });
    const first = person('first', '처음담당', 'backoffice');
    const second = person('second', '다음담당', 'backoffice');
    const agent = person('agent', '넘김상담', 'agent');
    const ids: Record<string, string> = {};
    for (const user of [first, second, agent]) {
      const created = await admin.api.post('/api/v1/users', { headers: admin.headers, data: user });
      expect(created.status(), await created.text()).toBe(201);
      ids[user.email] = (await created.json()).id;
    }

    // A transfer filed from a finished call, then given to the first assignee.
    const agentApi = await request.newContext({ baseURL });
    const login = await agentApi.post('/api/v1/auth/login', {
      data: { email: agent.email, password: agent.password },
    });
    const headers = { 'x-csrf-token': (await login.json()).csrfToken };
    const started = await agentApi.post('/api/v1/consultations', {
      headers,
      data: { channel: 'call', guideId: 'business-inquiry' },
    });
    const id: string = (await started.json()).id;
    const finished = await agentApi.post(`/api/v1/consultations/${id}/finish`, {
      headers: { ...headers, 'idempotency-key': `finish-${id}` },
      data: q1TransferFinish,
    });
    expect(finished.status(), await finished.text()).toBe(200);
    const transfer: { id: string; number: string } = (await finished.json()).transfer;
    const assign = (assigneeId: string) =>
      admin.api.post(`/api/v1/transfers/${transfer.id}/assign`, {
        headers: admin.headers,
        data: { assigneeId },
      });
    expect((await assign(ids[first.email] ?? '')).status()).toBe(200);

    // The first assignee works the queue; an admin hands the transfer on to a colleague.
    await consoleActions.signIn(page, first);
    await page.goto('/queue');
    await expect(page.locator(`[data-number="${transfer.number}"]`)).toBeVisible();
    expect((await assign(ids[second.email] ?? '')).status()).toBe(200);
    await expect(page.getByTestId('transfer-notice')).toContainText(
      `${transfer.number} 건의 담당이 바뀌어 내 담당 목록에서 빠졌습니다.`,
    );
    await agentApi.dispose();
    await admin.api.dispose();
  });
});
