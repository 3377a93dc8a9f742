import type { Guide, GuideChannel } from './guideSchema.ts';

/** Every channel the guides serve, once each, in the order the guides list them (first label wins). */
export function listGuideChannels(guides: readonly Guide[]): GuideChannel[] {
  const seen = new Map<string, GuideChannel>();
  for (const guide of guides) {
    for (const channel of guide.channels) if (!seen.has(channel.id)) seen.set(channel.id, channel);
  }
  return [...seen.values()];
}
