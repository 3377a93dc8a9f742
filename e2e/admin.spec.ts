import { expect, type Page, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

async function signInAsAdmin(page: Page): Promise<void> {
  await consoleActions.signIn(page, e2eUsers.admin);
  await page.getByRole('button', { name: '관리', exact: true }).click();
  await expect(page.getByRole('tab', { name: '사용자' })).toBeVisible();
}

// Admin settings do not depend on the clock; they run on the @open server. Whatever this spec
// changes there is either removed again (the closure, the webhook) or harmless to the other specs
// (type 1's assignee is the business-team member they expect).
test.describe('admin screen', { tag: '@open' }, () => {
  test('the admin creates an agent account, then disables it', async ({ page }) => {
    await signInAsAdmin(page);
    const email = `new.agent.${Date.now()}@ieum.test`;
    const form = page.getByTestId('new-account-form');

    // The server's per-field message lands under the field it is about.
    await form.getByLabel('이름').fill('정신입');
    await form.getByLabel('이메일').fill(email);
    await form.getByLabel('역할').selectOption({ label: '상담사' });
    await form.getByLabel('처음 비밀번호').fill('short');
    await page.keyboard.press('Enter');
    await expect(form.getByText('비밀번호는', { exact: false })).toBeVisible();

    await form.getByLabel('처음 비밀번호').fill('ieum-new-agent-pass');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('account-created')).toContainText(`정신입 (${email}, 상담사)`);
    const row = page.getByTestId('accounts').locator(`tr[data-email="${email}"]`);
    await expect(row).toContainText('상담사');
    await expect(row).toContainText('사용 중');

    // Creating the same e-mail again is refused next to the e-mail field.
    await form.getByLabel('이름').fill('정신입');
    await form.getByLabel('이메일').fill(email);
    await form.getByLabel('처음 비밀번호').fill('ieum-new-agent-pass');
    await page.keyboard.press('Enter');
    await expect(form.getByText(`이미 등록된 이메일입니다: ${email}`)).toBeVisible();

    // The dialog says what the person holds (an agent: nothing); Enter confirms.
    await row.getByRole('button', { name: '사용 중지' }).click();
    const dialog = page.getByRole('dialog', { name: '정신입 계정 사용 중지' });
    await expect(dialog.getByTestId('disable-open-items')).toHaveText(
      '정신입 님이 담당 중인 열린 이관·리드는 없습니다.',
    );
    await expect(dialog.getByRole('button', { name: '사용 중지' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('account-disabled')).toHaveText('정신입 계정을 사용 중지했습니다.');
    await expect(row).toContainText('사용 중지');
    await expect(row.getByRole('button', { name: '다시 사용' })).toBeVisible();
  });

  test('the admin adds a company closure, sees it listed, and removes it', async ({ page }) => {
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '휴무일' }).click();
    const form = page.getByTestId('new-closure-form');
    await form.getByLabel('날짜').fill('2027-03-15');
    await form.getByLabel('휴무 사유').fill('창립기념일');
    await page.keyboard.press('Enter');
    const row = page.getByTestId('closures').locator('tr[data-date="2027-03-15"]');
    await expect(row).toContainText('2027년 3월 15일 (월)');
    await expect(row).toContainText('창립기념일');

    // The same day twice is refused next to the date.
    await form.getByLabel('날짜').fill('2027-03-15');
    await form.getByLabel('휴무 사유').fill('중복 등록');
    await page.keyboard.press('Enter');
    await expect(form.getByText('2027-03-15에는 이미 휴무일이 등록되어 있습니다.')).toBeVisible();

    await row.getByRole('button', { name: '삭제' }).click();
    await row.getByRole('button', { name: '한 번 더 누르면 삭제' }).click();
    await expect(row).toHaveCount(0);
  });

  test('the admin puts the business-team member on duty for inquiry type 1 with an SLA', async ({ page }) => {
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '이관 담당·기한' }).click();
    await page.getByRole('button', { name: '1번 유형 편집' }).click();
    const editor = page.getByTestId('transfer-type-editor');

    const backoffice = editor.getByTestId('assignees').getByText(e2eUsers.backoffice.name);
    if ((await backoffice.count()) === 0) {
      await editor
        .getByLabel('담당자 추가')
        .selectOption({ label: `${e2eUsers.backoffice.name} (비즈니스팀)` });
      await editor.getByRole('button', { name: '추가', exact: true }).click();
    }
    const onDuty = editor.getByRole('switch', { name: `${e2eUsers.backoffice.name} 당번` });
    await expect(onDuty).toBeChecked();

    // A wrong time comes back from the server and shows under the time field.
    await editor.getByText('다음 영업일 시각').click();
    await editor.getByLabel('다음 영업일 몇 시까지').fill('25:00');
    await page.keyboard.press('Enter');
    await expect(editor.getByText('HH:MM 형식이어야 합니다 (예: 12:00)')).toBeVisible();

    await editor.getByText('영업시간 기준 분').click();
    await editor.getByLabel('영업시간 기준 기한 (분)').fill('240');
    await page.keyboard.press('Enter');
    await expect(editor.getByTestId('transfer-settings-saved')).toBeVisible();

    const row = page.getByTestId('transfer-settings').locator('tr[data-inquiry-type="1"]');
    await expect(row).toContainText('영업시간 4시간 이내');
    await expect(row).toContainText(e2eUsers.backoffice.name);
    await expect(row.getByTestId('next-assignee')).toHaveText(e2eUsers.backoffice.name);

    // What the screen saved is what the server now holds.
    const settings = await page.evaluate(async () => (await fetch('/api/v1/transfer-settings')).json());
    const type1 = settings.types.find((type: { inquiryType: number }) => type.inquiryType === 1);
    expect(type1.sla).toEqual({ kind: 'business-minutes', minutes: 240 });
    expect(type1.assignees).toContainEqual(
      expect.objectContaining({ name: e2eUsers.backoffice.name, onDuty: true }),
    );
  });

  test('the admin subscribes a webhook and sees its secret once', async ({ page }) => {
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '웹훅' }).click();
    const form = page.getByTestId('new-webhook-form');
    await form.getByLabel('받는 주소 (URL)').fill('not a url');
    await page.keyboard.press('Enter');
    await expect(form.getByText('http:// 또는 https:// 주소를 입력하세요')).toBeVisible();

    const url = `https://crm.example.com/ieum-hook-${Date.now()}`;
    await form.getByLabel('받는 주소 (URL)').fill(url);
    await form.getByLabel('설명').fill('CRM 연동');
    await form.getByLabel('이관 댓글').check();
    await form.getByLabel('설명').press('Enter');

    const secret = page.getByTestId('webhook-secret-value');
    await expect(secret).toHaveText(/^whsec_\S{16,}$/);
    const value = (await secret.textContent()) ?? '';
    const row = page.getByTestId('webhooks').locator(`tr[data-url="${url}"]`);
    await expect(row).toContainText('이관 접수, 이관 댓글');
    await expect(row).toContainText(`…${value.slice(-4)}`);

    await page.getByRole('button', { name: '확인, 닫기' }).click();
    await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
    await page.reload();
    await page.getByRole('tab', { name: '웹훅' }).click();
    await expect(row).toBeVisible();
    await expect(page.getByText(value)).toHaveCount(0);

    // Removed again, so no delivery to this made-up receiver is queued for the other specs' transfers.
    await row.getByRole('button', { name: '삭제' }).click();
    await row.getByRole('button', { name: '한 번 더 누르면 삭제' }).click();
    await expect(row).toHaveCount(0);
  });

  test('the admin issues an API token, sees its last use, and revokes it', async ({ page, request }) => {
    await signInAsAdmin(page);
    const name = `CTI-${Date.now()}`;
    await page.getByLabel('토큰 이름').fill(name);
    await page.getByLabel('만료').selectOption({ label: '90일' });
    await page.getByRole('button', { name: '내 토큰 발급' }).click();
    const shown = page.getByTestId('api-token').locator('pre, code').first();
    await expect(shown).toHaveText(/^ieum_\S+$/);
    const token = ((await shown.textContent()) ?? '').trim();
    const row = page.getByTestId('api-tokens').locator('tr', { hasText: name });
    await expect(row).toContainText('사용 안 함');
    await expect(row).toContainText('사용 중');

    const used = await request.get('/api/v1/business-hours', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(used.status()).toBe(200);
    await page.reload();
    await page.getByRole('tab', { name: '사용자' }).click();
    await expect(row.getByTestId('token-last-used')).toHaveText(/\d{2}:\d{2}/);

    await row.getByRole('button', { name: '폐기' }).click();
    await row.getByRole('button', { name: '한 번 더 누르면 폐기' }).click();
    await expect(row).toContainText('폐기');
    const refused = await request.get('/api/v1/business-hours', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status()).toBe(401);
  });

  test('the admin sees the loaded guide, its version in use and the versions kept', async ({ page }) => {
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '가이드' }).click();
    const guide = page.getByTestId('guide-business-inquiry');
    await expect(guide.getByRole('heading', { name: 'business-inquiry' })).toBeVisible();
    await expect(guide).toContainText('기본 가이드');
    await expect(guide).toContainText('[전화_비즈] 비즈니스 문의');
    await expect(guide).toContainText('문의 유형 9개');
    // The version the server loaded, asked with the admin's own session.
    const { version } = await (await page.request.get('/api/v1/guides/business-inquiry')).json();
    const row = page
      .getByTestId('guide-business-inquiry-versions')
      .getByRole('row', { name: new RegExp(version) });
    await expect(row).toContainText('사용 중');
    // First loaded when this server started, on its clock (fixed from Wednesday 10:00).
    await expect(row).toContainText('11월 25일 (수) 10:00');
  });

  test('an agent opening /admin sees no admin controls', async ({ page }) => {
    await consoleActions.loginByKeyboard(page);
    await expect(page.getByRole('button', { name: '관리', exact: true })).toHaveCount(0);
    await page.goto('/admin');
    await expect(page.getByTestId('forbidden')).toContainText('권한이 없습니다');
    await expect(page.getByRole('tab')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '계정 만들기' })).toHaveCount(0);
  });
});
