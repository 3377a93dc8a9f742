import { expect, test } from '@playwright/test';
import { q1TransferFinish, q1TransferPath } from '../test/helpers/q1TransferFinish.ts';
import { agentWithOtherScreen } from './agentWithOtherScreen.ts';
import { consoleActions } from './consoleActions.ts';

// On the @guides server: the @open server's queue specs count the transfers they see.
test.describe('a call saved on another screen while this one is being corrected', { tag: '@guides' }, () => {
  test('says that what was typed here may not be in the saved record, instead of a plain "saved"', async ({
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
    } = await agentWithOtherScreen(baseURL, 'twotabs', '두화면');
    const drafted = await other.put(`/api/v1/consultations/${id}/draft`, {
      headers,
      data: {
        revision: 1,
        draft: { ...q1TransferPath, collected: {}, record: q1TransferFinish.record, transfer: null },
      },
    });
    expect(drafted.ok(), await drafted.text()).toBe(true);

    // This screen resumes the same call and corrects the contact's name…
    await consoleActions.signIn(page, agent);
    await page.goto(`/?consultation=${id}`);
    const contactName = page.getByRole('textbox', { name: '담당자 이름', exact: true });
    await expect(contactName).toHaveValue(q1TransferFinish.record.contactName);
    await contactName.fill('박영희');
    // …as the other screen saves the call with the name it had.
    const finished = await other.post(`/api/v1/consultations/${id}/finish`, {
      headers: { ...headers, 'idempotency-key': `finish-${id}` },
      data: q1TransferFinish,
    });
    expect(finished.status(), await finished.text()).toBe(200);
    await contactName.press('Control+Enter');

    await expect(page.getByTestId('saved-confirmation')).toContainText('다른 탭이나 기기에서 저장했습니다', {
      timeout: 15_000,
    });
    await expect(page.getByTestId('console-error')).toHaveText(
      '다른 탭이나 기기에서 이 상담을 먼저 저장했습니다. 이 화면에서 입력하거나 저장하려던 내용은 반영되지 않았을 수 있으니 저장된 상담이력과 이관·리드를 확인하고, 다른 점은 댓글로 남기세요.',
    );
    await other.dispose();
  });
});
