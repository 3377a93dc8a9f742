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
import { type PublicUser, publicUser } from '../auth/publicUser.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { findRegisteredContactsByPhone } from '../companies/findRegisteredContactsByPhone.ts';
import { startConsultation } from '../consultations/startConsultation.ts';

/** Hangup causes (Zammad's) that mean nobody took the call: the caller is called back. */
const MISSED_CAUSES: ReadonlySet<string> = new Set(['cancel', 'noAnswer', 'busy']);
/** Every hangup cause Zammad's generic CTI documents (README, CTI). */
const DOCUMENTED_CAUSES: ReadonlySet<string> = new Set([
  'normalClearing',
  ...MISSED_CAUSES,
  'congestion',
  'notFound',
  'forwarded',
]);

/**
 * Something an event could not do that a PBX administrator must hear of (a wrong extension
 * mapping pops calls nowhere; an unknown cause leaves no callback). Staff extensions, roles and
 * causes only: never a caller's number.
 */
type CtiEventWarning = { message: string; fields: Record<string, string | null> };

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

/**
 * The agent behind `answeringNumber`: by extension, else by e-mail (Zammad looks up phone, then
 * login); else why the call has no agent, for the warning.
 */
async function findAnsweringAgent(
  tx: Database,
  answeringNumber: string | undefined,
): Promise<{ agent: PublicUser | null; missing: CtiEventWarning | null }> {
  const value = answeringNumber?.trim();
  if (!value)
    return {
      agent: null,
      missing: { message: 'CTI answer without answeringNumber: the call pops on no screen', fields: {} },
    };
  const user =
    (await userRepository.findByExtension(tx, value)) ??
    (value.includes('@') ? await userRepository.findByEmail(tx, value) : undefined);
  if (!user)
    return {
      agent: null,
      missing: {
        message: 'CTI answer at an extension no account has: the call pops on no screen',
        fields: { extension: value },
      },
    };
  if (user.disabledAt !== null || !can(user.role, 'consultation:create'))
    return {
      agent: null,
      missing: {
        message: 'CTI answer at the extension of an account that takes no calls: the call pops on no screen',
        fields: { extension: value, role: user.role, disabled: user.disabledAt === null ? 'no' : 'yes' },
      },
    };
  return { agent: publicUser(user), missing: null };
}

/**
 * Applies one call event of a PBX integration (Zammad's generic CTI: newCall, answer, hangup), in one
 * transaction keyed by the integration's call id, so a repeated event changes nothing:
 * - newCall records the ringing call;
 * - answer gives it to the agent whose extension answered, starts their call consultation with the
 *   caller's number (the console's startConsultation) and pops it on that agent's screens only;
 * - hangup ends it (an answered call's agent hears of it: `call.ended`); an inbound call never
 *   answered (cause cancel, noAnswer or busy) with a caller number becomes a callback in the
 *   business queue, due now when open, else at the next opening.
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
  const warnings: CtiEventWarning[] = [];
  const outcome = await ctx.database.db.transaction(async (tx) => {
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
      const { agent, missing } = await findAnsweringAgent(tx, event.answeringNumber);
      if (missing) warnings.push(missing);
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
    const cause = event.cause?.trim() ?? '';
    if (cause !== '' && !DOCUMENTED_CAUSES.has(cause))
      warnings.push({
        message: 'CTI hangup with a cause outside the documented set: the call ended, no callback was made',
        fields: { cause },
      });
    else if (cause === '' && missed && row.direction === 'in')
      warnings.push({
        message: 'CTI hangup of an unanswered inbound call without a cause: no callback was made',
        fields: { cause: null },
      });
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
    // The agent on the call sees the caller hang up, live, wherever their console is open.
    if (row.state === 'answered' && row.agentId) {
      await publishEvent(tx, {
        type: 'call.ended',
        data: { callId: row.id, consultationId: row.consultationId, agentId: row.agentId },
      });
    }
    return { ...unchanged(ended), changed: true };
  });
  // Logged once the event is kept (a rolled-back event warns of nothing); the PBX still gets its
  // 200, as Zammad answers: refusing would only make a bridge drop or retry the event.
  for (const warning of warnings)
    ctx.logger.warn(
      { cti: { event: event.event, callId: event.callId, integration: token.name, ...warning.fields } },
      warning.message,
    );
  return outcome;
}
