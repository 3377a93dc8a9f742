import type { Locale } from '../../contract/users/localeSchema.ts';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { describeChannel } from './describeChannel.ts';

/**
 * A channel's name for the UI as its guide declares it (describeChannel's rules: the guide's
 * Korean word on the Korean UI, the catalogue's name otherwise); without the guide, by id.
 */
export function describeGuideChannel(guide: Guide | undefined, channel: string, locale: Locale): string {
  return describeChannel(
    channel,
    guide?.channels.find((candidate) => candidate.id === channel)?.label,
    locale,
  );
}
