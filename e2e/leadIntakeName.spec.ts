import { expect, type Page, test } from '@playwright/test';
import { INVALID_PERSON_NAME_MESSAGE } from '../src/domain/privacy/validatePersonName.ts';
import { consoleActions } from './consoleActions.ts';

const intakeBox = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

// The rule the chatbot applies to 담당자 is the console intake's own: a number is no name.
test.describe('the sign-up intake’s 담당자', { tag: '@open' }, () => {
  test('a number is refused inline as no name; a name is taken', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 6);
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q4-consent');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q4-lead-details');
    await page.keyboard.type('이음상사');
    await page.keyboard.press('Enter');
    await expect(intakeBox(page, '담당자')).toBeFocused();
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await expect(intakeBox(page, '담당자')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('lead-intake')).toContainText(INVALID_PERSON_NAME_MESSAGE);

    await intakeBox(page, '담당자').fill('김민지');
    await expect(intakeBox(page, '담당자')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('lead-intake')).not.toContainText(INVALID_PERSON_NAME_MESSAGE);
  });
});
