import type { Guide } from '../../../domain/guide/guideSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';

/** The guide the chatbot speaks from: the default guide when it serves chat, else the first that does. */
export function kakaoChatGuide(ctx: AppContext): Guide {
  const serves = (guide: Guide) => guide.channels.some((channel) => channel.id === 'chat');
  const preferred = ctx.guides.defaultGuide();
  const guide = serves(preferred) ? preferred : ctx.guides.list().find(serves);
  if (!guide) throw new AppError('not-found', msg('kakao.noChatGuide'));
  return guide;
}
