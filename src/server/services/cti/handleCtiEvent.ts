import type { CtiEvent } from '../../../contract/cti/ctiEventSchema.ts';
import { decideBusinessHours } from '../../../domain/calendar/decideBusinessHours.ts';
import { describeCaller } from '../../../domain/cti/describeCaller.ts';
import { addRetentionYears } from '../../../domain/privacy/addRetentionYears.ts';
import { normalizeKoreanPhone } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { can } from '../../policies.ts';
import { type CallRow, callRepository } from '../../repositories/callRepository.ts';
import { type CtiTokenRow, ctiTokenRepository } from '../../repositories/ctiTokenRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { publicUser } from '../auth/publicUser.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { findRegisteredContactsByPhone } from '../companies/findRegisteredContactsByPhone.ts';
import { startConsultation } from '../consultations/startConsultation.ts';

/** Hangup causes (Zammad's) that mean nobody took the call: the caller is called back. */
const MISSED_CAUSES: ReadonlySet<string> = new Set(['cancel', 'noAnswer', 'busy']);

/** What an event did, for logs, tests and the Asterisk bridge (the HTTP answer stays Zammad's `{}`). */
export type CtiEventOutcome = {
  callId: string;
  state: CallRow['state'];
  /** False when the event repeated one already applied (same callId): nothing changed. */
  changed: boolean;
  consultationId: string | null;
  agentId: string | null;
};

// Zammad sends `user` as a string or a list in JSON and `user[]` in forms.
function ringingNames(event: CtiEvent): string[] {
  const names = [event.user, event['user[]']].flatMap((value) =>
    value === undefined ? [] : Array.isArray(value) ? value : [value],
  );
  return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}

/** The agent behind `answeringNumber`: by extension, else by e-mail (Zammad looks up phone, then login). */
async function findAnsweringAgent(tx: Database, answeringNumber: string | undefined) {
  const value = answeringNumber?.trim();
  if (!value) return null;
  const user =
    (await userRepository.findByExtension(tx, value)) ??
    (value.includes('@') ? await userRepository.findByEmail(tx, value) : undefined);
  if (!user || user.disabledAt !== null || !can(user.role, 'consultation:create')) return null;
  return publicUser(user);
}

/**
 * Applies one call event of a PBX integration (Zammad's generic CTI: newCall, answer, hangup), in one
 * transaction keyed by the integration's call id, so a repeated event changes nothing:
 * - newCall records the ringing call;
 * - answer gives it to the agent whose extension answered, starts their call consultation with the
 *   caller's number (the console's startConsultation) and pops it on that agent's screens only;
 * - hangup ends it; an inbound call never answered (cause cancel, noAnswer or busy) with a caller
 *   number becomes a callback in the business queue, due now when open, else at the next opening.
 * An event may arrive without the ones before it (a bridge restarted): the call is created then.
 */
export async function handleCtiEvent(
  ctx: AppContext,
  token: CtiTokenRow,
  event: CtiEvent,
): Promise<CtiEventOutcome> {
  // Read before the transaction: PGlite runs one transaction at a time.
  const facts = event.event === 'hangup' ? await loadCalendarFacts(ctx) : null;
  const now = ctx.now();
  const customerRaw = event.direction === 'in' ? event.from : event.to;
  const customer = customerRaw ? normalizeKoreanPhone(customerRaw) : null;
  const customerNumber = customer?.ok ? customer.display : null;
  return ctx.database.db.transaction(async (tx) => {
    await ctiTokenRepository.touch(tx, token.id, now);
    const { row, created } = await callRepository.insertOrLock(tx, ctx.fieldCodec, {
      tokenId: token.id,
      externalId: event.callId,
      direction: event.direction,
      fromNumber: event.from ?? null,
      toNumber: event.to ?? null,
      customerNumber,
      queue: event.queue ?? null,
      ringing: ringingNames(event),
      state: 'ringing',
      startedAt: now,
      retentionEndsAt: addRetentionYears(now, ctx.env.IEUM_RETENTION_DEFAULT_YEARS),
    });
    const unchanged = (call: CallRow): CtiEventOutcome => ({
      callId: call.id,
      state: call.state,
      changed: created,
      consultationId: call.consultationId,
      agentId: call.agentId,
    });
    if (event.event === 'newCall') return unchanged(row);
    if (event.event === 'answer') {
      // Answered, missed or ended already: a repeat, or an answer arriving after the hangup.
      if (row.state !== 'ringing') return unchanged(row);
      const agent = await findAnsweringAgent(tx, event.answeringNumber);
      let consultationId: string | null = null;
      if (agent) {
        // The directory's answer is kept on the consultation; Q1/Q3 suggest it, the agent confirms.
        const matches = customerNumber
          ? await findRegisteredContactsByPhone(tx, ctx.fieldCodec, customerNumber)
          : [];
        const consultation = await startConsultation(
          ctx,
          agent,
          { channel: 'call', ...(customerNumber ? { callerNumber: customerNumber } : {}) },
          { db: tx, directoryMatched: describeCaller(matches).registered },
        );
        consultationId = consultation.id;
      }
      const answered = await callRepository.update(tx, ctx.fieldCodec, row.id, {
        state: 'answered',
        answeredAt: now,
        answeringNumber: event.answeringNumber?.trim() || null,
        agentId: agent?.id ?? null,
        consultationId,
      });
      if (agent) {
        await publishEvent(tx, {
          type: 'call.answered',
          data: { callId: row.id, consultationId, agentId: agent.id },
        });
      }
      return { ...unchanged(answered), changed: true };
    }
    // hangup
    if (row.state === 'missed' || row.state === 'ended') return unchanged(row);
    const missed = row.state === 'ringing';
    // An anonymous caller cannot be called back; an answered or outbound call needs no callback.
    const callback =
      missed &&
      row.direction === 'in' &&
      row.customerNumber !== null &&
      MISSED_CAUSES.has(event.cause ?? '') &&
      facts !== null;
    const ended = await callRepository.update(tx, ctx.fieldCodec, row.id, {
      state: missed ? 'missed' : 'ended',
      endedAt: now,
      cause: event.cause ?? null,
      ...(callback && facts
        ? { callbackStatus: 'open' as const, callbackDueAt: decideBusinessHours(now, facts).nextOpenAt }
        : {}),
    });
    if (callback) await publishEvent(tx, { type: 'call.missed', data: { callId: row.id } });
    return { ...unchanged(ended), changed: true };
  });
}
