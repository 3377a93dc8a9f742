import type { Guide } from '../guide/guideSchema.ts';
import { renderTemplate } from '../guide/renderTemplate.ts';
import { resolveGuideVariable } from '../guide/resolveGuideVariable.ts';

/** The lead values the template is filled with. */
export type BrochureEmailValues = { companyName: string; contactName: string };

/** A rendered brochure e-mail. */
export type BrochureEmail = { subject: string; text: string; attachmentName: string };

/** The file name the brochure is attached under when the guide does not name one. */
export const DEFAULT_BROCHURE_ATTACHMENT_NAME = '카카오T_비즈니스_가입_소개서.pdf';

/**
 * Renders the guide's sign-up brochure e-mail (guide.brochureEmail) for one lead. Null when the
 * guide has none. Unknown variables cannot reach here: the guide validator rejects them at load.
 */
export function renderBrochureEmail(guide: Guide, values: BrochureEmailValues): BrochureEmail | null {
  const template = guide.brochureEmail;
  if (!template) return null;
  const resolve = (name: string): string | undefined => {
    if (name === 'lead.companyName') return values.companyName;
    if (name === 'lead.contactName') return values.contactName;
    return resolveGuideVariable(guide, name);
  };
  return {
    // A header must be one line, whatever the values hold.
    subject: renderTemplate(template.subject, resolve).text.replace(/\s+/g, ' ').trim(),
    text: renderTemplate(template.body, resolve).text,
    attachmentName: template.attachmentName ?? DEFAULT_BROCHURE_ATTACHMENT_NAME,
  };
}
