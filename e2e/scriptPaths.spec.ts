import { expect, type Page, test } from '@playwright/test';
import { barsOffScriptTransfer } from '../src/domain/consultation/barsOffScriptTransfer.ts';
import { describeStep } from '../src/domain/flow/describeStep.ts';
import { enumerateFlowPaths } from '../src/domain/flow/enumerateFlowPaths.ts';
import type { CollectFieldKey } from '../src/domain/guide/guideSchema.ts';
import { fieldsWithheldByRefusal } from '../src/domain/privacy/fieldsWithheldByRefusal.ts';
import { draftRecordFields } from '../src/domain/record/draftRecordFields.ts';
import { renderConsultationRecord } from '../src/domain/record/renderConsultationRecord.ts';
import { consoleActions, type SavedConsultation } from './consoleActions.ts';
import { e2eGuide } from './e2eGuide.ts';

// What the agent takes down at collect nodes; each value must reappear in the saved record.
const takenDown: Record<CollectFieldKey, string> = {
  companyName: '이음상사',
  contactName: '김민지',
  phone: '010-1234-5678',
  // Not leads.spec's customer (이음상사, minji@example.com) on the same @open server: a second lead
  // for a customer with an open one is a repeat, filed without a brochure of its own, and whichever
  // spec ran second would find its lead so.
  email: 'minji.paths@example.com',
  inquiry: '세금계산서 재발행 요청',
};
const callerNumber = '010-2222-3333';

// Q2 is driven with the 한글-mode keys (ㅛ/ㅜ) agents type when they leave the IME in Korean.
const pressAnswer = async (page: Page, scriptId: string, latin: 'y' | 'n'): Promise<void> =>
  scriptId === 'q2' ? consoleActions.pressHangulKey(page, latin) : page.keyboard.press(latin);

for (const script of e2eGuide.scripts) {
  const inquiryType = e2eGuide.inquiryTypes.find((type) => type.scriptId === script.id);
  for (const path of enumerateFlowPaths(e2eGuide, script.id)) {
    const answers = path.history.map((entry) => entry.answer);
    // Paths through the business-hours check run in the project whose clock matches; the others
    // do not depend on the clock and run once, in the @open project.
    const tag = answers.includes('closed') ? '@closed' : '@open';
    const title = `${describeStep(e2eGuide, path.state).pathLabels.join(' › ')} → ${path.outcome}`;

    test(`${title}: by keyboard, saved with the guide's record format`, { tag }, async ({ page }) => {
      if (!inquiryType) throw new Error(`no inquiry type opens ${script.id}`);

      await consoleActions.loginByKeyboard(page, `/?caller=${callerNumber}`);
      await expect(page.getByLabel('발신 번호 (선택)')).toHaveValue(callerNumber);
      await consoleActions.startAndPick(page, inquiryType.number);

      const collected: Partial<Record<CollectFieldKey, string>> = {};
      for (const entry of path.history) {
        if (entry.answer === 'open' || entry.answer === 'closed') {
          // Automatic: the console took the business-hours decision itself.
          await expect(page.getByTestId('routing-banner')).toContainText(
            entry.answer === 'open' ? '업무시간' : '이관이 필요합니다',
          );
          continue;
        }
        await consoleActions.expectNode(page, entry.nodeId);
        if (entry.answer === 'yes' || entry.answer === 'agreed') await pressAnswer(page, script.id, 'y');
        else if (entry.answer === 'no' || entry.answer === 'refused') await pressAnswer(page, script.id, 'n');
        else {
          const node = script.nodes.find((candidate) => candidate.id === entry.nodeId);
          const fields = node?.type === 'collect' ? node.fields : [];
          for (const field of fields) {
            await expect(page.getByRole('textbox', { name: field.label, exact: true })).toBeFocused();
            await page.keyboard.type(takenDown[field.key]);
            collected[field.key] = takenDown[field.key];
            await page.keyboard.press('Enter');
          }
          if (fields.length === 0) await page.keyboard.press('Enter');
          // The sign-up intake's optional 사업자등록번호 is off the Enter path: Enter in the e-mail moved on.
        }
      }

      await consoleActions.expectNode(page, path.endNodeId);
      await expect(page.getByTestId('flow-outcome')).toBeVisible();
      const expectedView = describeStep(e2eGuide, path.state);
      for (const line of expectedView.lines)
        await expect(page.getByTestId('script-lines')).toContainText(line);

      // Enter goes to the record form, Ctrl+Enter saves it. The title summarises what was asked
      // (the guide's "[비즈니스] 문의 내용 요약"), else it is the inquiry type's label.
      const summary = collected.inquiry ?? inquiryType.label;
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('record-summary')).toBeFocused();
      await expect(page.getByTestId('record-summary')).toHaveValue(summary);
      // A transfer is offered on every end but a lead's, unless the caller refused consent on the way.
      if (path.outcome !== 'lead') {
        const barred = barsOffScriptTransfer(path.outcome, fieldsWithheldByRefusal(e2eGuide, path.state));
        await expect(page.getByTestId('transfer-toggle')).toHaveCount(barred ? 0 : 1);
      }
      for (const key of fieldsWithheldByRefusal(e2eGuide, path.state)) {
        const input = page.getByTestId(`record-${key}`);
        if (key === 'email') continue;
        await expect(input).toBeDisabled();
        await expect(input).toHaveValue('');
        await expect(input).toHaveAccessibleDescription('개인정보 수집 동의 거부: 저장하지 않습니다');
      }
      const completion = page.waitForResponse(
        (response) => response.request().method() === 'POST' && /\/finish$/.test(response.url()),
      );
      await page.keyboard.press('Control+Enter');
      const response = await completion;
      expect(response.status()).toBe(200);
      // The reply to the agent who wrote the record is the one place it comes back unmasked.
      const finished: { consultation: SavedConsultation } = await response.json();
      const saved = finished.consultation;
      await expect(page.getByTestId('saved-confirmation')).toBeVisible();
      await expect(page.getByRole('heading', { name: '새 상담 시작' })).toBeVisible();

      expect(saved.status).toBe('completed');
      expect(saved.outcome).toBe(path.outcome);
      expect(saved.scriptId).toBe(script.id);
      expect(saved.inquiryType).toBe(inquiryType.number);
      expect(saved.record?.category).toBe('비즈니스 > 기타 > 이관 > 이관');
      expect(saved.record?.title).toBe(`[비즈니스] ${summary}`);

      // After a refused consent the record keeps none of it: not even the number the phone system
      // gave. That number fills 연락처 only where someone calls the caller back (a transfer, a lead).
      const withheld = fieldsWithheldByRefusal(e2eGuide, path.state);
      const callsBack = path.outcome === 'transfer' || path.outcome === 'lead';
      const phone = withheld.has('phone') ? '' : (collected.phone ?? (callsBack ? callerNumber : ''));
      const asked =
        collected.inquiry ?? (collected.email ? e2eGuide.brochureEmail?.transferInquiry : undefined);
      const inquiry = [asked, collected.email ? `이메일주소: ${collected.email}` : undefined]
        .filter(Boolean)
        .join(' / ');
      // Compared line by line without trailing spaces: an empty last field ends in "문의 내용 : ",
      // and the server trims the body's end.
      const linesOf = (text: string | undefined) => (text ?? '').split('\n').map((line) => line.trimEnd());
      expect(linesOf(saved.record?.body)).toEqual(
        linesOf(
          [
            `ㄴ 기업명 : ${collected.companyName ?? ''}`,
            `ㄴ 담당자 이름 : ${collected.contactName ?? ''}`,
            `ㄴ 연락처 : ${phone}`,
            `ㄴ 문의 내용 : ${inquiry}`,
          ].join('\n'),
        ),
      );
      // The console pre-filled exactly what the domain drafts: nothing was typed twice.
      const drafted = draftRecordFields(e2eGuide, path.state, {
        callerNumber,
        collected,
        inquiryTypeNumber: inquiryType.number,
      });
      expect(linesOf(saved.record?.body)).toEqual(linesOf(renderConsultationRecord(e2eGuide, drafted).body));

      // Read back through the list: same record, personal data masked.
      const [listed] = await consoleActions.recentConsultations(page);
      expect(listed?.id).toBe(saved.id);
      expect(listed?.status).toBe('completed');
      expect(listed?.callerNumber).toBe('010-****-3333');
      expect(listed?.record?.category).toBe('비즈니스 > 기타 > 이관 > 이관');
      expect(listed?.record?.title).toBe(`[비즈니스] ${summary}`);
      expect(listed?.record?.body).toMatch(
        /^ㄴ 기업명 : .*\nㄴ 담당자 이름 : .*\nㄴ 연락처 : .*\nㄴ 문의 내용 :.*$/,
      );
      if (phone) expect(listed?.record?.body).not.toContain(phone);

      await expect(page.getByTestId('recent-consultations')).toContainText(`[비즈니스] ${summary}`);
    });
  }
}
