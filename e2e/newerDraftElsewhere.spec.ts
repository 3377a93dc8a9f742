import { expect, test } from '@playwright/test';
import { q1TransferFinish, q1TransferPath } from '../test/helpers/q1TransferFinish.ts';
import { agentWithOtherScreen } from './agentWithOtherScreen.ts';
import { consoleActions } from './consoleActions.ts';

// On the @guides server: the @open server's queue specs count the transfers they see.
test.describe('a correction another screen saved as a draft', { tag: '@guides' }, () => {
  test('is not overwritten by this screen saving what it showed before: it is loaded, and saved on the second try', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('baseURL missing');
    // The agent's other screen (another tab or PC): the call, at its record, saved as a draft.
    const {
      agent,
      other,
      headers,
      consultationId: id,
    } = await agentWithOtherScreen(baseURL, 'newerdraft', '새초안');
    const draftOf = (revision: number, contactName: string) =>
      other.put(`/api/v1/consultations/${id}/draft`, {
        headers,
        data: {
          revision,
          draft: {
            ...q1TransferPath,
            collected: {},
            record: { ...q1TransferFinish.record, contactName },
            transfer: null,
          },
        },
      });
    expect((await draftOf(1, q1TransferFinish.record.contactName)).ok()).toBe(true);

    // This screen resumes the call. Its live events are cut (a stream reconnecting, a laptop
    // waking up), so it does not hear of the other screen's next draft before its agent saves.
    await page.route('**/api/v1/events', (route) => route.abort());
    await consoleActions.signIn(page, agent);
    await page.goto(`/?consultation=${id}`);
    const contactName = page.getByRole('textbox', { name: '담당자 이름', exact: true });
    await expect(contactName).toHaveValue(q1TransferFinish.record.contactName);
    // The other screen corrects the contact's name, stored as the next draft…
    const corrected = await draftOf(2, '박영희');
    expect(corrected.ok(), await corrected.text()).toBe(true);
    // …and this screen saves what it shows: refused, and the correction is loaded.
    await contactName.press('Control+Enter');
    await expect(
      page.getByText('다른 탭이나 기기에서 이 상담을 더 최근에 고쳐 두어 저장하지 않았습니다'),
    ).toBeVisible({
      timeout: 15_000,
    });
    await expect(contactName).toHaveValue('박영희');
    await expect(page.getByTestId('saved-confirmation')).toHaveCount(0);

    // Checked, saved again: the transfer goes out with the correction.
    const finished = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/v1/consultations/${id}/finish`) && response.status() === 200,
    );
    await contactName.press('Control+Enter');
    await expect(page.getByTestId('saved-confirmation')).toBeVisible({ timeout: 15_000 });
    const answer = await (await finished).json();
    expect(answer.consultation.status).toBe('completed');
    expect(answer.transfer.contactName).toBe('박영희');
    await other.dispose();
  });
});
