import type { Channel } from '../../contract/common/channelSchema.ts';
import type { Guide, GuideScript, InquiryType } from '../../domain/guide/guideSchema.ts';
import { scriptChannels } from '../../domain/guide/scriptChannels.ts';
import { rankInquiryTypes } from './rankInquiryTypes.ts';

/** An inquiry type the agent can pick, with its guide and the script it opens. */
export type InquiryChoice = { guide: Guide; type: InquiryType; script: GuideScript | undefined };

/**
 * The inquiry types of every guide an agent on this channel can pick, filtered by what they typed
 * (see rankInquiryTypes): best matches first across guides — '1' lists every guide's type 1 before
 * any type 10 — and, within a rank, guide by guide in the catalog's order, then by number. A type
 * whose script is not read on the channel (a chat-only script during a call) is left out.
 */
export function listInquiryChoices(
  guides: readonly Guide[],
  channel: Channel,
  query: string,
): InquiryChoice[] {
  const ranked = guides.flatMap((guide) =>
    rankInquiryTypes(guide, query).flatMap(({ type, rank }) => {
      const script = guide.scripts.find((candidate) => candidate.id === type.scriptId);
      if (script && !scriptChannels(guide, script).includes(channel)) return [];
      return [{ rank, choice: { guide, type, script } }];
    }),
  );
  // Array.prototype.sort is stable: equal ranks keep the guides' order and each guide's own.
  return ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.choice);
}
