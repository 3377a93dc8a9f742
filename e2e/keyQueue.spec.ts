import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eGuide } from './e2eGuide.ts';

// The answer that ends each script at once during business hours (Q1/Q2: registered contact → the
// support line; Q3: not registered → the company admin; Q4: no sign-up → closing).
const endingAnswer: Record<string, 'y' | 'n'> = { q1: 'y', q2: 'y', q3: 'n', q4: 'n' };

test.describe('keys typed while a step changes', { tag: '@open' }, () => {
  test('keys typed the moment the console appears after login are kept until the start panel takes them', async ({
    page,
  }) => {
    await consoleActions.loginByKeyboard(page);
    // No wait for the start panel: the header is up, the guides may still be loading.
    const [first] = e2eGuide.inquiryTypes;
    if (!first) throw new Error('the guide has no inquiry types');
    const answer = endingAnswer[first.scriptId];
    if (!answer) throw new Error(`no ending answer for ${first.scriptId}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press(String(first.number));
    await page.keyboard.press(answer);
    await expect(page.getByTestId('flow-outcome')).toBeVisible();
    const script = e2eGuide.scripts.find((candidate) => candidate.id === first.scriptId);
    await expect(page.getByTestId('flow-path')).toContainText(`Q${script?.number}`);
  });

  test('Enter then a digit 10 ms apart, 20 times: no key is lost, each call runs the type typed', async ({
    page,
  }) => {
    // Twenty whole calls, each started, run and saved: about 1.5 s a call, 4 s on a loaded machine.
    test.setTimeout(180_000);
    await consoleActions.loginByKeyboard(page);
    const typed: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const type = e2eGuide.inquiryTypes[round % e2eGuide.inquiryTypes.length];
      if (!type) throw new Error('the guide has no inquiry types');
      const answer = endingAnswer[type.scriptId];
      if (!answer) throw new Error(`no ending answer for ${type.scriptId}`);
      await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
      // Enter starts the call; the digit comes before the picker can have taken focus, and the
      // answer before the script's first step has.
      await page.keyboard.press('Enter');
      await page.waitForTimeout(10);
      await page.keyboard.press(String(type.number));
      await page.waitForTimeout(10);
      await page.keyboard.press(answer);
      await expect(page.getByTestId('flow-outcome')).toBeVisible();
      const script = e2eGuide.scripts.find((candidate) => candidate.id === type.scriptId);
      await expect(page.getByTestId('flow-path')).toContainText(`Q${script?.number}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('saved-confirmation')).toBeVisible();
      typed.push(type.number);
    }
    const saved = await consoleActions.recentConsultations(page);
    expect(saved.map((consultation) => consultation.inquiryType)).toEqual(typed.reverse());
    expect(saved.every((consultation) => consultation.status === 'completed')).toBe(true);
  });
});
