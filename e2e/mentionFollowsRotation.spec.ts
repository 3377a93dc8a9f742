import { expect, request, test } from '@playwright/test';
import { adminApi } from './adminApi.ts';
import { consoleActions } from './consoleActions.ts';

// QA-6 L3. Type 5 (교통유발금 서류 요청, the Q1 script) is no other spec's: its rotation is this spec's own.
test.describe("the transfer form's mention", { tag: '@closed' }, () => {
  test('follows the rotation while the form is open: a colleague files the type, the next in turn is named', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const stamp = Date.now();
    const person = (key: string, name: string, role: 'agent' | 'backoffice') => ({
      email: `rotation.${key}.${stamp}@ieum.test`,
      name: `${name}${stamp % 1000}`,
      password: `ieum-e2e-rotation-${key}-2026`,
      role,
    });
    const first = person('first', '순번하나', 'backoffice');
    const second = person('second', '순번둘', 'backoffice');
    const watcher = person('watcher', '보는상담', 'agent');
    const colleague = person('colleague', '옆자리상담', 'agent');
    const ids: Record<string, string> = {};
    for (const user of [first, second, watcher, colleague]) {
      const created = await admin.api.post('/api/v1/users', { headers: admin.headers, data: user });
      expect(created.status(), await created.text()).toBe(201);
      ids[user.email] = (await created.json()).id;
    }
    const rotation = await admin.api.put('/api/v1/transfer-settings/assignees', {
      headers: admin.headers,
      data: {
        assignees: [{ userId: ids[first.email] }, { userId: ids[second.email] }],
        types: [{ inquiryType: 5 }],
      },
    });
    expect(rotation.status(), await rotation.text()).toBe(200);

    // The agent's call reaches the transfer form: it names the next in turn.
    await consoleActions.signIn(page, watcher);
    await page.goto('/?caller=010-2323-4545');
    await consoleActions.startAndPick(page, 5);
    await page.keyboard.press('n');
    await page.keyboard.type('교통유발금 납부 확인서 요청');
    await page.keyboard.press('Enter');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer');
    await page.keyboard.press('Enter');
    const mention = page.getByTestId('transfer-mention');
    await expect(mention).toContainText(`@${first.name}`);

    // A colleague files a transfer of the same type meanwhile: it goes to the first in turn…
    const colleagueApi = await request.newContext({ baseURL });
    const login = await colleagueApi.post('/api/v1/auth/login', {
      data: { email: colleague.email, password: colleague.password },
    });
    expect(login.ok(), await login.text()).toBe(true);
    const filed = await colleagueApi.post('/api/v1/transfers', {
      headers: { 'x-csrf-token': (await login.json()).csrfToken },
      data: { inquiryType: 5, contactName: '김철수', phone: '010-5656-7878', inquiry: '교통유발금 서류' },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    expect((await filed.json()).assignee?.name).toBe(first.name);
    await colleagueApi.dispose();

    // …and the open form now names the next one, before the agent saves anything.
    await expect(mention).toContainText(`@${second.name}`);
    await expect(mention).not.toContainText(first.name);

    // An admin takes the second out of the rotation: the form follows that too.
    const changed = await admin.api.put('/api/v1/transfer-settings/assignees', {
      headers: admin.headers,
      data: { assignees: [{ userId: ids[first.email] }], types: [{ inquiryType: 5 }] },
    });
    expect(changed.status(), await changed.text()).toBe(200);
    await expect(mention).toContainText(`@${first.name}`);
    await admin.api.dispose();
  });
});
