import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// Where focus is when a screen opens: a keyboard or screen-reader user starts at the screen's
// heading, not at <body> (from where Tab walks the header's links first).
test.describe('focus on arrival', { tag: '@open' }, () => {
  test("after sign-in the queue's heading has focus, named by its title alone, and the letter keys still work", async ({
    page,
  }) => {
    await consoleActions.signIn(page, e2eUsers.backoffice);
    await expect(page).toHaveURL(/\/queue/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeFocused();
    await expect(heading).toHaveAccessibleName('이관 큐');
    // The queue's keys work from the heading as from anywhere outside a field: D shows the callbacks due.
    await page.keyboard.press('d');
    await expect(page).toHaveURL(/\/queue\?view=leads&filter=due$/);
  });
});
