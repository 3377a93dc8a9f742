import { expect, type Locator, type Page, test } from '@playwright/test';
import { signUpLeadPath } from '../test/helpers/signUpLeadPath.ts';
import { adminApi } from './adminApi.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

type Admin = Awaited<ReturnType<typeof adminApi>>;

/** The admin files a sign-up lead as an agent would, through the console's one request. */
async function fileLead(
  admin: Admin,
  fields: { companyName: string; contactName: string; phone: string; email: string },
): Promise<{ id: string; status: string }> {
  const started = await admin.api.post('/api/v1/consultations', {
    headers: admin.headers,
    data: { channel: 'call', guideId: 'business-inquiry' },
  });
  expect(started.status(), await started.text()).toBe(201);
  const finished = await admin.api.post(`/api/v1/consultations/${(await started.json()).id}/finish`, {
    headers: admin.headers,
    data: {
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        ...fields,
        inquiry: `이메일주소: ${fields.email}`,
        title: '[비즈니스] 비즈니스 가입 문의',
        body: `ㄴ 기업명 : ${fields.companyName}`,
      },
      collected: fields,
    },
  });
  expect(finished.status(), await finished.text()).toBe(200);
  return (await finished.json()).lead;
}

/** The business team's drawer on a lead just filed (신규), as a handler opens it from the queue. */
async function openNewLeadAsBusinessTeam(page: Page, leadId: string): Promise<Locator> {
  await consoleActions.signIn(page, e2eUsers.backoffice);
  await page.goto(`/queue?view=leads&lead=${leadId}`);
  const drawer = page.getByTestId('lead-drawer');
  await expect(drawer.getByTestId('lead-drawer-status')).toHaveText('신규');
  return drawer;
}

// On the @guides server: the @open server's lead specs count the leads they file.
test.describe('a callback outcome typed while a colleague records one', { tag: '@guides' }, () => {
  test('is refused naming the colleague’s result, keeps the note, and saves once chosen again', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const lead = await fileLead(admin, {
      companyName: '동시가입상사',
      contactName: '한가입',
      phone: '010-5821-3370',
      email: 'buyer@dongsi.test',
    });

    const drawer = await openNewLeadAsBusinessTeam(page, lead.id);
    await drawer.getByTestId('outcome-not-interested').click();
    await drawer.getByTestId('outcome-note').fill('가입 의사 없다고 함');

    // A colleague reaches the customer meanwhile; the drawer follows it live.
    const reached = await admin.api.post(`/api/v1/leads/${lead.id}/callback-outcome`, {
      headers: admin.headers,
      data: { outcome: 'reached', note: '통화됨, 다음 주 가입 예정', expectedStatus: lead.status },
    });
    expect(reached.ok(), await reached.text()).toBe(true);
    await expect(drawer.getByTestId('lead-drawer-status')).toHaveText('통화 완료');

    // Saving the outcome chosen before is refused, not written over the colleague's result.
    await drawer.getByTestId('outcome-save').click();
    await expect(drawer.getByTestId('callback-outcome-form').getByRole('alert')).toHaveText(
      '다른 사람이 먼저 결과를 기록했습니다 (현재: 통화 완료). 새로 고쳐 확인하세요.',
    );
    await expect(drawer.getByTestId('outcome-note')).toHaveValue('가입 의사 없다고 함');
    const read = await admin.api.get(`/api/v1/leads/${lead.id}`, { headers: admin.headers });
    expect((await read.json()).status).toBe('called');

    // Saving again, on the lead as it now is, is the handler's decision and goes through.
    await drawer.getByTestId('outcome-save').click();
    await expect(drawer.getByTestId('lead-drawer-status')).toHaveText('종료');
    await admin.api.dispose();
  });

  test('부재중 recorded by a colleague for the same call is refused by the attempt count, then saved as the next attempt', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    const admin = await adminApi(baseURL);
    const lead = await fileLead(admin, {
      companyName: '부재중복상사',
      contactName: '한부재',
      phone: '010-5821-3371',
      email: 'absent@dongsi.test',
    });

    const drawer = await openNewLeadAsBusinessTeam(page, lead.id);
    await drawer.getByTestId('outcome-no-answer').click();

    // A colleague records the same unanswered call first: the lead stays 신규, so only the attempt
    // count the drawer sends (expectedAttempts) tells the two apart.
    const recorded = await admin.api.post(`/api/v1/leads/${lead.id}/callback-outcome`, {
      headers: admin.headers,
      data: { outcome: 'no-answer', expectedStatus: lead.status, expectedAttempts: 0 },
    });
    expect(recorded.ok(), await recorded.text()).toBe(true);
    await expect(drawer.getByTestId('lead-callbacks')).toContainText('1차 콜백: 부재중');

    await drawer.getByTestId('outcome-save').click();
    await expect(drawer.getByTestId('callback-outcome-form').getByRole('alert')).toHaveText(
      '다른 사람이 먼저 결과를 기록했습니다 (현재: 1번째 시도 부재중). 새로 고쳐 확인하세요.',
    );
    const read = await admin.api.get(`/api/v1/leads/${lead.id}`, { headers: admin.headers });
    expect((await read.json()).callback.attempts).toBe(1);

    // Saving again, on the lead as it now is, records the next attempt.
    await drawer.getByTestId('outcome-save').click();
    await expect(drawer.getByTestId('lead-callbacks')).toContainText('2차 콜백: 부재중');
    await admin.api.dispose();
  });
});
