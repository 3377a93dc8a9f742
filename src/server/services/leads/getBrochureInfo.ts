import type { BrochureInfo } from '../../../contract/leads/brochureInfoSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { loadBrochure } from './loadBrochure.ts';

/** Which brochure sign-up e-mails attach now: the uploaded one or the shipped default, its size and hash. */
export async function getBrochureInfo(ctx: AppContext): Promise<BrochureInfo> {
  const brochure = await loadBrochure(ctx);
  return {
    source: brochure.source,
    fileName: brochure.fileName,
    sizeBytes: brochure.content.length,
    sha256: brochure.sha256,
    uploadedAt: brochure.uploadedAt,
  };
}
