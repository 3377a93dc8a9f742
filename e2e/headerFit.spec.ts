import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// The header carries the hours badge, every screen's link for an admin, the user and the language
// switch; in English the words are longest, and after hours the badge adds the next opening. It
// must fit the agents' 1440×900 screens in both states (the @open and @closed servers).
test.describe('the header', { tag: ['@open', '@closed'] }, () => {
  test('the header fits at 1440×900 in English for an admin, whose header is the longest: nothing clipped or wrapped', async ({
    page,
  }) => {
    await consoleActions.signIn(page, e2eUsers.admin);
    await consoleActions.switchLanguage(page, 'English');
    try {
      for (const path of ['/', '/admin', '/queue', '/dashboard', '/privacy', '/funnel']) {
        await page.goto(path);
        await expect(page.getByTestId('current-user')).toContainText('Admin');
        await expect(page.getByTestId('business-hours')).toBeVisible({ timeout: 30_000 });
        const problems = await page.getByRole('banner').evaluate((header) => {
          const found: string[] = [];
          if (header.scrollWidth > header.clientWidth + 1)
            found.push(`header overflows by ${header.scrollWidth - header.clientWidth}px`);
          const texts = header.querySelectorAll<HTMLElement>(
            '[data-testid="header-logo"], .mantine-Button-label, .mantine-Badge-label, [data-testid="current-user"], [data-testid="business-hours"] > p',
          );
          for (const element of texts) {
            const text = element.textContent?.trim() ?? '';
            if (element.scrollWidth > element.clientWidth + 1) found.push(`clipped: ${text}`);
            const style = getComputedStyle(element);
            const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.6;
            // (A button's label fills the button's height and never wraps: clipping is its failure.)
            const wraps = !element.classList.contains('mantine-Button-label');
            if (wraps && element.getBoundingClientRect().height > lineHeight * 1.5)
              found.push(`wrapped: ${text}`);
          }
          return found;
        });
        if (process.env.IEUM_E2E_SHOT)
          await page.screenshot({ path: `/tmp/header${path.replace('/', '-')}.png` });
        expect(problems, path).toEqual([]);
      }
    } finally {
      await consoleActions.switchLanguage(page, '한국어');
    }
  });
});
