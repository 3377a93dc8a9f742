import type { CompleteConsultationInput } from '../../../contract/consultations/completeConsultationSchema.ts';
import type { Consultation } from '../../../contract/consultations/consultationSchema.ts';
import type { ConsultationLifecycleEvent } from '../../../contract/events/consultationLifecycleEventSchema.ts';
import { wasOpenBetween } from '../../../domain/calendar/wasOpenBetween.ts';
import type { FlowEntry, FlowState } from '../../../domain/flow/flowTypes.ts';
import { replayFlow } from '../../../domain/flow/replayFlow.ts';
import { type FlowSummary, summarizeFlow } from '../../../domain/flow/summarizeFlow.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { scriptChannels } from '../../../domain/guide/scriptChannels.ts';
import { fieldsWithheldByRefusal } from '../../../domain/privacy/fieldsWithheldByRefusal.ts';
import { normalizeKoreanPhone } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import { findBodyLinesAtOdds } from '../../../domain/record/findBodyLinesAtOdds.ts';
import { renderConsultationRecord } from '../../../domain/record/renderConsultationRecord.ts';
import type { AppContext } from '../../appContext.ts';
import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { wordDomainMessage } from '../../i18n/wordDomainMessage.ts';
import { consentRecordRepository } from '../../repositories/consentRecordRepository.ts';
import {
  type ConsultationRow,
  type ConsultationValues,
  consultationRepository,
} from '../../repositories/consultationRepository.ts';
import type { IdempotencyKeyClaim } from '../../repositories/idempotencyRepository.ts';
import type { LockedTypeSettings, TypeSettingsLock } from '../../repositories/transferSettingsRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { findGuideVersion } from '../guides/findGuideVersion.ts';
import { ClaimedWriteSkipped } from '../idempotency/ClaimedWriteSkipped.ts';
import { buildConsentRecord, type NewConsentRecord } from '../privacy/buildConsentRecord.ts';
import { consultationRetentionEnd } from '../privacy/consultationRetentionEnd.ts';
import { presentConsultation } from './presentConsultation.ts';
import { refuseClosedConsultation } from './refuseClosedConsultation.ts';
import { resolveTypeScript } from './resolveTypeScript.ts';
import { wordReplayFailure } from './wordReplayFailure.ts';

/** A completion checked and ready to write: the row's new values and the consent records, sealed. */
export type PreparedCompletion = {
  id: string;
  /** The consultation as it is now (open), decrypted. */
  row: ConsultationRow;
  agentName: string;
  guide: Guide;
  summary: FlowSummary;
  /** The record's fields as saved (phone in its display form), in clear. */
  fields: { summary: string; companyName: string; contactName: string; phone: string; inquiry: string };
  /** The row's new values, personal fields in clear (the repository seals them). */
  values: Partial<ConsultationValues>;
  /** A record of each consent decision on the path, in order; the last is the one the record relied on. */
  consents: NewConsentRecord[];
};

/** What saving wrote: the consultation as saved and the consent record written with it, if any. */
export type SavedCompletion = {
  row: ConsultationRow;
  consent: { id: string; agreed: boolean; retentionEndsAt: Date } | null;
  /** The inquiry type's transfer settings, locked with the record when asked for (`lockSettings`). */
  lockedSettings?: LockedTypeSettings;
};

/** What checking a completion found: ready to write, or already saved with this very path (a retry). */
export type CompletionCheck =
  | { kind: 'ready'; prepared: PreparedCompletion }
  | { kind: 'already-saved'; row: ConsultationRow; agentName: string };

function sameHistory(a: readonly FlowEntry[], b: readonly { nodeId: string; answer: string }[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => entry.nodeId === b[i]?.nodeId && entry.answer === b[i]?.answer)
  );
}

/** Whether the posted record is the one stored, the phone compared in the form it is kept in. */
function sameRecord(
  record: CompleteConsultationInput['record'],
  row: { recordTitle: string | null; recordBody: string | null; recordFields: Record<string, string> | null },
): boolean {
  const { title, body, ...typed } = record;
  if (title !== row.recordTitle || body !== row.recordBody) return false;
  const phone = typed.phone.trim() ? normalizeKoreanPhone(typed.phone) : null;
  const fields: Record<string, string> = { ...typed, ...(phone?.ok ? { phone: phone.display } : {}) };
  const saved = row.recordFields ?? {};
  return Object.entries(fields).every(([key, value]) => (saved[key] ?? '') === value);
}

const alreadySaved = () => new AppError('conflict', msg('consultations.alreadySaved'));

/** How a completion came about, where the server's own channels vouch for part of it. */
export type CompletionOptions = {
  /**
   * The server decided the path's hours step itself, on its clock, when the path reached it (the
   * KakaoTalk chatbot, whose consultation is made only when the chat ends): not checked again
   * against the consultation's span.
   */
  hoursDecidedHere?: boolean;
  /**
   * Every "ㄴ label :" line of 상담내용 must agree with its field (the finish, which the console and
   * the chatbot write from the fields). Without it only the lines of fields withheld by a consent
   * refusal are held to their (empty) field: `/complete` keeps taking integrations' own bodies.
   */
  bodyFollowsFields?: boolean;
  /**
   * When the customer gave each consent (by the notice as read), where the caller knows it: the
   * KakaoTalk chatbot saves its consultation only when the chat ends, maybe long after the answer,
   * and a consent record keeps when the consent was given (DOMAIN-FACTS), not when it was saved.
   * A decision not listed is dated by the save, as the console's are (the agent saves the call).
   */
  consentsGivenAt?: ReadonlyArray<{ noticeId: string; at: Date }>;
};

/**
 * Checks a completion before anything is written. The posted path is replayed through the guide
 * version the consultation started on, so only paths the guide allows are stored; the category
 * comes from the guide, title and body are the agent's (edited) text; the phone is kept in the one
 * Korean display form; personal values are sealed and the consent record built. Reads only.
 */
export async function checkCompletion(
  ctx: AppContext,
  agent: PublicUser,
  id: string,
  input: CompleteConsultationInput,
  options: CompletionOptions = {},
): Promise<CompletionCheck> {
  const found = await consultationRepository.findById(ctx.database.db, ctx.fieldCodec, id);
  if (!found || (found.consultation.agentId !== agent.id && agent.role !== 'admin')) {
    throw new AppError('not-found', msg('common.consultationNotFound', { id }));
  }
  const row = found.consultation;
  if (row.status === 'completed') {
    // A retry (the answer lost on the way) repeats the request: same path, same record. Anything
    // else is a second completion, and answering it with the first record as if saved would lose
    // what it carried without a word.
    if (
      row.scriptId === input.scriptId &&
      sameHistory(input.history, row.path) &&
      (input.guideId === undefined || input.guideId === row.guideId) &&
      sameRecord(input.record, row)
    ) {
      return { kind: 'already-saved', row, agentName: found.agentName };
    }
    throw alreadySaved();
  }
  if (row.status === 'abandoned') throw refuseClosedConsultation(row);
  // With several guides the agent may pick a type of another guide than the one the consultation
  // started on; the consultation then moves to that guide as it is now.
  const rebound = input.guideId !== undefined && input.guideId !== row.guideId;
  // Otherwise the guide as it was when the call started, also after a restart loaded a newer version.
  const kept = rebound
    ? undefined
    : await findGuideVersion(ctx, ctx.database.db, row.guideId, row.guideVersion);
  // A version no server here kept (started before versions were recorded, e.g. across the upgrade
  // that began keeping them): the loaded guide, if the call's path still fits it (checked below).
  const unkept = !rebound && !kept;
  const guide = kept ?? ctx.guides.get(rebound ? (input.guideId ?? row.guideId) : row.guideId);
  if (rebound && !guide) {
    throw new AppError('validation-failed', msg('common.guideNotFound', { id: String(input.guideId) }), [
      { where: '/guideId', message: msg('common.guideNotFoundDetail') },
    ]);
  }
  const guideChanged = () =>
    new AppError(
      'conflict',
      msg('consultations.guideChanged', {
        from: row.guideVersion,
        to: ctx.guides.get(row.guideId)?.version ?? '-',
      }),
    );
  if (!guide) throw guideChanged();
  if (unkept) {
    // Saved on the loaded version only when the script the agent read still takes this path there.
    try {
      resolveTypeScript(guide, input.inquiryType, input.scriptId);
    } catch {
      throw guideChanged();
    }
    if (!replayFlow(guide, input.scriptId, input.history).ok) throw guideChanged();
  }
  const channel = guide.channels.find((candidate) => candidate.id === row.channel);
  if (!channel) {
    throw new AppError(
      'validation-failed',
      msg('consultations.guideLacksChannel', { guide: guide.heading, channel: row.channel }),
      [
        {
          where: '/guideId',
          message: msg('consultations.guideLacksChannelDetail', { channel: row.channel }),
        },
      ],
    );
  }
  // Checked here rather than left to the replay, which would blame the first step of the history.
  const { script } = resolveTypeScript(guide, input.inquiryType, input.scriptId);
  if (!scriptChannels(guide, script).includes(row.channel)) {
    throw new AppError(
      'validation-failed',
      msg('consultations.scriptNotOnChannel', { channel: channel.label }),
      [
        {
          where: '/scriptId',
          message: msg('consultations.scriptNotOnChannelDetail', { script: script.id, channel: row.channel }),
        },
      ],
    );
  }
  const replayed = replayFlow(guide, input.scriptId, input.history);
  if (!replayed.ok) {
    const message = wordReplayFailure(replayed, input.history);
    throw new AppError('validation-failed', message, [{ where: `/history/${replayed.index}`, message }]);
  }
  const summary = summarizeFlow(guide, replayed.state);
  if (!summary.complete) {
    throw new AppError('validation-failed', msg('consultations.scriptIncomplete'), [
      { where: '/history', message: msg('consultations.incomplete') },
    ]);
  }
  refuseWithheldFields(guide, replayed.state, input.record);
  refuseBodyAtOdds(guide, replayed.state, input.record, options.bodyFollowsFields === true);
  const hoursOnPath = summary.businessHours === null ? null : summary.businessHours === 'open';
  if (
    hoursOnPath !== null &&
    input.businessHoursOpen !== undefined &&
    hoursOnPath !== input.businessHoursOpen
  ) {
    throw new AppError('validation-failed', msg('consultations.businessHoursMismatch'), [
      { where: '/businessHoursOpen', message: msg('consultations.mismatch') },
    ]);
  }
  if (hoursOnPath === true && !options.hoursDecidedHere)
    await refuseClosedLine(ctx, guide, row, input.history, script);
  if (row.unreadableFields.includes('callerNumber')) {
    // Saving would overwrite the stored number with nothing; the operator must fix the key first.
    throw new AppError('conflict', msg('consultations.callerNumberUnreadable'));
  }
  const { title, body, ...typed } = input.record;
  // The contact number is validated and kept in the one Korean display format (010-1234-5678),
  // so it is found by phone later whatever way the agent typed it.
  let fields = typed;
  if (typed.phone.trim()) {
    const phone = normalizeKoreanPhone(typed.phone);
    if (!phone.ok) {
      const message = wordDomainMessage(phone.message);
      throw new AppError('validation-failed', message, [{ where: '/record/phone', message }]);
    }
    fields = { ...typed, phone: phone.display };
  }
  const rendered = renderConsultationRecord(guide, fields);
  const completedAt = ctx.now();
  const consents = summary.consents.map((decision) =>
    buildConsentRecord(guide, decision, {
      consultationId: id,
      agentId: agent.id,
      channel: row.channel,
      recordedAt:
        options.consentsGivenAt?.find((given) => given.noticeId === decision.noticeId)?.at ?? completedAt,
    }),
  );
  return {
    kind: 'ready',
    prepared: {
      id,
      row,
      agentName: found.agentName,
      guide,
      summary,
      fields,
      consents,
      values: {
        // Moved to another guide, or saved on the loaded version of its own: the record says which.
        ...(rebound || guide.version !== row.guideVersion
          ? { guideId: guide.id, guideVersion: guide.version }
          : {}),
        scriptId: input.scriptId,
        inquiryType: input.inquiryType,
        path: replayed.state.history,
        outcome: summary.outcome,
        businessHoursOpen: hoursOnPath ?? input.businessHoursOpen ?? null,
        recordCategory: rendered.category,
        // In clear: the repository seals them before they reach the database.
        callerNumber: row.callerNumber,
        recordTitle: title,
        recordBody: body,
        recordFields: { ...fields },
        retentionEndsAt: consultationRetentionEnd(ctx.env, {
          startedAt: row.startedAt,
          completedAt,
          guide,
          consentAgreed: summary.consent?.agreed === true,
        }),
        completedAt,
      },
    },
  };
}

/**
 * Writes a checked completion inside the caller's transaction: the record and the consent record
 * it relied on, together, so a consultation is never saved without its consent. Refuses (409) a
 * consultation that is no longer open — saved meanwhile by another request.
 */
export async function saveCompletionStep(
  tx: Database,
  codec: FieldCodec,
  prepared: PreparedCompletion,
  options: {
    /** An Idempotency-Key claimed in the same statement as the record (see ClaimedWriteSkipped). */
    claim?: IdempotencyKeyClaim;
    /**
     * The inquiry type a transfer is filed under next in this transaction: its settings are
     * locked by the same statement (one round trip fewer on every transferring finish).
     */
    lockSettings?: TypeSettingsLock;
  } = {},
): Promise<SavedCompletion> {
  const written = await consultationRepository.complete(tx, codec, prepared.id, prepared.values, options);
  if (!written) throw options.claim ? new ClaimedWriteSkipped() : alreadySaved();
  const { row: saved, lockedSettings } = written;
  let consent: SavedCompletion['consent'] = null;
  for (const record of prepared.consents) {
    // One decision per reading of a notice and consultation: one recorded before (the chatbot's, as
    // it handed the chat over) stands, and is what the record relied on.
    const id = await consentRecordRepository.insert(tx, record);
    const kept =
      id === undefined
        ? await consentRecordRepository.findForConsultation(tx, prepared.id, record.noticeId)
        : { id, agreed: record.agreed, retentionEndsAt: record.retentionEndsAt };
    consent = kept ? { id: kept.id, agreed: kept.agreed, retentionEndsAt: kept.retentionEndsAt } : null;
  }
  // The live floor: the agent is off this call once the record is saved.
  const completed: ConsultationLifecycleEvent = {
    consultationId: saved.id,
    agentId: saved.agentId,
    channel: saved.channel,
  };
  await publishEvent(tx, { type: 'consultation.completed', data: completed });
  return { row: saved, consent, ...(lockedSettings ? { lockedSettings } : {}) };
}

/**
 * Saves the consultation record at the end of a script (POST …/complete). Saving again with the
 * same path (a retried request) returns the stored consultation instead of failing.
 */
export async function completeConsultation(
  ctx: AppContext,
  agent: PublicUser,
  id: string,
  input: CompleteConsultationInput,
): Promise<Consultation> {
  const check = await checkCompletion(ctx, agent, id, input);
  // In clear only to the agent whose consultation it is (they had the caller on the line); an admin
  // completing or replaying another agent's consultation gets it masked — clear values go through
  // the logged reveal.
  if (check.kind === 'already-saved')
    return presentConsultation(check.row, check.agentName, { reveal: check.row.agentId === agent.id });
  const { prepared } = check;
  const { row: completed } = await ctx.database.db.transaction((tx) =>
    saveCompletionStep(tx, ctx.fieldCodec, prepared),
  );
  return presentConsultation(completed, prepared.agentName, {
    reveal: completed.agentId === agent.id,
  });
}

// The console answers the hours step from the server's state, polled every minute; a call that
// reached it just after closing may carry the last poll's "open".
const LINE_STATE_GRACE_MS = 2 * 60_000;

/**
 * Refuses (400 at the hours step) a path that sent the caller to the guide's line when the line
 * was closed for the whole call: the console decides that step from the clock, an integration
 * (a CTI screen pop, a bot) might not. A path through "closed" is always accepted: a transfer is
 * possible at any hour, and it is what the console answers when it could not learn the hours.
 */
async function refuseClosedLine(
  ctx: AppContext,
  guide: Guide,
  row: ConsultationRow,
  history: readonly FlowEntry[],
  script: Guide['scripts'][number],
): Promise<void> {
  const facts = await loadCalendarFacts(ctx, guide);
  const from = new Date(row.startedAt.getTime() - LINE_STATE_GRACE_MS);
  const now = ctx.now();
  if (wasOpenBetween(from, now < from ? from : now, facts)) return;
  const index = history.findIndex(
    (entry) =>
      entry.answer === 'open' &&
      script.nodes.some((node) => node.id === entry.nodeId && node.type === 'businessHours'),
  );
  throw new AppError(
    'validation-failed',
    msg('consultations.lineClosedThroughout', { line: guide.supportLine.name }),
    [{ where: `/history/${Math.max(index, 0)}`, message: msg('consultations.lineClosedThroughoutDetail') }],
  );
}

/**
 * Refuses (400 at /record/body, one problem per line) a 상담내용 whose "ㄴ label :" lines say
 * something else than the record's fields (findBodyLinesAtOdds): the fields are what is filed,
 * masked and held to the consent rule, so the body may add to them but not contradict them. A line
 * keeping what the caller refused consent for is always refused (the field's own check would
 * otherwise be passed by writing the value into the body); the others when `wholeBody`.
 */
function refuseBodyAtOdds(
  guide: Guide,
  state: Pick<FlowState, 'scriptId' | 'history'>,
  record: CompleteConsultationInput['record'],
  wholeBody: boolean,
): void {
  const withheld = fieldsWithheldByRefusal(guide, state);
  const atOdds = findBodyLinesAtOdds(guide, record, record.body).filter(
    (line) => wholeBody || withheld.has(line.key),
  );
  if (atOdds.length === 0) return;
  const details = atOdds.map((line) => ({
    where: '/record/body',
    message: withheld.has(line.key)
      ? msg('consultations.consentRefusedFields', { fields: line.label })
      : msg('consultations.bodyLineAtOdds', { label: line.label }),
  }));
  throw new AppError('validation-failed', details[0]?.message ?? msg('common.invalidInput'), details);
}

/**
 * Refuses (400, one problem per field) a record that keeps what the caller refused consent for
 * on its path (fieldsWithheldByRefusal): the guide stores newly collected personal data only
 * with consent. The console leaves those fields empty and locked; this holds for every client.
 */
function refuseWithheldFields(
  guide: Guide,
  state: Pick<FlowState, 'scriptId' | 'history'>,
  record: CompleteConsultationInput['record'],
): void {
  const withheld = fieldsWithheldByRefusal(guide, state);
  const kept = guide.record.bodyFields.filter((field) => withheld.has(field.key) && record[field.key].trim());
  if (kept.length === 0) return;
  throw new AppError(
    'validation-failed',
    msg('consultations.consentRefusedFields', { fields: kept.map((field) => field.label).join(', ') }),
    kept.map((field) => ({
      where: `/record/${field.key}`,
      message: msg('consultations.consentRefusedFieldsDetail'),
    })),
  );
}
