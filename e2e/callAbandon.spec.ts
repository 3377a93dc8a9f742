import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';

test.describe('an idle call', { tag: '@open' }, () => {
  test('becomes abandoned: the console lets go of it, 최근 상담 hides it, and its address no longer resumes it', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('n');
    await page.keyboard.type('통화 중 끊김');
    await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
    await expect(page).toHaveURL(/[?&]consultation=/);
    const id = new URL(page.url()).searchParams.get('consultation');
    if (!id) throw new Error('the call has no address');

    // The controlled clock of the test server (e2e/README.md): this call's last activity moves
    // 121 minutes back and the idle sweep runs (IEUM_ABANDON_AFTER_MINUTES is 120).
    const csrfToken: string = await page.evaluate(
      async () => (await (await fetch('/api/v1/auth/session')).json()).csrfToken,
    );
    const idle = await page.request.post(`/api/v1/test/consultations/${id}/idle`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { minutes: 121 },
    });
    expect(idle.status()).toBe(200);
    expect(await idle.json()).toMatchObject({ status: 'abandoned' });

    // The live event returns the console to the start panel with the reason.
    await expect(page.getByTestId('console-error')).toContainText('오래 활동이 없어 중단된 상담입니다');
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await expect(page).not.toHaveURL(/consultation=/);

    // Kept for reports, hidden from 최근 상담 and from the calls in progress.
    expect((await consoleActions.recentConsultations(page)).some((item) => item.id === id)).toBe(false);
    const withAbandoned: { items: Array<{ id: string; status: string }> } = await page.evaluate(async () => {
      const response = await fetch('/api/v1/consultations?scope=mine&limit=20&includeAbandoned=true');
      return response.json();
    });
    expect(withAbandoned.items.find((item) => item.id === id)?.status).toBe('abandoned');
    await expect(page.getByTestId('resume-calls').locator(`[data-consultation-id="${id}"]`)).toHaveCount(0);

    // Its address, opened again (a stale tab, a bookmark), says so instead of resuming.
    await page.goto(`/?consultation=${id}`);
    await expect(page.getByTestId('resume-problem')).toContainText('이미 저장되었거나 중단된 상담');
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
  });
});
