import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { type AdminApi, adminApi } from './adminApi.ts';
import { businessTeamHolding } from './businessTeamHolding.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

/**
 * A business-team account disabled without a hand-over — as every account was before disabling
 * asked — still holding `count` open transfers; returns its e-mail and their numbers.
 */
async function disabledHolding(
  admin: AdminApi,
  name: string,
  count: number,
): Promise<{ email: string; numbers: string[] }> {
  const { id, email, numbers } = await businessTeamHolding(admin, name, count);
  const disabled = await admin.api.patch(`/api/v1/users/${id}`, {
    headers: admin.headers,
    data: { disabled: true },
  });
  expect(disabled.ok(), await disabled.text()).toBe(true);
  return { email, numbers };
}

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
    `${state}: accessibility violations`,
  ).toEqual([]);
}

// Accounts do not depend on the clock; the open server. The accounts made here are disabled
// business-team members, which no other spec counts on.
test.describe('handing over what a disabled account still holds', { tag: '@open' }, () => {
  test('the accounts list says how much and hands it over from the keyboard', async ({ page, baseURL }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const member = await disabledHolding(admin, '세비즈', 2);
    await admin.api.dispose();

    await consoleActions.signIn(page, e2eUsers.admin);
    await page.goto('/admin');
    const row = page.getByTestId('accounts').locator(`tr[data-email="${member.email}"]`);
    await expect(row.getByTestId('account-open-items')).toHaveText('열린 이관 2건 · 가입 리드 0건 담당 중');
    const handOver = row.getByRole('button', { name: '담당 건 넘기기' });
    // Reached with Tab from the button before it, opened with Enter.
    await row.getByRole('button', { name: '다시 사용' }).focus();
    await page.keyboard.press('Tab');
    await expect(handOver).toBeFocused();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: '세비즈 님의 담당 건 넘기기' });
    await expect(dialog.getByTestId('hand-over-held')).toHaveText(
      '사용 중지된 세비즈 님이 아직 담당 중인 열린 이관 2건, 가입 리드 0건이 있습니다. 사용 중지 전부터 맡았거나 그 뒤에 배정된 건입니다.',
    );
    const rotation = dialog.getByRole('radio', { name: '담당 순번대로 다른 담당자에게 넘기기' });
    await expect(rotation).toBeChecked();
    await expect(rotation).toBeFocused();
    await expectNoAxeViolations(page, 'hand-over dialog');

    // ↓ picks "unassigned", Enter confirms; the answer says how many moved and where.
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: '미배정으로 돌려놓기' })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('account-handed-over')).toHaveText(
      '세비즈 님의 이관 2건·가입 리드 0건을 넘겼습니다. 0건은 담당 순번대로 넘기고 2건은 미배정으로 두었습니다.',
    );
    // Nothing left to hand over: the count and the button are gone; the account stays disabled.
    await expect(row.getByTestId('account-open-items')).toHaveCount(0);
    await expect(row.getByRole('button', { name: '담당 건 넘기기' })).toHaveCount(0);
    await expect(row).toContainText('사용 중지');
    // The button that had focus is gone: focus is on the result, which the status region announces —
    // not on the page body.
    await expect(page.getByRole('status').getByTestId('account-handed-over')).toBeFocused();

    await page.goto('/queue');
    for (const number of member.numbers) {
      const queued = page.getByTestId('transfer-queue').locator(`tr[data-number="${number}"]`);
      await expect(queued).toContainText('미배정');
    }
  });

  test('in English, Esc cancels and the hand-over is worded in English', async ({ page, baseURL }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const member = await disabledHolding(admin, '네비즈', 1);
    await admin.api.dispose();

    await consoleActions.signIn(page, e2eUsers.admin);
    await page.goto('/admin');
    await consoleActions.switchLanguage(page, 'English');
    try {
      const row = page.getByTestId('accounts').locator(`tr[data-email="${member.email}"]`);
      await expect(row.getByTestId('account-open-items')).toHaveText(
        'Holds 1 open transfer · 0 sign-up leads',
      );
      await row.getByRole('button', { name: 'Hand over work' }).click();
      const dialog = page.getByRole('dialog', { name: 'Hand over the work of 네비즈' });
      await expect(dialog.getByTestId('hand-over-held')).toContainText(
        'still holds 1 open transfer and 0 open',
      );
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(row.getByTestId('account-open-items')).toBeVisible();

      await row.getByRole('button', { name: 'Hand over work' }).click();
      await expect(dialog.getByRole('radio', { name: 'Put them back unassigned' })).toBeVisible();
      await dialog.getByRole('radio', { name: 'Put them back unassigned' }).check();
      await dialog.getByRole('button', { name: 'Hand over' }).click();
      await expect(page.getByTestId('account-handed-over')).toHaveText(
        'Handed over 1 transfer and 0 sign-up leads of 네비즈: 0 went to the next people in rotation and 1 was left unassigned.',
      );
      await expect(row.getByRole('button', { name: 'Hand over work' })).toHaveCount(0);
      await expect(page.getByTestId('account-handed-over')).toBeFocused();
    } finally {
      await consoleActions.switchLanguage(page, '한국어');
    }
  });
});
