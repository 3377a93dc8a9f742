import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../appContext.ts';
import type { OutboxAttachment } from '../../db/jobsSchema.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';

/** The brochure a sign-up e-mail attaches, by reference: the attachment's file name is the guide's. */
export type BrochureReference = Omit<OutboxAttachment, 'filename' | 'contentBase64'>;

/**
 * Which brochure a sign-up e-mail attaches — the latest admin upload (by id), else the shipped
 * default (by path) — without reading the PDF: the outbox refers to it and the sender reads it when
 * the mail goes out, so no e-mail row carries its own copy. A missing default file is a deployment
 * fault, reported as 503 so a lead is never filed with an e-mail that has no brochure.
 */
export async function brochureAttachment(
  ctx: AppContext,
  db: Database = ctx.database.db,
): Promise<BrochureReference> {
  const uploaded = await leadRepository.findLatestBrochureReference(db);
  if (uploaded) {
    return { brochureFileId: uploaded.id, contentType: 'application/pdf', sizeBytes: uploaded.sizeBytes };
  }
  const file = path.resolve(ctx.env.IEUM_BROCHURE_FILE);
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('not a file');
    return { path: file, contentType: 'application/pdf', sizeBytes: stat.size };
  } catch {
    throw new AppError('unavailable', msg('leads.brochureMissing', { file: ctx.env.IEUM_BROCHURE_FILE }));
  }
}
