import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';

/** Where a page of consultations ended: the last one's start and id (ties broken by id). */
export type ConsultationListPosition = { startedAt: Date; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The opaque `nextCursor` of `GET /api/v1/consultations` and back: the position after which the
 * next page starts. A position, not an offset, so consultations started meanwhile neither repeat
 * nor skip rows on the pages that follow.
 */
export const consultationListCursor = {
  encode: (position: ConsultationListPosition): string =>
    Buffer.from(`${position.startedAt.toISOString()}|${position.id}`, 'utf8').toString('base64url'),

  /** The position a cursor names; a 400 at querystring/cursor for anything this server did not make. */
  decode: (cursor: string): ConsultationListPosition => {
    const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
    const startedAt = new Date(at ?? '');
    if (rest.length > 0 || id === undefined || !UUID.test(id) || Number.isNaN(startedAt.getTime())) {
      throw new AppError('validation-failed', msg('consultations.badCursor'), [
        { where: 'querystring/cursor', message: msg('consultations.badCursorDetail') },
      ]);
    }
    return { startedAt, id };
  },
};
