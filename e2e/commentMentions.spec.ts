import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

/** The agent files a transfer through the API (its filer can be mentioned on it); returns its id. */
async function fileTransfer(browser: Browser, baseURL: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    const login = await context.request.post('/api/v1/auth/login', {
      data: { email: e2eUsers.agent.email, password: e2eUsers.agent.password },
    });
    expect(login.ok(), await login.text()).toBe(true);
    const filed = await context.request.post('/api/v1/transfers', {
      headers: { 'x-csrf-token': (await login.json()).csrfToken },
      data: {
        inquiryType: 2,
        channel: 'call',
        companyName: '멘션상사',
        contactName: '홍길동',
        phone: '010-5555-6666',
        inquiry: '멘션 자동 완성 점검용 이관',
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    return (await filed.json()).id;
  } finally {
    await context.close();
  }
}

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help}`),
    `${state}: accessibility violations`,
  ).toEqual([]);
}

// Comments do not depend on the clock; the open server.
test.describe('@mentions in a transfer comment', { tag: '@open' }, () => {
  test('typing @ offers people, picked with the keyboard; a mention of nobody is flagged before and after posting', async ({
    page,
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const transferId = await fileTransfer(browser, baseURL);
    await consoleActions.signIn(page, e2eUsers.backoffice);
    await page.goto(`/queue?transfer=${transferId}`);
    const drawer = page.getByTestId('transfer-drawer');
    await expect(drawer.getByTestId('drawer-status')).toBeVisible();

    // C focuses the box; a bare @ lists everyone who can be mentioned, the first one active.
    await page.keyboard.press('c');
    const box = drawer.getByTestId('comment-input');
    await expect(box).toBeFocused();
    await page.keyboard.type('확인 부탁드립니다 @');
    const list = page.getByRole('listbox', { name: '멘션할 사람' });
    await expect(list).toBeVisible();
    const options = list.getByRole('option');
    // The filer (an agent) is among them; agents who cannot open the transfer are not.
    await expect(list.getByRole('option', { name: new RegExp(e2eUsers.agent.name) })).toBeVisible();
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? '');
    await expect(box).toHaveAttribute(
      'aria-activedescendant',
      (await options.first().getAttribute('id')) ?? '',
    );
    await expectNoAxeViolations(page, 'mention list open');

    // ↓ moves the active option and ↑ back; typing narrows the list; Tab picks.
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.type('이관');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText(e2eUsers.admin.name);
    await page.keyboard.press('Tab');
    await expect(box).toHaveValue(`확인 부탁드립니다 @${e2eUsers.admin.name} `);
    await expect(box).toBeFocused();
    await expect(list).toHaveCount(0);

    // 초성 narrow it too, and Enter picks instead of breaking the line.
    await page.keyboard.type('@ㅈㄱ');
    await expect(options.first()).toContainText(e2eUsers.supervisor.name);
    await page.keyboard.press('Enter');
    await expect(box).toHaveValue(`확인 부탁드립니다 @${e2eUsers.admin.name} @${e2eUsers.supervisor.name} `);

    // Esc closes the list and leaves the drawer open; Enter then breaks the line as usual.
    await page.keyboard.type('@김');
    await expect(list).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(drawer.getByTestId('drawer-status')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`transfer=${transferId}`));
    await expect(box).toBeFocused();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');

    // An @word that names nobody is flagged under the box; posting is still allowed.
    await page.keyboard.type('@없는사람 도 봐주세요');
    await expect(drawer.getByTestId('unresolved-mentions')).toHaveText(
      '@없는사람: 멘션할 수 있는 사람 중에 없습니다. 이대로 올리면 글자로만 남고 아무에게도 알림이 가지 않습니다.',
    );
    await page.keyboard.press('Control+Enter');
    const posted = drawer.getByTestId('transfer-comment-body').last();
    await expect(posted).toHaveText(
      `확인 부탁드립니다 @${e2eUsers.admin.name} @${e2eUsers.supervisor.name} \n@없는사람 도 봐주세요`,
    );
    await expect(drawer.getByTestId('transfer-comments')).toContainText(
      `멘션: ${e2eUsers.admin.name}, ${e2eUsers.supervisor.name}`,
    );
    await expect(drawer.getByTestId('comment-unresolved-notice')).toHaveText(
      '댓글을 올렸습니다. @없는사람은(는) 아무에게도 알리지 않았습니다.',
    );
    await expect(box).toHaveValue('');
    await expect(drawer.getByTestId('unresolved-mentions')).toHaveCount(0);
  });
});
