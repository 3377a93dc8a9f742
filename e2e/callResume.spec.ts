import { expect, type Page, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';

const callerNumber = '010-2222-3333';

/** Waits until what the agent typed is saved as the call's draft (what a reload or another tab resumes). */
async function expectDraftSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
}

/** The call's id, from the address the console gives a call in progress. */
async function callIdOf(page: Page): Promise<string> {
  await expect(page).toHaveURL(/[?&]consultation=/);
  const id = new URL(page.url()).searchParams.get('consultation');
  if (!id) throw new Error('the call has no address');
  return id;
}

test.describe('a call survives reload, Back and a second tab', { tag: '@open' }, () => {
  test('reload mid-call resumes at the same step with the same typed text, and the call finishes', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page, `/?caller=${callerNumber}`);
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('n');
    await consoleActions.expectNode(page, 'q1-transfer-inquiry');
    const inquiry = page.getByRole('textbox', { name: '문의 내용', exact: true });
    await expect(inquiry).toBeFocused();
    await page.keyboard.type('세금계산서 재발행 요청');
    const id = await callIdOf(page);
    await expectDraftSaved(page);

    await page.reload();
    await consoleActions.expectNode(page, 'q1-transfer-inquiry');
    await expect(inquiry).toHaveValue('세금계산서 재발행 요청');
    await expect(inquiry).toBeFocused();
    expect(await callIdOf(page)).toBe(id);

    await page.keyboard.type(' (3월분)');
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'q1-callback-consent');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer');
    await page.keyboard.press('Enter');
    // The caller number came back with the call: the transfer has a way to reach the caller.
    await expect(page.getByTestId('record-phone')).toHaveValue(callerNumber);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('saved-confirmation')).toContainText('이관');
    await expect(page).toHaveURL(/\/$/);

    const [saved] = await consoleActions.recentConsultations(page);
    expect(saved?.id).toBe(id);
    expect(saved?.status).toBe('completed');
    expect(saved?.record?.body).toContain('ㄴ 문의 내용 : 세금계산서 재발행 요청 (3월분)');
  });

  test('Back mid-call keeps the call; leaving the app and coming Forward resumes it with the record as typed', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page, `/?caller=${callerNumber}`);
    await consoleActions.startAndPick(page, 9);
    await page.keyboard.press('n');
    await page.keyboard.type('PC 웹에서 택시 호출 설정 방법 문의');
    await page.keyboard.press('Enter');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer');
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('record-summary');
    await expect(summary).toBeFocused();
    await page.keyboard.type('택시 호출 설정 안내');
    const id = await callIdOf(page);
    await expectDraftSaved(page);

    // Back inside the app: the call stays on screen as it was.
    await page.goBack();
    await expect(page).not.toHaveURL(/consultation=/);
    await consoleActions.expectNode(page, 'q1-transfer');
    await expect(summary).toHaveValue('택시 호출 설정 안내');

    // Back again leaves the app; Forward twice returns to the call's address, which reopens it.
    await page.goBack();
    await expect(page).not.toHaveURL(/127\.0\.0\.1/);
    await page.goForward();
    await page.goForward();
    expect(await callIdOf(page)).toBe(id);
    await consoleActions.expectNode(page, 'q1-transfer');
    await expect(summary).toHaveValue('택시 호출 설정 안내');
    await expect(page.getByTestId('record-inquiry')).toHaveValue('PC 웹에서 택시 호출 설정 방법 문의');

    await page.getByTestId('flow-step').focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('saved-confirmation')).toBeVisible();
    const [saved] = await consoleActions.recentConsultations(page);
    expect(saved?.id).toBe(id);
    expect(saved?.record?.title).toBe('[비즈니스] 택시 호출 설정 안내');
  });

  test('a second tab shows the same call, follows it live, and either tab can finish it', async ({
    page,
    context,
  }) => {
    await consoleActions.loginByKeyboard(page, `/?caller=${callerNumber}`);
    // The second tab is open on the start panel before the call starts: its list of calls in
    // progress picks the new call up live.
    const second = await context.newPage();
    await second.goto('/');
    await expect(second.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();

    await page.bringToFront();
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('n');
    await page.keyboard.type('정산 내역 확인');
    const id = await callIdOf(page);
    await expectDraftSaved(page);

    const offer = second.getByTestId('resume-calls').locator(`[data-consultation-id="${id}"]`);
    await expect(offer).toContainText('관리자 기능 문의');
    // A tab opened now lists the call among the recent ones under the type its draft chose, not
    // as a call with no type: it has no record yet, but it is not an unknown call.
    const third = await context.newPage();
    await third.goto('/');
    const recentRow = third.getByTestId('recent-consultations').locator(`[data-consultation-id="${id}"]`);
    await expect(recentRow).toContainText('관리자 기능 문의');
    await expect(recentRow).toContainText('(작성 전)');
    await third.close();
    await offer.getByTestId('resume-call').click();
    await consoleActions.expectNode(second, 'q1-transfer-inquiry');
    const secondInquiry = second.getByRole('textbox', { name: '문의 내용', exact: true });
    await expect(secondInquiry).toHaveValue('정산 내역 확인');

    // Typing in the first tab shows in the second without a reload.
    await page.keyboard.type(' 요청');
    await expectDraftSaved(page);
    await expect(secondInquiry).toHaveValue('정산 내역 확인 요청');

    // The second tab moves the call on; the first follows to the same step.
    await secondInquiry.focus();
    await second.keyboard.press('Enter');
    await consoleActions.expectNode(second, 'q1-callback-consent');
    await consoleActions.expectNode(page, 'q1-callback-consent');
    await second.keyboard.press('y');
    await second.keyboard.press('Enter');
    await expect(second.getByTestId('record-summary')).toBeFocused();
    await second.keyboard.press('Control+Enter');
    await expect(second.getByTestId('saved-confirmation')).toBeVisible();

    // The first tab learns that the call was saved elsewhere and is ready for the next one.
    await expect(page.getByTestId('saved-confirmation')).toContainText('다른 탭이나 기기에서 저장했습니다', {
      timeout: 15_000,
    });
    const saved = (await consoleActions.recentConsultations(page)).filter((item) => item.id === id);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.record?.body).toContain('정산 내역 확인 요청');
  });
});
