import type { Channel } from '../../contract/common/channelSchema.ts';
import type { Guide, GuideScript } from './guideSchema.ts';

/** The channels a script is read on: its own list, or every channel of its guide. */
export function scriptChannels(guide: Guide, script: GuideScript): Channel[] {
  return script.channels ?? guide.channels.map((channel) => channel.id);
}
