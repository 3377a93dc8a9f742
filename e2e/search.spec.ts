import { expect, type Page, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eGuide } from './e2eGuide.ts';

/** The first node of the script an inquiry type opens: where Enter must land. */
function startNodeOf(inquiryTypeNumber: number): string {
  const type = e2eGuide.inquiryTypes.find((candidate) => candidate.number === inquiryTypeNumber);
  const script = e2eGuide.scripts.find((candidate) => candidate.id === type?.scriptId);
  if (!script) throw new Error(`no script for inquiry type ${inquiryTypeNumber}`);
  return script.start;
}

/** Enter on the start panel, then Shift+Tab from the type filter into 고객 말씀. */
async function startAndFocusCallerWords(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '문의 유형 선택' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '유형 검색' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('textbox', { name: '고객 말씀' })).toBeFocused();
}

// Sentences from content/guides/business-inquiry.heldout.json: the model never trained on them.
const unpaidSentence = '회사 건 미납분이 있다는데 금액이랑 내역 좀 알려주세요';

test.describe('search and suggestion', { tag: '@open' }, () => {
  test("typing the caller's words suggests the right type first, and Enter starts its script", async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await startAndFocusCallerWords(page);
    await page.keyboard.type(unpaidSentence);
    const suggestions = page.getByTestId('suggestion');
    await expect(suggestions).toHaveCount(3);
    await expect(suggestions.first()).toHaveAttribute('data-inquiry-type', '2');
    await expect(suggestions.first()).toContainText('미수금 문의');
    await expect(suggestions.first()).toContainText('Q3');
    await page.screenshot({ path: 'test-results/console-suggest.png' });
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, startNodeOf(2));
    // The caller's words are not typed twice: they start the record's 문의 내용.
    await page.keyboard.press('y');
    await expect(page.getByTestId('flow-outcome')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('record-inquiry')).toHaveValue(unpaidSentence);
  });

  test('a filter that matches nothing says to clear it before picking by number, and that works', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await page.keyboard.press('Enter');
    const search = page.getByRole('combobox', { name: '유형 검색' });
    await expect(search).toBeFocused();
    await page.keyboard.type('없는유형');
    const none = page.getByTestId('picker-none');
    await expect(none).toHaveText(
      '일치하는 유형이 없습니다. 다른 말로 찾거나, Ctrl+K로 가이드 전체를 검색하거나, 검색어를 지운 뒤 번호로 선택해 주세요.',
    );
    // With a search typed, a digit joins it rather than picking (as the message says).
    await page.keyboard.press('2');
    await expect(search).toHaveValue('없는유형2');
    await expect(none).toBeVisible();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect(none).toBeHidden();
    await page.keyboard.press('2');
    await consoleActions.expectNode(page, startNodeOf(2));
  });

  test('Ctrl+K from the type filter searches the whole guide for what was typed there', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: '유형 검색' })).toBeFocused();
    await page.keyboard.type('교통유발금');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog');
    await expect(palette.getByRole('combobox')).toHaveValue('교통유발금');
    await expect(palette.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    // Back in the filter, typing goes on where it was.
    const filter = page.getByRole('combobox', { name: '유형 검색' });
    await expect(filter).toBeFocused();
    await page.keyboard.type(' 서류');
    await expect(filter).toHaveValue('교통유발금 서류');
  });

  test("the type filter finds the types whose script lists what the caller said, though a word is not the guide's", async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: '유형 검색' })).toBeFocused();
    // Q1 lists "세금계산서, 교통유발금 서류 발행해 주세요."; 재발행 is not a word of the guide.
    await page.keyboard.type('세금계산서 재발행 요청');
    await expect(page.getByTestId('picker-none')).toBeHidden();
    const options = page.getByRole('option');
    await expect(options).toHaveCount(4);
    await expect(options.first()).toHaveAttribute('data-testid', 'inquiry-type-4');
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, startNodeOf(4));
  });

  test('Alt+2 accepts the second suggestion', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await startAndFocusCallerWords(page);
    await page.keyboard.type('교통유발금 서류 팩스로도 받을 수 있나요');
    const suggestions = page.getByTestId('suggestion');
    await expect(suggestions).toHaveCount(3);
    await expect(suggestions.first()).toHaveAttribute('data-inquiry-type', '5');
    const second = Number(await suggestions.nth(1).getAttribute('data-inquiry-type'));
    await page.keyboard.press('Alt+2');
    await consoleActions.expectNode(page, startNodeOf(second));
  });

  test('Ctrl+K with no call active: ㄱㅌㅇㅂㄱ finds 교통유발금, Enter starts a call on its script', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: '가이드 검색' });
    await expect(palette).toBeVisible();
    await expect(page.getByRole('combobox', { name: '가이드 검색어' })).toBeFocused();
    await page.keyboard.type('ㄱㅌㅇㅂㄱ');
    const first = page.getByTestId('search-hit').first();
    await expect(first).toContainText('교통유발금');
    await expect(first).toContainText('초성');
    await expect(first).toHaveAttribute('data-inquiry-type', '5');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: 'test-results/console-search.png' });
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await consoleActions.expectNode(page, startNodeOf(5));
    // The flow has the keys: Y answers the script's first question.
    await page.keyboard.press('y');
    await expect(page.getByTestId('flow-path')).toContainText('(Y)');
  });

  test('Ctrl+K mid-call: Esc closes without change; arrows and Enter switch to another script', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 6);
    await consoleActions.expectNode(page, startNodeOf(6));

    const palette = page.getByRole('dialog', { name: '가이드 검색' });
    await page.keyboard.press('Control+k');
    await expect(palette).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await consoleActions.expectNode(page, startNodeOf(6));

    await page.getByTestId('search-box').click();
    await expect(palette).toBeVisible();
    await page.keyboard.type('미수금');
    const hits = page.getByTestId('search-hit');
    await expect(hits.first()).toHaveAttribute('data-inquiry-type', '2');
    await expect(hits.nth(1)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(hits.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await consoleActions.expectNode(page, startNodeOf(2));
  });
});
