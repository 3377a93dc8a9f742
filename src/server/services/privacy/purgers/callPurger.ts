import type { Database } from '../../../db/openDatabase.ts';
import { publishEvent } from '../../../events/publishEvent.ts';
import { callErasureRepository, type ErasedCall } from '../../../repositories/callErasureRepository.ts';
import { destructionLogRepository } from '../../../repositories/destructionLogRepository.ts';
import { type ExpiredRecord, nothingErased, type PersonalDataPurger } from './personalDataPurger.ts';

const BATCH = 100;
const KIND = 'call.personal-data';
const FIELDS = ['fromNumber', 'toNumber', 'customerNumber', 'customerIndex'];

/**
 * A missed call's callback closed with its number leaves the business queue: the 부재중 전화 list
 * (live on its events) drops it at once (ids only).
 */
async function announceClosedCallbacks(tx: Database, erased: readonly ErasedCall[]): Promise<void> {
  for (const call of erased)
    if (call.callbackClosed)
      await publishEvent(tx, { type: 'call.callback-erased', data: { callId: call.id } });
}

/**
 * Phone calls reported by a PBX (CTI): the numbers (from, to, the customer's) and their blind index
 * go at the call's retention end (IEUM_RETENTION_DEFAULT_YEARS after it), or on a data-subject
 * request by that number; direction, state, times, agent and callback status stay — a callback
 * still open is closed as erased in the same statement, since nobody can call the number back.
 */
export const callPurger: PersonalDataPurger = {
  kind: KIND,
  covers: ['calls'],

  async purgeExpired(db, { now }, { dryRun, limit }) {
    const records: ExpiredRecord[] = [];
    if (dryRun) {
      for (const row of await callErasureRepository.listExpired(db, now, limit)) {
        records.push({ kind: KIND, id: row.id, retentionEndedAt: row.retentionEndsAt.toISOString() });
      }
      return { records, removedRows: 0 };
    }
    while (records.length < limit) {
      const erased = await db.transaction(async (tx) => {
        const batch = await callErasureRepository.lockExpiredBatch(tx, now, BATCH);
        const ended = new Map(batch.map((row) => [row.id, row.retentionEndsAt.toISOString()]));
        const erased = await callErasureRepository.erasePersonalData(
          tx,
          batch.map((row) => row.id),
          now,
        );
        await announceClosedCallbacks(tx, erased);
        const ids = erased.map((call) => call.id);
        await destructionLogRepository.appendMany(
          tx,
          ids.map((id) => ({
            at: now,
            recordKind: KIND,
            recordId: id,
            reason: 'retention-ended' as const,
            actorId: null,
            detail: { fields: FIELDS, retentionEndedAt: ended.get(id) ?? null },
          })),
        );
        return ids.map((id) => ({ kind: KIND, id, retentionEndedAt: ended.get(id) ?? '' }));
      });
      if (erased.length === 0) break;
      records.push(...erased);
    }
    return { records, removedRows: 0 };
  },

  async eraseSubject(tx, found, erasure) {
    const erased = await callErasureRepository.erasePersonalData(
      tx,
      await callErasureRepository.listUnerasedByCustomerIndex(tx, found.personalIndex),
      erasure.at,
    );
    await announceClosedCallbacks(tx, erased);
    const ids = erased.map((call) => call.id);
    await destructionLogRepository.appendMany(
      tx,
      ids.map((id) => ({
        at: erasure.at,
        recordKind: KIND,
        recordId: id,
        reason: erasure.reason,
        actorId: erasure.actorId,
        detail: { fields: FIELDS, ...erasure.detail },
      })),
    );
    // The request's answer and its access-log entry list them, as the destruction log does.
    return { ...nothingErased(), calls: ids };
  },
};
