import type { z } from 'zod';
import type { CallbackOutcome } from '../../../contract/leads/callbackOutcomeSchema.ts';
import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { recordCallbackOutcomeSchema } from '../../../contract/leads/recordCallbackOutcomeSchema.ts';

/** What the form holds when it saves: the outcome, what was typed, and the lead as it was when the outcome was chosen. */
export type CallbackOutcomeDraft = {
  outcome: CallbackOutcome;
  /** The retry time field (`YYYY-MM-DDTHH:mm`, Seoul), empty for the default. */
  retryAt: string;
  note: string;
  seen: Pick<Lead, 'status'> & { attempts: Lead['callback']['attempts'] };
};

/**
 * The body of `POST /leads/{id}/callback-outcome` the form sends. Both guards always go along:
 * the status seen refuses a colleague's result that moved the lead, and the attempt count seen one
 * that left it where it was (부재중), so the same call recorded by two people at once is kept once.
 */
export function callbackOutcomeBody(
  draft: CallbackOutcomeDraft,
): z.input<typeof recordCallbackOutcomeSchema> {
  const note = draft.note.trim();
  return {
    outcome: draft.outcome,
    ...(draft.outcome === 'no-answer' && draft.retryAt ? { retryAt: `${draft.retryAt}:00+09:00` } : {}),
    ...(note ? { note } : {}),
    expectedStatus: draft.seen.status,
    expectedAttempts: draft.seen.attempts,
  };
}
