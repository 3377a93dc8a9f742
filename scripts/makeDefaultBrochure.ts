// Writes the default sign-up brochure (content/brochures/business-signup-brochure.pdf): a valid
// one-page PDF written by hand, so no PDF library is needed. The text is ASCII because Korean text in
// a PDF needs an embedded font; admins replace this file with the real brochure
// (PUT /api/v1/admin/brochure). Usage: node scripts/makeDefaultBrochure.ts [output path]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const lines = [
  { size: 24, text: 'Kakao T Business' },
  { size: 16, text: 'Sign-up brochure' },
  { size: 11, text: '' },
  { size: 11, text: 'Thank you for your interest in Kakao T Business.' },
  { size: 11, text: 'Business taxi, designated driver and navigation for your company,' },
  { size: 11, text: 'with central billing, usage limits and monthly settlement.' },
  { size: 11, text: '' },
  { size: 11, text: 'Our business team will call you back during business hours' },
  { size: 11, text: '(weekdays 09:00-18:00 KST) to walk you through sign-up.' },
  { size: 11, text: '' },
  { size: 11, text: 'Business support line: 1644-7391 (weekdays 09-18)' },
  { size: 11, text: 'Chat: https://pf.kakao.com/_xnbHhK' },
  { size: 11, text: '' },
  { size: 9, text: 'Default brochure shipped with ieum. Administrators replace it with the current one.' },
];

/** Escapes a string for a PDF literal string. */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The bytes of a one-page A4 PDF with the lines above, with a correct cross-reference table. */
function makeBrochurePdf(): Buffer {
  let y = 770;
  const operations = ['BT'];
  for (const line of lines) {
    operations.push(`/F1 ${line.size} Tf`, `1 0 0 1 72 ${y} Tm`, `${pdfString(line.text)} Tj`);
    y -= Math.round(line.size * 1.8);
  }
  operations.push('ET');
  const stream = operations.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Title (Kakao T Business sign-up brochure) /Producer (ieum scripts/makeDefaultBrochure.ts) >>',
  ];
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const output = path.resolve(process.argv[2] ?? 'content/brochures/business-signup-brochure.pdf');
mkdirSync(path.dirname(output), { recursive: true });
const pdf = makeBrochurePdf();
writeFileSync(output, pdf);
console.log(`wrote ${output} (${pdf.length} bytes)`);
