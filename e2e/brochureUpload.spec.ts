import { expect, test } from '@playwright/test';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// The admin replaces the sign-up brochure on the funnel screen (the file every brochure e-mail
// attaches). On the @guides server: the brochure of the @open server's lead specs stays the sample.
test.describe('the sign-up brochure', { tag: '@guides' }, () => {
  test('an admin replaces it from the funnel in English: a file that is not a PDF is refused in English, a PDF replaces it and is what the download gives', async ({
    page,
  }) => {
    await consoleActions.signIn(page, e2eUsers.admin);
    await consoleActions.switchLanguage(page, 'English');
    try {
      await page.goto('/funnel');
      const panel = page.getByRole('region', { name: 'Sign-up brochure (attached PDF)' });
      await expect(panel.getByTestId('brochure-info')).toContainText('shipped sample');
      const upload = panel.getByTestId('brochure-upload');
      await expect(upload).toBeDisabled();

      // A text file under a PDF's name: the server's refusal, in the app's language, under the form.
      const chooser = page.waitForEvent('filechooser');
      await panel.getByTestId('brochure-file').click();
      await (await chooser).setFiles({
        name: 'brochure.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('the brochure, as plain text\n'),
      });
      await upload.click();
      const refusal = panel.getByRole('alert');
      await expect(refusal).toContainText('not a PDF');
      await expect(refusal).not.toContainText(/[\uAC00-\uD7A3]/);
      await expect(panel.getByTestId('brochure-info')).toContainText('shipped sample');

      // A PDF: replaced, and the panel says which file every new brochure e-mail now attaches.
      const pdf = Buffer.from(
        '%PDF-1.4\n% ieum e2e brochure\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      );
      const second = page.waitForEvent('filechooser');
      await panel.getByTestId('brochure-file').click();
      await (await second).setFiles({
        name: 'kakao-t-business-2027.pdf',
        mimeType: 'application/pdf',
        buffer: pdf,
      });
      await expect(refusal).toHaveCount(0);
      await upload.click();
      await expect(panel.getByTestId('brochure-replaced')).toContainText('The brochure was replaced.');
      await expect(panel.getByTestId('brochure-info')).toContainText('kakao-t-business-2027.pdf');
      await expect(panel.getByTestId('brochure-info')).toContainText('uploaded');
      await expect(upload).toBeDisabled();

      // The download is the uploaded file, byte for byte.
      const href = await panel.getByRole('link', { name: 'Download' }).getAttribute('href');
      const file = await page.request.get(href ?? '');
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain('application/pdf');
      expect(Buffer.compare(await file.body(), pdf)).toBe(0);
    } finally {
      await consoleActions.switchLanguage(page, '한국어');
    }
  });
});
