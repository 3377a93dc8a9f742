import type { Database } from '../db/openDatabase.ts';
import { enqueueJob } from './enqueueJob.ts';

/**
 * Books a recurring job (no payload) for the slot of `everyMs` that contains `at`. The slot's start
 * is both when it runs and its dedupe key, so however many instances start, or finish a run and
 * book the next, each slot has one job, worked by one instance.
 */
export async function enqueueSlotJob(db: Database, kind: string, everyMs: number, at: Date): Promise<void> {
  const runAt = new Date(Math.floor(at.getTime() / everyMs) * everyMs);
  await enqueueJob(db, { kind, payload: {}, runAt, dedupeKey: `${kind}:${runAt.toISOString()}` });
}
