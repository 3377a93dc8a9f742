import { expect, type Page } from '@playwright/test';
import { e2eUsers } from './e2eUsers.ts';

/** A consultation as read back from the API. */
export type SavedConsultation = {
  id: string;
  status: string;
  outcome: string | null;
  scriptId: string | null;
  inquiryType: number | null;
  channel: string;
  callerNumber: string | null;
  record: { category: string; title: string; body: string } | null;
};

/** What an agent does in the console, by keyboard only, shared by the specs. */
// The 2-set (두벌식) jamo of the letter keys the specs press with the IME in 한글.
const twoSetJamo = {
  y: 'ㅛ',
  n: 'ㅜ',
  j: 'ㅓ',
  k: 'ㅏ',
  s: 'ㄴ',
  d: 'ㅇ',
  u: 'ㅕ',
  m: 'ㅡ',
  o: 'ㅐ',
} as const;

export const consoleActions = {
  /** Opens `path` (signed out, so the login screen), types email, Tab, password, Enter. */
  async loginByKeyboard(page: Page, path = '/'): Promise<void> {
    await page.goto(path);
    await expect(page.getByLabel('이메일')).toBeFocused();
    await page.keyboard.type(e2eUsers.agent.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(e2eUsers.agent.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toContainText(e2eUsers.agent.name);
  },

  /** Signs `user` in on the login page (e-mail, password, Enter) and waits for their name in the header. */
  async signIn(page: Page, user: { email: string; password: string; name: string }): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('이메일').fill(user.email);
    await page.getByLabel('비밀번호').fill(user.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toContainText(user.name);
  },

  /**
   * Clicks a language in the header's 한국어 | English switch and waits until the account has
   * saved it (the choice is the user's, so specs on shared accounts switch back when done).
   */
  async switchLanguage(page: Page, language: '한국어' | 'English'): Promise<void> {
    const saved = page.waitForResponse(
      (response) =>
        response.request().method() === 'PUT' && response.url().endsWith('/api/v1/me/preferences'),
    );
    await page.getByTestId('language-switch').getByText(language).click();
    expect((await saved).status()).toBe(200);
  },

  /**
   * The start panel is shown and its channel has focus. The header (current user) renders before
   * the panel mounts, so an Enter pressed on the header alone could land on the page body.
   */
  async expectStartPanelReady(page: Page): Promise<void> {
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await expect(
      page.locator('form[aria-labelledby="start-title"] input[type="radio"]:checked'),
    ).toBeFocused();
  },

  /** Enter on the start panel (focus starts on the channel), then the inquiry type's number key. */
  async startAndPick(page: Page, inquiryTypeNumber: number): Promise<void> {
    await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '문의 유형 선택' })).toBeVisible();
    await page.keyboard.press(String(inquiryTypeNumber));
    await expect(page.getByTestId('flow-step')).toBeVisible();
  },

  /**
   * Presses a letter key the way a Korean IME in 한글 mode delivers it: the key is the 2-set jamo
   * (Y → ㅛ, J → ㅓ), the physical key is Key<letter>. Sent through CDP, because Playwright's
   * keyboard only knows a US layout.
   */
  async pressHangulKey(page: Page, latin: keyof typeof twoSetJamo): Promise<void> {
    const jamo = twoSetJamo[latin];
    const code = `Key${latin.toUpperCase()}`;
    const keyCode = latin.toUpperCase().charCodeAt(0);
    const cdp = await page.context().newCDPSession(page);
    const base = { key: jamo, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, text: jamo, unmodifiedText: jamo });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
    await cdp.detach();
  },

  /** Waits until the flow rests on the node. */
  async expectNode(page: Page, nodeId: string): Promise<void> {
    await expect(page.getByTestId('flow-step')).toHaveAttribute('data-node-id', nodeId);
  },

  /** The signed-in agent's consultations, newest first, read through the API in the page's session. */
  async recentConsultations(page: Page): Promise<SavedConsultation[]> {
    return page.evaluate(async () => {
      const response = await fetch('/api/v1/consultations?scope=mine&limit=20', {
        credentials: 'same-origin',
      });
      if (!response.ok)
        throw new Error(`GET /api/v1/consultations → ${response.status} ${await response.text()}`);
      const body: { items: SavedConsultation[] } = await response.json();
      return body.items;
    });
  },
};
