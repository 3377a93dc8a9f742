import { createHash } from 'node:crypto';
import type { BrochureInfo } from '../../../contract/leads/brochureInfoSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { emailOutboxRepository } from '../../repositories/emailOutboxRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { LEAD_BROCHURE_EMAIL_PREFIX } from './scheduleLeadCallback.ts';

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
 * IEUM_BROCHURE_MAX_BYTES. Brochure e-mails not sent yet attach the new one too, in the same
 * transaction: on a new install leads are often filed before SMTP is set and the real brochure
 * uploaded, and customers must not get the shipped sample (marked 샘플) or an outdated file. An
 * e-mail already sent, or being sent, keeps what it went out with.
 */
export async function replaceBrochure(
  ctx: AppContext,
  user: PublicUser,
  upload: { content: Buffer; fileName?: string | undefined },
): Promise<BrochureInfo> {
  const max = ctx.env.IEUM_BROCHURE_MAX_BYTES;
  if (upload.content.length > max) {
    throw new AppError(
      // As the framework answers a body over the route's limit, with the brochure's own limit named.
      'payload-too-large',
      msg('leads.brochureTooLarge', { maxKb: Math.floor(max / 1024) }),
      [{ where: 'body', message: msg('leads.brochureTooLargeDetail', { bytes: upload.content.length }) }],
    );
  }
  if (!isPdf(upload.content)) {
    throw new AppError('validation-failed', msg('leads.brochureNotPdf'), [
      { where: 'body', message: msg('leads.brochureNotPdfDetail') },
    ]);
  }
  const fileName = (upload.fileName ?? '').trim() || 'business-signup-brochure.pdf';
  if (!/^[^/\\]{1,200}\.pdf$/i.test(fileName)) {
    throw new AppError('validation-failed', msg('leads.brochureFileName'), [
      { where: 'querystring/fileName', message: msg('leads.brochureFileNameDetail') },
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
    const reattached = await emailOutboxRepository.reattachUnsentBrochures(tx, LEAD_BROCHURE_EMAIL_PREFIX, {
      brochureFileId: inserted.id,
      contentType: 'application/pdf',
      sizeBytes: inserted.sizeBytes,
    });
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: user.id,
      action: 'brochure.replace',
      subject: `brochure:${inserted.id}`,
      detail: { fileName, sizeBytes: upload.content.length, sha256, reattachedUnsentEmails: reattached },
    });
    return { ...inserted, reattached };
  });
  return {
    source: 'uploaded',
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    sha256,
    uploadedAt: now.toISOString(),
    reattachedUnsentEmails: row.reattached,
  };
}
