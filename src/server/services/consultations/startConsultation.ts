import type { Channel } from '../../../contract/common/channelSchema.ts';
import type { StartConsultationInput } from '../../../contract/consultations/startConsultationSchema.ts';
import type { StartedConsultation } from '../../../contract/consultations/startedConsultationSchema.ts';
import type { ConsultationLifecycleEvent } from '../../../contract/events/consultationLifecycleEventSchema.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { normalizeKoreanPhone } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { wordDomainMessage } from '../../i18n/wordDomainMessage.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { consultationRetentionEnd } from '../privacy/consultationRetentionEnd.ts';
import { findCallerContact } from './findCallerContact.ts';
import { presentConsultation } from './presentConsultation.ts';

// No guide named: the default guide, unless it does not serve the channel and another one does.
function guideForChannel(ctx: AppContext, channel: Channel): Guide {
  const preferred = ctx.guides.defaultGuide();
  if (preferred.channels.some((candidate) => candidate.id === channel)) return preferred;
  return (
    ctx.guides.list().find((guide) => guide.channels.some((candidate) => candidate.id === channel)) ??
    preferred
  );
}

/**
 * Opens a consultation for a call or chat. The guide version in force now (or the one given) is
 * stored with it, so the record always says which wording the agent read, and it is saved on it.
 */
export async function startConsultation(
  ctx: AppContext,
  agent: PublicUser,
  input: StartConsultationInput,
  /**
   * A call answered through the CTI starts it inside the event's transaction (`db`), noting whether
   * the business directory knew the caller's number.
   */
  options: {
    db?: Database;
    directoryMatched?: boolean;
    /**
     * The guide at the version to start on, when the caller holds it: the chatbot files the chat of
     * a conversation begun before a restart on the version that conversation began on.
     */
    guide?: Guide;
    /**
     * When the conversation began, when that was before now: the chatbot opens a chat's
     * consultation only once a turn files something, and the chat started with its first message.
     */
    startedAt?: Date;
  } = {},
): Promise<StartedConsultation> {
  const guide =
    options.guide ??
    (input.guideId === undefined ? guideForChannel(ctx, input.channel) : ctx.guides.get(input.guideId));
  if (!guide) {
    throw new AppError('validation-failed', msg('common.guideNotFound', { id: String(input.guideId) }), [
      { where: '/guideId', message: msg('common.guideNotFoundDetail') },
    ]);
  }
  if (!guide.channels.some((channel) => channel.id === input.channel)) {
    const served = guide.channels.map((channel) => channel.id).join(', ');
    throw new AppError(
      'validation-failed',
      msg('consultations.guideServesOtherChannels', { guide: guide.heading, channels: served }),
      [
        {
          where: '/channel',
          message: msg('consultations.guideServesOtherChannelsDetail', { channels: served }),
        },
      ],
    );
  }
  let callerNumber: string | null = null;
  if (input.callerNumber?.trim()) {
    const phone = normalizeKoreanPhone(input.callerNumber);
    if (!phone.ok) {
      const message = wordDomainMessage(phone.message);
      throw new AppError('validation-failed', message, [{ where: '/callerNumber', message }]);
    }
    callerNumber = phone.display;
  }
  const now = ctx.now();
  const startedAt = options.startedAt && options.startedAt < now ? options.startedAt : now;
  const insert = async (db: Database) => {
    const inserted = await consultationRepository.insert(db, ctx.fieldCodec, {
      agentId: agent.id,
      channel: input.channel,
      callerNumber,
      guideId: guide.id,
      guideVersion: guide.version,
      // Set now so a consultation abandoned before completion is still erased in time.
      retentionEndsAt: consultationRetentionEnd(ctx.env, { startedAt, completedAt: null }),
      startedAt,
      lastActivityAt: now,
      directoryMatched: options.directoryMatched ?? null,
    });
    // The live floor counts agents on a call; the event goes out on commit with the row.
    const started: ConsultationLifecycleEvent = {
      consultationId: inserted.id,
      agentId: agent.id,
      channel: input.channel,
    };
    await publishEvent(db, { type: 'consultation.started', data: started });
    return inserted;
  };
  const db = options.db ?? ctx.database.db;
  const row = options.db ? await insert(options.db) : await db.transaction(insert);
  // The agent's own screen gets the number the phone system just gave it, and who the directory
  // says the caller is: the record starts from both (nothing typed twice).
  return {
    ...presentConsultation(row, agent.name, { reveal: true }),
    callerContact: await findCallerContact(db, ctx.fieldCodec, callerNumber),
  };
}
