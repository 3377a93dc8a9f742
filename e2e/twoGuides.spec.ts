import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';

type FiledTransfer = { guideId: string; inquiryType: number; channel: string; number: string };

// The guides server loads a second guide (partner-inquiry: ten inquiry types, type 10 on a
// chat-only script) beside the business guide: the picker spans both, and type 10 files a transfer.
test.describe('two guides', { tag: '@guides' }, () => {
  test('a chat of type 10 of the second guide is picked by keyboard, finished, and files its transfer on that guide', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page, '/?caller=010-2222-3333');
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    // → moves to the second channel the guides declare (채팅); Enter starts.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '채팅' })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '문의 유형 선택' })).toBeVisible();

    // With two guides each type shows its guide; typing filters across both.
    const banner = page.getByTestId('inquiry-type-partner-inquiry-10');
    await expect(banner).toBeVisible();
    await expect(banner.getByTestId('type-guide')).toHaveText('제휴 문의');
    await expect(page.getByTestId('inquiry-type-business-inquiry-1')).toBeVisible();
    await page.keyboard.type('배너');
    await expect(page.getByTestId('inquiry-type-business-inquiry-1')).toHaveCount(0);
    await page.keyboard.press('Enter');

    await consoleActions.expectNode(page, 'p2-inquiry');
    await page.keyboard.type('배너 광고 제휴 신청 문의');
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'p2-transfer');
    await page.keyboard.press('Enter');

    await page.getByTestId('record-companyName').fill('이음상사');
    await page.getByTestId('record-contactName').fill('김민지');
    const finished = page.waitForResponse(
      (response) => response.url().endsWith('/finish') && response.request().method() === 'POST',
    );
    await page.keyboard.press('Control+Enter');
    const answer = await finished;
    expect(answer.status()).toBe(200);
    const body: { transfer: FiledTransfer | null } = await answer.json();
    expect(body.transfer).toMatchObject({ guideId: 'partner-inquiry', inquiryType: 10, channel: 'chat' });
    await expect(page.getByTestId('saved-confirmation')).toContainText(body.transfer?.number ?? 'missing');

    const [saved] = await consoleActions.recentConsultations(page);
    expect(saved).toMatchObject({ status: 'completed', inquiryType: 10, scriptId: 'p2', channel: 'chat' });
    expect(saved?.record?.title).toContain('[제휴]');
  });

  test("a type's number on the start screen opens the picker on that number's type of each guide, not on the types whose script is headed Q1", async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.expectStartPanelReady(page);
    // Types of the two guides share numbers, so the number cannot pick at once; the hint says what it does.
    await expect(page.getByTestId('start-type-hint')).toHaveText(
      '1–9 문의 유형 번호: 상담을 시작하고 가이드 2개에서 그 번호의 유형을 찾습니다 (↑↓ 이동 · Enter 선택)',
    );
    await page.keyboard.press('1');
    await expect(page.getByRole('combobox', { name: '유형 검색' })).toHaveValue('1');
    const options = page.getByRole('option');
    // On a call (type 10 is chat-only): the two types numbered 1, each with its guide, and nothing else.
    await expect(options).toHaveCount(2);
    await expect(options.nth(0)).toHaveAttribute('data-testid', 'inquiry-type-business-inquiry-1');
    await expect(options.nth(1)).toHaveAttribute('data-testid', 'inquiry-type-partner-inquiry-1');
    await expect(options.nth(1).getByTestId('type-guide')).toHaveText('제휴 문의');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'p1-inquiry');
  });

  test("each call is routed by its own guide's support-line hours: at 09:00 the business line is open, the partner line (10–17) is not", async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    await consoleActions.expectStartPanelReady(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '문의 유형 선택' })).toBeVisible();
    // The partner guide's type 9 runs script p3: a registered contact goes to the partner line while it is open.
    await page.keyboard.type('시스템 연동');
    await expect(page.getByTestId('inquiry-type-partner-inquiry-9')).toBeVisible();
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'p3-registered');
    await expect(page.getByTestId('after-hours-hint')).toBeVisible();
    // The header follows the call's line: named, before its opening, its hours from its guide.
    const hoursBadge = page.getByTestId('business-hours');
    await expect(page.getByTestId('business-hours-line')).toHaveText('제휴 상담센터');
    await expect(hoursBadge).toContainText('업무 시작 전');
    await expect(hoursBadge).toContainText('제휴 상담센터 운영시간: 평일 10:00~17:00');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'p3-inquiry');
    const banner = page.getByTestId('routing-banner');
    await expect(banner).toContainText('업무시간 외: 이관이 필요합니다');
    await expect(banner).toContainText('제휴팀으로 이관');
    await expect(page.getByTestId('script-lines')).not.toContainText('1588-0000');

    // Back to the types (Esc leaves the field, Esc again re-picks) for the business guide's Q1, at
    // the same minute on the same console: its line is open.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: '문의 유형 선택' })).toBeVisible();
    await page.keyboard.type('관리자 기능');
    await expect(page.getByTestId('inquiry-type-business-inquiry-1')).toBeVisible();
    await page.keyboard.press('Enter');
    await consoleActions.expectNode(page, 'q1-registered');
    await expect(page.getByTestId('after-hours-hint')).toHaveCount(0);
    // Back on the default guide's line: open, and not named (the business line is the header's own).
    await expect(page.getByTestId('business-hours-line')).toHaveCount(0);
    await expect(hoursBadge).toContainText('업무시간');
    await expect(hoursBadge).toContainText('비즈니스 전용 상담센터 운영시간: 평일 09:00~18:00');
    await page.keyboard.press('y');
    await consoleActions.expectNode(page, 'q1-support-line');
    await expect(page.getByTestId('routing-banner')).toContainText('업무시간: 상담센터 연결 가능');
    await expect(page.getByTestId('script-lines')).toContainText('1644-7391');
  });
});
