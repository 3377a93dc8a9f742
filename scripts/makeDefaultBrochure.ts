// Writes the default sign-up brochure (content/brochures/business-signup-brochure.pdf): a one-page
// A4 PDF in Korean, clearly marked as a SAMPLE (샘플) on every side of the page, so a customer who
// gets it before an admin uploads the real brochure sees at once that it is not the real one.
// Chromium prints it from the HTML below with NanumGothic (Debian's fonts-nanum, which `npm test`
// installs anyway), embedding only the glyphs used, with their Unicode mapping, so the text can be
// searched and copied. The result is committed: starting ieum needs neither Chromium nor the font.
// Usage: node scripts/makeDefaultBrochure.ts [output path]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

// The support line, chat link and the sign-up path are the guide's (content/guides, Q4 and the
// notices); the description of the service is a placeholder an admin replaces.
const html = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>카카오 T 비즈니스 가입 소개서 (샘플)</title>
<style>
  @page { size: A4; margin: 18mm 18mm 20mm; }
  body { font-family: 'NanumGothic', sans-serif; color: #1f2330; font-size: 11pt; line-height: 1.6; margin: 0; }
  .watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; transform: rotate(-30deg);
    font-size: 120pt; font-weight: 800; color: rgba(220, 38, 38, 0.10); letter-spacing: 12pt; }
  .sample { border: 2px solid #b91c1c; color: #7f1d1d; background: #fef2f2; border-radius: 8px; padding: 10px 14px; margin-bottom: 18px; }
  .sample strong { font-size: 13pt; }
  h1 { font-size: 22pt; margin: 0 0 4px; }
  .subtitle { color: #4b5563; margin: 0 0 18px; }
  h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #d1d5db; padding-bottom: 3px; }
  ol, ul { margin: 0; padding-left: 20px; }
  .contact { background: #f3f4f6; border-radius: 8px; padding: 10px 14px; }
  footer { position: fixed; bottom: 0; left: 0; right: 0; font-size: 8.5pt; color: #7f1d1d; text-align: center; }
</style>
</head>
<body>
  <div class="watermark" aria-hidden="true">샘플</div>
  <div class="sample">
    <strong>샘플 소개서 (SAMPLE)</strong><br>
    이 문서는 ieum에 기본으로 들어 있는 예시 파일이며, 실제 서비스 내용이나 요금 안내가 아닙니다.
    관리자는 처음 설정 점검 화면(/first-run) 또는 가입 리드 현황(/funnel)에서 실제 가입 소개서 PDF를 올려 주세요.
  </div>
  <h1>카카오 T 비즈니스 가입 소개서</h1>
  <p class="subtitle">회사의 업무 이동을 한 계정에서 — 가입 상담을 요청해 주셔서 감사합니다.</p>

  <h2>카카오 T 비즈니스란</h2>
  <p>임직원의 업무용 택시·대리운전 등 이동 서비스를 회사 계정 하나로 이용하고, 이용 내역을 한곳에서 확인하며
  월 단위로 정산하는 기업용 서비스입니다. 부서·직원별 이용 한도와 이용 규칙을 관리자가 정할 수 있습니다.</p>

  <h2>가입 절차</h2>
  <ol>
    <li>가입 상담 요청 (상담센터 또는 채팅상담)</li>
    <li>이 소개서를 메일로 받아 보기</li>
    <li>담당 부서에서 영업일·영업시간에 순차적으로 연락드림</li>
    <li>계약 및 회사 계정 개설 안내</li>
  </ol>

  <h2>준비해 주실 것</h2>
  <ul>
    <li>사업자등록번호, 회사명</li>
    <li>관리책임자와 운영담당자의 이름, 연락처, 이메일</li>
    <li>이용하실 서비스와 예상 이용 인원</li>
  </ul>

  <h2>문의</h2>
  <div class="contact">
    비즈니스 전용 상담센터: <strong>1644-7391</strong> (평일 09~18)<br>
    카카오 T 비즈니스 채팅상담: https://pf.kakao.com/_xnbHhK
  </div>

  <footer>샘플 소개서 — ieum 기본 파일 (scripts/makeDefaultBrochure.ts). 실제 소개서로 바꾸어 사용하세요.</footer>
</body>
</html>`;

const output = path.resolve(process.argv[2] ?? 'content/brochures/business-signup-brochure.pdf');
const browser = await chromium.launch({
  executablePath: process.env.IEUM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, tagged: true });
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, pdf);
  console.log(`wrote ${output} (${pdf.length} bytes)`);
} finally {
  await browser.close();
}
