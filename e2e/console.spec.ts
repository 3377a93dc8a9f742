import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eGuide } from './e2eGuide.ts';

const unsurePolicy = "'모르겠다' 보다는 '확인 후 연락드릴 수 있도록 하겠습니다'로 응대";

// @open runs against the server whose clock is inside business hours, @closed outside them.
test.describe('during business hours', { tag: '@open' }, () => {
  test('the header shows the live business-hours state', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByTestId('business-hours')).toContainText('업무시간');
    await expect(page.getByTestId('business-hours')).not.toContainText('다음 업무 시작');
  });

  test('the support line comes with its caveat, and the chat-link message copies with one click', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-support-line');
    await expect(page.getByTestId('script-lines')).toContainText(
      '비즈니스 전용 상담센터 1644-7391 (평일/09~18)로 문의하여 상담을 부탁드립니다.',
    );
    await expect(page.getByTestId('support-line-caveat')).toHaveText(
      /관리시스템에 등록된 연락처가 아닌 경우 유선 상담 번호 이용하여도 연결 불가/,
    );
    await expect(page.getByTestId('routing-banner')).toContainText('업무시간: 상담센터 연결 가능');

    // The chat is answered now: no after-hours note beside its link.
    await expect(page.getByTestId('chat-link-offer')).toBeVisible();
    await expect(page.getByTestId('chat-link-closed-note')).toHaveCount(0);
    const copy = page.getByTestId('copy-chat-link');
    await expect(copy).toHaveText('채팅상담 링크 안내 복사');
    await copy.click();
    await expect(copy).toHaveText('✓ 복사됨');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(e2eGuide.chat.message);
    expect(copied).toContain('- 채널 바로가기 : https://pf.kakao.com/_xnbHhK');
  });

  test('a refused save puts the agent in the field it names, said once; typing there and Ctrl+Enter saves', async ({
    page,
  }) => {
    // No caller number from the phone system: the callback goes to the account's registered
    // contact (the guide's "카카오 T 앱 내의 등록된 연락처로"), so the company must be named.
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('n');
    await consoleActions.expectNode(page, 'q1-transfer-inquiry');
    await page.keyboard.type('정산 내역 불일치');
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'q1-callback-consent');
    await page.keyboard.press('y');
    // No hours step on this path: the live hours (open) say the chat is answered.
    await consoleActions.expectNode(page, 'q1-transfer');
    await expect(page.getByTestId('chat-link-offer')).toBeVisible();
    await expect(page.getByTestId('chat-link-closed-note')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('record-summary')).toBeFocused();
    await page.keyboard.press('Control+Enter');
    const alert = page.getByRole('alert').filter({ hasText: '저장하지 못했습니다' });
    await expect(alert).toContainText('기업명: 기업명을 입력하세요');
    await expect(alert.getByText('기업명을 입력하세요', { exact: false })).toHaveCount(1);
    await expect(page.getByTestId('record-companyName')).toBeFocused();
    await page.keyboard.type('(주)누리테크');
    const finish = page.waitForResponse(
      (response) => response.request().method() === 'POST' && /\/finish$/.test(response.url()),
    );
    await page.keyboard.press('Control+Enter');
    expect((await finish).status()).toBe(200);
    await expect(page.getByTestId('saved-confirmation')).toBeVisible();
  });

  test('Backspace steps back one input, but edits text inside a field', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 6);
    await consoleActions.expectNode(page, 'q4-signup');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q4-consent');
    await expect(page.getByTestId('consent-notice')).toBeVisible();
    await expect(page.getByTestId('script-lines')).toContainText(
      '소비자보호에 관한 법률에 따라 3년간 보관됩니다.',
    );
    await expect(page.getByTestId('flow-path')).toContainText('접수 희망(Y)');

    await page.keyboard.press('Backspace');
    await consoleActions.expectNode(page, 'q4-signup');
    await expect(page.getByTestId('flow-path')).not.toContainText('접수 희망(Y)');

    await page.keyboard.press('y');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q4-lead-details');
    const company = page.getByRole('textbox', { name: '업체명', exact: true });
    await expect(company).toBeFocused();
    await page.keyboard.type('이음상사');
    await page.keyboard.press('Backspace');
    await expect(company).toHaveValue('이음상');
    await consoleActions.expectNode(page, 'q4-lead-details');

    // Once focus leaves the field, Backspace steps back again.
    await page.getByTestId('flow-step').focus();
    await page.keyboard.press('Backspace');
    await consoleActions.expectNode(page, 'q4-consent');
    await page.keyboard.press('n');
    await consoleActions.expectNode(page, 'q4-closing');
  });

  test('the 모르겠다 policy is shown while the caller explains the inquiry', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('n');
    await consoleActions.expectNode(page, 'q1-transfer-inquiry');
    await expect(page.getByTestId('policy-unsure-answer')).toContainText(unsurePolicy);
    await expect(page.getByRole('textbox', { name: '문의 내용', exact: true })).toBeFocused();
  });

  test('typing filters the inquiry types (초성 too) and Enter picks the first match', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.expectStartPanelReady(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '문의 유형 선택' })).toBeVisible();
    await page.keyboard.type('ㄱㅇㅁㅇ');
    await expect(page.getByTestId('inquiry-type-6')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('inquiry-type-1')).toBeHidden();
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'q4-signup');
    await expect(page.getByTestId('flow-path')).toContainText('Q4');
  });

  test('screenshot of the console at the record step', async ({ page }) => {
    await consoleActions.loginByKeyboard(page, '/?caller=010-2222-3333');
    await consoleActions.startAndPick(page, 9);
    await page.keyboard.press('n');
    await page.keyboard.type('PC 웹에서 택시 호출 설정 방법 문의');
    await page.keyboard.press('Enter');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('record-body')).toHaveValue(
      /ㄴ 문의 내용 : PC 웹에서 택시 호출 설정 방법 문의/,
    );
    // The fixed header would otherwise be drawn over the middle of a scrolled full-page capture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/console-record.png', fullPage: true });
  });
});

test.describe('outside business hours', { tag: '@closed' }, () => {
  test('the header says why the line is closed and when it opens', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByTestId('business-hours')).toContainText('업무 종료');
    await expect(page.getByTestId('business-hours')).toContainText('다음 업무 시작 11월 26일 (목) 09:00');
  });

  test('a registered contact is not sent to the closed line: the console says a transfer is needed', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 1);
    await expect(page.getByTestId('after-hours-hint')).toBeVisible();
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer-inquiry');
    const banner = page.getByTestId('routing-banner');
    await expect(banner).toContainText('업무시간 외: 이관이 필요합니다');
    await expect(banner).toContainText('비즈니스 업무 시간 외 : 아지트 글양식을 통해 이관');
    await expect(banner).toContainText('[ 비즈니스 ] 이관_KD로 이관');
    await expect(page.getByTestId('script-lines')).not.toContainText('1644-7391');
    await expect(page.getByTestId('support-line-caveat')).toHaveCount(0);
    await page.keyboard.type('정산 내역 확인 요청');
    await page.evaluate(() => window.scrollTo(0, 0));
    // The full-page screenshot of the console mid-flow kept as a test artifact.
    await page.screenshot({ path: 'test-results/console.png', fullPage: true });
  });

  test('the chat-link message is still offered after hours, saying when the chat is answered', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.startAndPick(page, 1);
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer-inquiry');
    await page.keyboard.type('정산 내역 확인 요청');
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'q1-callback-consent');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-transfer');
    const offer = page.getByTestId('chat-link-offer');
    await expect(offer.getByTestId('copy-chat-link')).toBeVisible();
    // The hours are the guide's line's, the ones the hours step decided on.
    await expect(offer.getByTestId('chat-link-closed-note')).toHaveText(
      `채팅 운영시간 외 — 평일 ${e2eGuide.supportLine.hours.opens}~${e2eGuide.supportLine.hours.closes}에 답변`,
    );
  });
});
