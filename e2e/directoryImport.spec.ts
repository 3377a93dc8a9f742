import { expect, test } from '@playwright/test';
import { badChecksum, bizNoFrom, toCp949Csv } from '../test/factories/directoryFiles.ts';
import { consoleActions } from './consoleActions.ts';
import { e2eUsers } from './e2eUsers.ts';

// Numbers of their own: the seeded 누리테크 (e2eDirectory.ts) that the CTI spec relies on is untouched.
const company = bizNoFrom('613810042');
const rows = [
  ['이음전자', company, '최수진', '관리책임자', '010-6100-0001', 'sj@ieum-elec.example'],
  ['이음전자', company, '강민호', '운영담당자', '010-6100-0002', ''],
];

test.describe('admin directory import', { tag: '@open' }, () => {
  test('a CP949 file is checked first: refused lines listed, nothing imported; a clean file imports and shows masked', async ({
    page,
  }) => {
    await consoleActions.signIn(page, e2eUsers.admin);
    await page.getByRole('button', { name: '관리', exact: true }).click();
    await page.getByRole('tab', { name: '기업 명부' }).click();

    const bad = [rows[0] ?? [], ['이음전자', badChecksum(company), '강민호', '팀장', '010-6100-0002', '']];
    await page
      .getByLabel('파일')
      .setInputFiles({ name: '담당자.csv', mimeType: 'text/csv', buffer: toCp949Csv(bad) });
    const refused = page.getByTestId('directory-refused');
    await expect(refused).toContainText('사업자등록번호의 검증번호가 맞지 않습니다');
    await expect(refused).toContainText('담당자 구분은 관리책임자 또는 운영담당자입니다');
    await expect(refused.locator('tbody tr')).toHaveCount(1);
    await expect(refused.locator('tbody tr td').first()).toHaveText('3');
    await expect(page.getByTestId('directory-import-report')).toContainText('cp949');
    await expect(page.getByRole('button', { name: /행 가져오기/ })).toHaveCount(0);

    await page
      .getByLabel('파일')
      .setInputFiles({ name: '담당자.csv', mimeType: 'text/csv', buffer: toCp949Csv(rows) });
    await expect(page.getByTestId('directory-import-report')).toContainText('거부 0');
    await page.getByRole('button', { name: '2개 행 가져오기' }).click();
    await expect(page.getByTestId('directory-import-report')).toContainText('가져왔습니다');

    // Found by the 초성 of its name, contacts masked.
    await page.getByLabel('검색').fill('ㅇㅇㅈㅈ');
    await page.keyboard.press('Enter');
    const row = page
      .getByTestId('directory-companies')
      .locator(`tr[data-bizno="${company.replace(/-/g, '')}"]`);
    await expect(row).toContainText('이음전자');
    await expect(row).toContainText('최*진 · 관리책임자 · 010-****-0001');
    await expect(row).toContainText('강*호 · 운영담당자');
    await expect(page.getByTestId('directory-companies')).not.toContainText('최수진');
  });
});
