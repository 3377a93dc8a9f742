import { expect, request, test } from '@playwright/test';
import { q1TransferFinish, q1TransferPath } from '../test/helpers/q1TransferFinish.ts';
import { adminApi } from './adminApi.ts';
import { consoleActions } from './consoleActions.ts';

// On the @guides server: the @open server's queue specs count the transfers they see.
test.describe('a call saved on another screen while this one is being corrected', { tag: '@guides' }, () => {
  test('says that what was typed here may not be in the saved record, instead of a plain "saved"', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const agent = {
      email: `twotabs.${Date.now()}@ieum.test`,
      name: '두화면',
      password: 'ieum-e2e-twotabs-pass-2026',
    };
    const created = await admin.api.post('/api/v1/users', {
      headers: admin.headers,
      data: { ...agent, role: 'agent' },
    });
    expect(created.status(), await created.text()).toBe(201);
    await admin.api.dispose();

    // The agent's other screen (another tab or PC): the call, at its record, saved as a draft.
    const other = await request.newContext({ baseURL });
    const login = await other.post('/api/v1/auth/login', {
      data: { email: agent.email, password: agent.password },
    });
    expect(login.ok(), await login.text()).toBe(true);
    const headers = { 'x-csrf-token': (await login.json()).csrfToken };
    const started = await other.post('/api/v1/consultations', {
      headers,
      data: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(started.status(), await started.text()).toBe(201);
    const id: string = (await started.json()).id;
    const drafted = await other.put(`/api/v1/consultations/${id}/draft`, {
      headers,
      data: {
        revision: 1,
        draft: { ...q1TransferPath, collected: {}, record: q1TransferFinish.record, transfer: null },
      },
    });
    expect(drafted.ok(), await drafted.text()).toBe(true);

    // This screen resumes the same call and corrects the contact's name…
    await consoleActions.signIn(page, agent);
    await page.goto(`/?consultation=${id}`);
    const contactName = page.getByRole('textbox', { name: '담당자 이름', exact: true });
    await expect(contactName).toHaveValue(q1TransferFinish.record.contactName);
    await contactName.fill('박영희');
    // …as the other screen saves the call with the name it had.
    const finished = await other.post(`/api/v1/consultations/${id}/finish`, {
      headers: { ...headers, 'idempotency-key': `finish-${id}` },
      data: q1TransferFinish,
    });
    expect(finished.status(), await finished.text()).toBe(200);
    await contactName.press('Control+Enter');

    await expect(page.getByTestId('saved-confirmation')).toContainText('다른 탭이나 기기에서 저장했습니다', {
      timeout: 15_000,
    });
    await expect(page.getByTestId('console-error')).toHaveText(
      '다른 탭이나 기기에서 이 상담을 먼저 저장했습니다. 이 화면에서 입력하거나 저장하려던 내용은 반영되지 않았을 수 있으니 저장된 상담이력과 이관·리드를 확인하고, 다른 점은 댓글로 남기세요.',
    );
    await other.dispose();
  });
});
