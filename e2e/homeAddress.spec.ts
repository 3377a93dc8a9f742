import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// Whoever's home screen is not the console lands on that screen's own address, so a bookmark
// and the header's mark of the screen shown agree with what is on screen.
test.describe('home addresses', { tag: '@open' }, () => {
  test('the business team lands on /queue after signing in, and / takes them there too', async ({ page }) => {
    await consoleActions.signIn(page, e2eUsers.backoffice);
    await expect(page).toHaveURL(/\/queue$/);
    await expect(page.getByTestId('tab-transfers')).toHaveAttribute('aria-selected', 'true');
    const queueLink = page.getByTestId('nav-queue');
    await expect(queueLink).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('nav-funnel-header')).not.toHaveAttribute('aria-current', 'page');

    // A bookmark of / (or the permission page's way home) is replaced by /queue: Back does not
    // return to /.
    await page.goto('/funnel');
    await expect(page.getByTestId('nav-funnel-header')).toHaveAttribute('aria-current', 'page');
    await page.goto('/');
    await expect(page).toHaveURL(/\/queue$/);
    await expect(queueLink).toHaveAttribute('aria-current', 'page');
    await page.goBack();
    await expect(page).toHaveURL(/\/funnel$/);
  });

  test('a supervisor lands on /dashboard; an agent stays on / with the console', async ({
    browser,
    baseURL,
  }) => {
    const options = { baseURL, locale: 'ko-KR', timezoneId: 'Asia/Seoul' };
    const supervisor = await browser.newPage(options);
    await consoleActions.signIn(supervisor, e2eUsers.supervisor);
    await expect(supervisor).toHaveURL(/\/dashboard$/);
    await expect(supervisor.getByTestId('nav-dashboard')).toHaveAttribute('aria-current', 'page');
    await supervisor.close();

    const agent = await browser.newPage(options);
    await consoleActions.signIn(agent, e2eUsers.agent);
    await expect(agent).toHaveURL(/\/$/);
    await consoleActions.expectStartPanelReady(agent);
    await agent.close();
  });
});
