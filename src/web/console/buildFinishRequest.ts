import type { z } from 'zod';
import type { finishConsultationRequestSchema } from '../../contract/consultations/finishConsultationRequestSchema.ts';
import { summarizeFlow } from '../../domain/flow/summarizeFlow.ts';
import type { RecordFields } from '../../domain/record/renderConsultationRecord.ts';
import type { ConsolePhase } from './consoleState.ts';

/** The record as the agent saves it: the fields plus the title and body as finally shown. */
export type RecordSubmission = RecordFields & { title: string; body: string };

/** Body of `POST /api/v1/consultations/{id}/finish`. */
export type FinishRequest = z.input<typeof finishConsultationRequestSchema>;

/**
 * The one request that ends a call: the path, the record, and what to file with it. A sign-up
 * lead is filed from the values taken down at the intake (the server's rule); anything else files
 * a transfer exactly when the agent left the transfer on. The business-hours state is the one the
 * script decided on, else the live one the agent saw.
 */
export function buildFinishRequest(
  phase: Extract<ConsolePhase, { kind: 'record' }>,
  record: RecordSubmission,
  liveHoursOpen: boolean | null,
): FinishRequest {
  const { progress, transfer } = phase;
  const summary = summarizeFlow(progress.guide, progress.flow);
  const businessHoursOpen =
    summary.businessHours === null ? (liveHoursOpen ?? false) : summary.businessHours === 'open';
  const base = {
    // The guide the type was picked from; the consultation moves to it when it started on another.
    guideId: progress.guide.id,
    scriptId: progress.flow.scriptId,
    inquiryType: progress.inquiryType.number,
    history: progress.flow.history,
    businessHoursOpen,
    record,
    collected: progress.collected,
  };
  if (summary.outcome === 'lead') {
    const businessNumber = progress.businessNumber.trim();
    return businessNumber ? { ...base, businessNumber } : base;
  }
  const email = transfer.email.trim();
  return { ...base, fileTransfer: transfer.file, ...(transfer.file && email ? { email } : {}) };
}
