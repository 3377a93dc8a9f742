import { createHash } from 'node:crypto';
import type { BrochureInfo } from '../../../contract/leads/brochureInfoSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';

/** Whether bytes look like a whole PDF: the header at the start and an end-of-file marker near the end. */
export function isPdf(content: Buffer): boolean {
  if (content.length < 16 || content.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  return content
    .subarray(Math.max(0, content.length - 1024))
    .toString('latin1')
    .includes('%%EOF');
}

/**
 * Replaces the sign-up brochure with an uploaded PDF (kept in the database, so every instance sends
 * the same file). Refuses anything that is not a complete PDF or is larger than
 * IEUM_BROCHURE_MAX_BYTES; e-mails already queued keep the brochure they were queued with.
 */
export async function replaceBrochure(
  ctx: AppContext,
  user: PublicUser,
  upload: { content: Buffer; fileName?: string | undefined },
): Promise<BrochureInfo> {
  const max = ctx.env.IEUM_BROCHURE_MAX_BYTES;
  if (upload.content.length > max) {
    throw new AppError('validation-failed', `소개서 PDF는 ${Math.floor(max / 1024)}KB 이하여야 합니다.`, [
      { where: 'body', message: `too large: ${upload.content.length} bytes` },
    ]);
  }
  if (!isPdf(upload.content)) {
    throw new AppError('validation-failed', 'PDF 파일이 아닙니다. 가입 소개서는 PDF로 올려 주세요.', [
      { where: 'body', message: 'not a PDF (no %PDF- header or %%EOF marker)' },
    ]);
  }
  const fileName = (upload.fileName ?? '').trim() || 'business-signup-brochure.pdf';
  if (!/^[^/\\]{1,200}\.pdf$/i.test(fileName)) {
    throw new AppError('validation-failed', '파일 이름은 .pdf로 끝나야 합니다.', [
      { where: 'querystring/fileName', message: 'must end in .pdf, without slashes' },
    ]);
  }
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  const now = ctx.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const inserted = await leadRepository.insertBrochureFile(tx, {
      fileName,
      contentBase64: upload.content.toString('base64'),
      sizeBytes: upload.content.length,
      sha256,
      uploadedBy: user.id,
      uploadedAt: now,
    });
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: user.id,
      action: 'brochure.replace',
      subject: `brochure:${inserted.id}`,
      detail: { fileName, sizeBytes: upload.content.length, sha256 },
    });
    return inserted;
  });
  return {
    source: 'uploaded',
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    sha256,
    uploadedAt: now.toISOString(),
  };
}
