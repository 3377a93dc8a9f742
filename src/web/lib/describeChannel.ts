import type { Channel } from '../../contract/common/channelSchema.ts';
import type { Locale } from '../../contract/users/localeSchema.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { translate } from '../i18n/translate.ts';

const channelMessageKeys: Readonly<Record<Channel, MessageKey>> = {
  call: 'common.channel.call',
  chat: 'common.channel.chat',
};

function isChannel(channel: string): channel is Channel {
  return Object.hasOwn(channelMessageKeys, channel);
}

/**
 * A channel's name for the UI. The guide's label is data written in Korean (전화, 채팅): the Korean
 * UI shows it as the guide wrote it; any other language names a known channel id from the catalogue,
 * because a Korean word there would be the only one on the screen. Without either, the id as sent.
 */
export function describeChannel(channel: string, guideLabel: string | undefined, locale: Locale): string {
  if (locale === 'ko' && guideLabel) return guideLabel;
  if (isChannel(channel)) return translate(locale, channelMessageKeys[channel]);
  return guideLabel ?? channel;
}
