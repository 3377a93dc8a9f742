import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Channel } from '../../src/contract/common/channelSchema.ts';

/** One consultation as the console saves it: how it started, the script path taken, the record. */
export type RecordedConsultation = {
  channel: Channel;
  /** Default: the business guide. */
  guideId?: string;
  callerNumber?: string;
  scriptId: string;
  inquiryType: number;
  history: ReadonlyArray<{ nodeId: string; answer: string }>;
  record: Record<string, unknown>;
};

/**
 * Starts a consultation and saves it along a script path through the API, as the console does, and
 * checks both answers; returns the consultation id. Integration tests use it to get a saved record
 * to file transfers and leads from, or to purge and find.
 */
export async function recordConsultation(
  app: FastifyInstance,
  headers: Record<string, string>,
  call: RecordedConsultation,
): Promise<string> {
  const started = await app.inject({
    method: 'POST',
    url: '/api/v1/consultations',
    headers,
    payload: {
      channel: call.channel,
      guideId: call.guideId ?? 'business-inquiry',
      ...(call.callerNumber ? { callerNumber: call.callerNumber } : {}),
    },
  });
  expect(started.statusCode, started.body).toBe(201);
  const id: string = started.json().id;
  const completed = await app.inject({
    method: 'POST',
    url: `/api/v1/consultations/${id}/complete`,
    headers,
    payload: {
      scriptId: call.scriptId,
      inquiryType: call.inquiryType,
      history: call.history,
      record: call.record,
    },
  });
  expect(completed.statusCode, completed.body).toBe(200);
  return id;
}
