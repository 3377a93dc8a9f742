import type { Channel } from '../../contract/common/channelSchema.ts';
import type { Guide, GuideScript, InquiryType } from '../../domain/guide/guideSchema.ts';
import { scriptChannels } from '../../domain/guide/scriptChannels.ts';
import { filterInquiryTypes } from './filterInquiryTypes.ts';

/** An inquiry type the agent can pick, with its guide and the script it opens. */
export type InquiryChoice = { guide: Guide; type: InquiryType; script: GuideScript | undefined };

/**
 * The inquiry types of every guide an agent on this channel can pick, filtered by what they typed
 * (see filterInquiryTypes), guide by guide in the catalog's order. A type whose script is not read
 * on the channel (a chat-only script during a call) is left out.
 */
export function listInquiryChoices(
  guides: readonly Guide[],
  channel: Channel,
  query: string,
): InquiryChoice[] {
  return guides.flatMap((guide) =>
    filterInquiryTypes(guide, query).flatMap((type) => {
      const script = guide.scripts.find((candidate) => candidate.id === type.scriptId);
      if (script && !scriptChannels(guide, script).includes(channel)) return [];
      return [{ guide, type, script }];
    }),
  );
}
