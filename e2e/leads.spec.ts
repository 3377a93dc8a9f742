import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, type Response, test } from '@playwright/test';
import { INVALID_PHONE_MESSAGE } from '../src/domain/privacy/normalizeKoreanPhone.ts';
import { INVALID_EMAIL_MESSAGE } from '../src/domain/privacy/validateEmail.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

type Account = (typeof e2eUsers)[keyof typeof e2eUsers];

/** Inquiry type 6 (가입 문의) opens Q4, the sign-up script. */
const signUpInquiryType = 6;
const closingSentence =
  '네, 고객님, 카카오 T 비즈니스 관련하여 문의가 필요한 경우 언제든지 문의해 주시길 바랍니다.';

/** A fresh browser context signed in as `user` (each role in its own context, like two PCs). */
async function signIn(browser: Browser, baseURL: string, user: Account, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel('이메일').fill(user.email);
  await page.getByLabel('비밀번호').fill(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(user.name);
  return page;
}

/** How many leads and transfers the page's user sees, read through the API in its session. */
async function countFiled(page: Page): Promise<{ leads: number; transfers: number }> {
  return page.evaluate(async () => {
    const read = async (path: string): Promise<number> => {
      const response = await fetch(path, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`GET ${path} → ${response.status} ${await response.text()}`);
      const body: { total: number } = await response.json();
      return body.total;
    };
    return {
      leads: await read('/api/v1/leads?limit=1'),
      transfers: await read('/api/v1/transfers?scope=mine&limit=1'),
    };
  });
}

const intakeBox = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** Replaces a focused field's value the way an agent does: select all, type again. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

// Q4 does not depend on the clock; it runs on the open server (Wednesday 10:00), so a callback
// retry at Thursday 10:00 lies inside business hours.
test.describe('sign-up leads (Q4)', { tag: '@open' }, () => {
  test('Q4-Y: intake refuses a bad phone and a bad e-mail inline, files the lead on save; the business team sees it live and records callbacks', async ({
    browser,
    baseURL,
  }) => {
    // Four people's screens in one story: under a loaded machine it ran 58 s of a 60 s budget.
    test.setTimeout(120_000);
    if (!baseURL) throw new Error('baseURL missing');
    const handler = await signIn(browser, baseURL, e2eUsers.backoffice, '/queue?view=leads');
    await expect(handler.getByRole('tab', { name: /가입 리드/ })).toHaveAttribute('aria-selected', 'true');

    const agent = await signIn(browser, baseURL, e2eUsers.agent, '/');
    await consoleActions.startAndPick(agent, signUpInquiryType);
    await consoleActions.expectNode(agent, 'q4-signup');
    await agent.keyboard.press('y');
    await consoleActions.expectNode(agent, 'q4-consent');
    await agent.keyboard.press('y');
    await consoleActions.expectNode(agent, 'q4-lead-details');

    // The intake, by keyboard: Enter moves field to field; a wrong phone shows its message on leaving.
    await expect(intakeBox(agent, '업체명')).toBeFocused();
    await agent.keyboard.type('이음상사');
    await agent.keyboard.press('Enter');
    await expect(intakeBox(agent, '담당자')).toBeFocused();
    await agent.keyboard.type('김민지');
    await agent.keyboard.press('Enter');
    await expect(intakeBox(agent, '연락처')).toBeFocused();
    await agent.keyboard.type('010-12');
    await agent.keyboard.press('Enter');
    await expect(intakeBox(agent, '연락처')).toHaveAttribute('aria-invalid', 'true');
    await expect(agent.getByTestId('lead-intake')).toContainText(INVALID_PHONE_MESSAGE);
    await expect(intakeBox(agent, '이메일주소')).toBeFocused();
    await agent.keyboard.type('minji@');
    // Enter in the last required field tries to move on (the optional 사업자등록번호 is reached by Tab).
    await agent.keyboard.press('Enter');

    // Refused: the flow stays, both messages show, focus goes back to the first wrong field.
    await consoleActions.expectNode(agent, 'q4-lead-details');
    await expect(agent.getByTestId('lead-intake')).toContainText(INVALID_PHONE_MESSAGE);
    await expect(agent.getByTestId('lead-intake')).toContainText(INVALID_EMAIL_MESSAGE);
    await expect(intakeBox(agent, '연락처')).toBeFocused();

    // A valid phone; the e-mail is still wrong, so the flow is refused again, now on the e-mail.
    await retype(agent, '010-1234-5678');
    await expect(agent.getByTestId('lead-intake')).not.toContainText(INVALID_PHONE_MESSAGE);
    await agent.keyboard.press('Enter');
    await expect(intakeBox(agent, '이메일주소')).toBeFocused();
    await agent.keyboard.press('Enter');
    await consoleActions.expectNode(agent, 'q4-lead-details');
    await expect(intakeBox(agent, '이메일주소')).toBeFocused();
    await expect(intakeBox(agent, '이메일주소')).toHaveAttribute('aria-invalid', 'true');
    await expect(agent.getByTestId('lead-intake')).toContainText(INVALID_EMAIL_MESSAGE);

    // Valid values: Enter in the e-mail moves on to the lead's end node.
    await retype(agent, 'minji@example.com');
    await expect(agent.getByTestId('lead-intake')).not.toContainText(INVALID_EMAIL_MESSAGE);
    await agent.keyboard.press('Enter');
    await consoleActions.expectNode(agent, 'q4-lead');
    const filing = agent.getByTestId('lead-filing');
    for (const text of [
      '업체명: 이음상사',
      '담당자: 김민지',
      '연락처: 010-1234-5678',
      '이메일주소: minji@example.com',
    ]) {
      await expect(filing).toContainText(text);
    }

    // Enter goes to the record form; Ctrl+Enter saves the record and files the lead, in one request.
    await agent.keyboard.press('Enter');
    await expect(agent.getByTestId('record-summary')).toBeFocused();
    const filed = agent.waitForResponse(
      (response: Response) => response.request().method() === 'POST' && /\/finish$/.test(response.url()),
    );
    await agent.keyboard.press('Control+Enter');
    const response = await filed;
    expect(response.status()).toBe(200);
    const finished: {
      transfer: unknown;
      lead: { id: string; number: string; status: string; brochure: { status: string } } | null;
    } = await response.json();
    expect(finished.transfer).toBeNull();
    const lead = finished.lead;
    if (!lead) throw new Error('the finish filed no lead');
    expect(lead.status).toBe('new');
    expect(lead.brochure.status).toBe('queued');
    await expect(agent.getByTestId('saved-confirmation')).toContainText(`가입 리드 ${lead.number} 접수`);

    // The business team's lead list shows it without a reload, masked, with the brochure e-mail
    // waiting; its callback is set all the same (as if the mail had gone at filing), flagged unsent.
    const row = handler.getByTestId('lead-table').locator(`[data-number="${lead.number}"]`);
    await expect(row).toBeVisible();
    for (const text of ['이음상사', '김*지', '010-****-5678', '신규', '발송 대기', '예정']) {
      await expect(row).toContainText(text);
    }
    await expect(row.getByTestId('lead-callback-brochure-not-sent')).toHaveText('소개서 미발송');
    await expect(row).not.toContainText('010-1234-5678');
    // Without SMTP_URL the mail stays in the outbox, and the list says why.
    await expect(async () => {
      await handler.reload();
      await expect(row).toContainText('SMTP_URL이 설정되지 않아 발송 대기 중입니다', { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });

    // It is also a transfer to the business team, badged as a lead.
    await handler.getByTestId('tab-transfers').click();
    const transferRow = handler.getByTestId('transfer-queue').locator(`[data-number="${lead.number}"]`);
    await expect(transferRow).toContainText('가입 리드');
    await handler.getByTestId('tab-leads').click();

    // The drawer: the brochure e-mail is readable in the app, subject, body and the PDF.
    await row.click();
    await expect(handler.getByTestId('lead-drawer-status')).toHaveText('신규');
    await expect(handler.getByTestId('lead-email-subject')).toHaveText(
      '[카카오 T 비즈니스] 이음상사 비즈니스 가입 소개서를 보내 드립니다',
    );
    await expect(handler.getByTestId('lead-email-body')).toContainText('안녕하세요, 이음상사 담당자님.');
    await expect(handler.getByTestId('lead-email')).toContainText('첨부: 카카오T_비즈니스_가입_소개서.pdf');
    await expect(handler.getByTestId('lead-brochure-not-sent')).toContainText(
      '소개서가 아직 발송되지 않았습니다. 통화에서 안내하거나 아래에서 다시 보내세요.',
    );

    // No answer (2) with a retry time: the next callback is due then.
    await handler.keyboard.press('2');
    await expect(handler.getByTestId('outcome-retry-at')).toBeFocused();
    await handler.getByTestId('outcome-retry-at').fill('2026-11-26T10:00');
    await handler.keyboard.press('Enter');
    await expect(handler.getByTestId('lead-callbacks')).toContainText('1차 콜백: 부재중');
    await expect(handler.getByTestId('lead-callback-due')).toHaveText('11월 26일 (목) 10:00');
    await expect(handler.getByTestId('lead-drawer-status')).toHaveText('신규');

    // Reached (1) with a note (Ctrl+Enter), then signed up (4): the lead is won and takes no more outcomes.
    await handler.getByTestId('lead-callbacks').click();
    await handler.keyboard.press('1');
    await expect(handler.getByTestId('outcome-note')).toBeFocused();
    await handler.keyboard.type('소개서 확인, 가입 검토 중');
    await handler.keyboard.press('Control+Enter');
    await expect(handler.getByTestId('lead-drawer-status')).toHaveText('통화 완료');
    await expect(handler.getByTestId('lead-callbacks')).toContainText('소개서 확인, 가입 검토 중');
    await handler.getByTestId('lead-callbacks').click();
    await handler.keyboard.press('4');
    await handler.keyboard.press('Control+Enter');
    await expect(handler.getByTestId('lead-drawer-status')).toHaveText('가입');
    await expect(handler.getByTestId('callback-outcome-form')).toHaveCount(0);
    await expect(handler.getByTestId('lead-callbacks')).toContainText('3차 콜백: 가입');
    await handler.screenshot({ path: 'test-results/lead-queue.png', fullPage: true });

    // The contact is revealed only with a reason of two characters or more (the server's minimum),
    // and then shows in clear in the drawer.
    await expect(handler.getByTestId('lead-phone')).toHaveText('010-****-5678');
    await handler.getByTestId('lead-reveal').click();
    // As in the transfer drawer: no more than the server keeps (500), and where the reason goes.
    await expect(handler.getByTestId('lead-reveal-reason')).toHaveAttribute('maxlength', '500');
    await expect(
      handler.getByText('마스킹을 해제한 값은 열람 사유와 함께 접속기록에 남습니다.'),
    ).toBeVisible();
    await handler.getByTestId('lead-reveal-reason').fill('확');
    await expect(handler.getByRole('button', { name: '열람', exact: true })).toBeDisabled();
    await handler.getByTestId('lead-reveal-reason').fill('가입 안내 회신');
    await handler.keyboard.press('Enter');
    await expect(handler.getByTestId('lead-phone')).toHaveText('010-1234-5678');
    await expect(handler.getByTestId('lead-reveal-reason')).toHaveCount(0);

    // Closed, the lead leaves the open list and shows as 가입 under 전체.
    await handler.keyboard.press('Escape');
    await expect(row).toHaveCount(0);
    await handler.getByTestId('lead-filter').getByText('전체').click();
    await expect(row.getByTestId('lead-status')).toHaveText('가입');

    // Its transfer followed, by the same person, and the history says by what: 연락완료 when the
    // customer was reached, closed when they signed up.
    await row.click();
    await handler.getByRole('button', { name: `이관 ${lead.number} 열기` }).click();
    await expect(handler.getByTestId('drawer-status')).toHaveText('종결');
    await expect(handler.getByTestId('transfer-history')).toContainText(
      '접수 → 연락완료 · 가입 리드의 콜백 결과(통화 완료)로 연락완료',
    );
    await expect(handler.getByTestId('transfer-history')).toContainText(
      '연락완료 → 종결 · 가입 리드의 콜백 결과(가입)로 종결',
    );
    await handler.keyboard.press('Escape');

    // The funnel counts it in this week (Monday 2026-11-23), with the CSV export of the same span.
    await handler.getByTestId('nav-funnel').click();
    await expect(handler.getByRole('heading', { name: /가입 리드 퍼널/ })).toBeVisible();
    const week = handler.getByTestId('funnel-weeks').locator('[data-week="2026-11-23"]');
    await expect(week).toContainText('2026-11-23 주');
    // The week's "first call made" milestone and the "통화 완료" status are different figures, said so.
    await expect(
      handler.getByTestId('funnel-weeks').getByRole('columnheader', { name: '첫 통화 시도' }),
    ).toBeVisible();
    await expect(handler.getByTestId('funnel-weeks-note')).toContainText('부재중도 통화 시도');
    await handler.screenshot({ path: 'test-results/lead-funnel.png', fullPage: true });
    // The business team may see personal data and gets it in clear: the export asks why first
    // (개인정보의 안전성 확보조치 기준 §8②), keyboard first — the field is focused, Escape closes,
    // Enter downloads — and the reason goes with the export to the access log.
    await expect(handler.getByTestId('funnel-export')).not.toHaveAttribute('href');
    await handler.getByTestId('funnel-export').click();
    const exportReason = handler.getByTestId('funnel-export-reason');
    await expect(exportReason).toBeFocused();
    await expect(exportReason).toHaveAttribute('maxlength', '500');
    await expect(handler.getByText('사유는 이 다운로드와 함께 접속기록에 남습니다.')).toBeVisible();
    await handler.keyboard.press('Escape');
    await expect(exportReason).toHaveCount(0);
    await handler.getByTestId('funnel-export').click();
    await expect(exportReason).toBeFocused();
    await exportReason.fill('확');
    await expect(handler.getByRole('button', { name: '내려받기', exact: true })).toBeDisabled();
    const exportReasonText = `가입 리드 월간 점검 ${Date.now()}`;
    await exportReason.fill(exportReasonText);
    const download = handler.waitForEvent('download');
    await handler.keyboard.press('Enter');
    const csvFile = await download;
    expect(csvFile.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(exportReason).toHaveCount(0);
    const csvPath = await csvFile.path();
    const csvText = readFileSync(csvPath, 'utf8');
    expect(csvText).toContain('number,created_at,status,company_name');
    expect(csvText).toContain(`${lead.number},`);
    expect(csvText).toContain('010-1234-5678');
    // The access log (admins read it) keeps the export with its reason.
    const admin = await signIn(browser, baseURL, e2eUsers.admin, '/privacy');
    const exports = await admin.request.get('/api/v1/access-log?action=personal-data.export&limit=50');
    expect(exports.ok(), await exports.text()).toBe(true);
    const exportEntries: { reason: string | null }[] = (await exports.json()).items;
    expect(exportEntries.map((entry) => entry.reason)).toContain(exportReasonText);
    await admin.getByRole('tab', { name: '접속기록' }).click();
    await expect(
      admin
        .getByRole('region', { name: '접속기록 목록' })
        .getByTestId('access-log')
        .locator('tr[data-action="personal-data.export"]')
        .filter({ hasText: exportReasonText }),
    ).toHaveCount(1);
    await admin.context().close();
    // A supervisor reads the same funnel and export masked, by the plain link as before.
    const supervisor = await signIn(browser, baseURL, e2eUsers.supervisor, '/funnel');
    await expect(supervisor.getByTestId('funnel-weeks').locator('[data-week="2026-11-23"]')).toBeVisible();
    const supervisorExport = await supervisor.getByTestId('funnel-export').getAttribute('href');
    const maskedCsv = await (await supervisor.request.get(supervisorExport ?? '')).text();
    expect(maskedCsv).toContain(`${lead.number},`);
    expect(maskedCsv).toContain('010-****-5678');
    expect(maskedCsv).not.toContain('010-1234-5678');
    expect(maskedCsv).not.toContain('minji@example.com');
    await supervisor.context().close();

    await agent.context().close();
    await handler.context().close();
  });

  test("Q4-N: ends with the guide's closing sentence and stores nothing personal", async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const agent = await signIn(browser, baseURL, e2eUsers.agent, '/');
    const before = await countFiled(agent);

    await consoleActions.startAndPick(agent, signUpInquiryType);
    await consoleActions.expectNode(agent, 'q4-signup');
    await agent.keyboard.press('n');
    await consoleActions.expectNode(agent, 'q4-closing');
    await expect(agent.getByTestId('script-lines')).toContainText(closingSentence);
    await expect(agent.getByTestId('lead-intake')).toHaveCount(0);
    await expect(agent.getByTestId('lead-filing')).toHaveCount(0);

    await agent.keyboard.press('Enter');
    await expect(agent.getByTestId('record-summary')).toBeFocused();
    const completion = agent.waitForResponse(
      (response: Response) => response.request().method() === 'POST' && /\/finish$/.test(response.url()),
    );
    await agent.keyboard.press('Control+Enter');
    const finishedResponse = await completion;
    expect(finishedResponse.status()).toBe(200);
    expect(await finishedResponse.json()).toMatchObject({ transfer: null, lead: null });
    await expect(agent.getByTestId('saved-confirmation')).toBeVisible();

    // Through the API: no lead and no transfer was filed, and the record holds no personal data.
    expect(await countFiled(agent)).toEqual(before);
    const [saved] = await consoleActions.recentConsultations(agent);
    expect(saved?.status).toBe('completed');
    expect(saved?.scriptId).toBe('q4');
    expect(saved?.outcome).toBe('declined');
    expect(saved?.callerNumber ?? null).toBeNull();
    expect(saved?.record?.title).toBe('[비즈니스] 가입 문의');
    expect((saved?.record?.body ?? '').split('\n').map((line) => line.trimEnd())).toEqual([
      'ㄴ 기업명 :',
      'ㄴ 담당자 이름 :',
      'ㄴ 연락처 :',
      'ㄴ 문의 내용 :',
    ]);
    await agent.context().close();
  });
});
