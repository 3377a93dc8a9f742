import type { Guide, InquiryType } from '../guide/guideSchema.ts';
import { scriptChannels } from '../guide/scriptChannels.ts';

/** The inquiry types whose script is read on chat, in the guide's order: what the chatbot offers. */
export function chatInquiryTypes(guide: Guide): InquiryType[] {
  return guide.inquiryTypes.filter((type) => {
    const script = guide.scripts.find((candidate) => candidate.id === type.scriptId);
    return script !== undefined && scriptChannels(guide, script).includes('chat');
  });
}
