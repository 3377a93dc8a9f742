import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';

/** The brochure PDF attached to sign-up e-mails: the latest admin upload, else the shipped default. */
export type Brochure = {
  source: 'uploaded' | 'default';
  fileName: string;
  content: Buffer;
  sha256: string;
  uploadedAt: string | null;
};

/**
 * Reads the brochure to attach. Pass the transaction when inside one (PGlite has a single
 * connection). A missing default file is a deployment fault, reported as 503 so a lead is never
 * filed with an e-mail that has no brochure.
 */
export async function loadBrochure(ctx: AppContext, db: Database = ctx.database.db): Promise<Brochure> {
  const uploaded = await leadRepository.findLatestBrochureFile(db);
  if (uploaded) {
    return {
      source: 'uploaded',
      fileName: uploaded.fileName,
      content: Buffer.from(uploaded.contentBase64, 'base64'),
      sha256: uploaded.sha256,
      uploadedAt: uploaded.uploadedAt.toISOString(),
    };
  }
  const file = ctx.env.IEUM_BROCHURE_FILE;
  let content: Buffer;
  try {
    content = await fs.readFile(file);
  } catch {
    throw new AppError('unavailable', msg('leads.brochureMissing', { file }));
  }
  return {
    source: 'default',
    fileName: path.basename(file),
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    uploadedAt: null,
  };
}
