import { z } from 'zod';
import { callerIdentitySchema } from './callerIdentitySchema.ts';

/**
 * Answer of `GET /api/v1/cti/calls/{id}`: the screen pop of a call answered at the agent's extension —
 * the consultation it started, who the caller is by the directory, their last consultations and
 * their open transfers and sign-up leads. Personal values masked.
 */
export const callPopSchema = z
  .object({
    callId: z.uuid(),
    consultationId: z.uuid().nullable(),
    direction: z.enum(['in', 'out']),
    state: z.enum(['ringing', 'answered', 'missed', 'ended']),
    callerNumber: z.string().nullable().describe('Masked (010-****-5678), or null for an anonymous caller'),
    answeredAt: z.string().nullable(),
    endedAt: z
      .string()
      .nullable()
      .describe('When the PBX reported the hangup (state ended), announced live by `call.ended`'),
    caller: callerIdentitySchema,
    recentConsultations: z.array(
      z.object({
        id: z.uuid(),
        startedAt: z.string(),
        status: z.string(),
        inquiryType: z.number().int().nullable(),
        typeTitle: z.string().nullable(),
        outcome: z.string().nullable(),
      }),
    ),
    openTransfers: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        kind: z.enum(['transfer', 'lead']),
        status: z.string(),
        statusLabel: z.string(),
        inquiryType: z.number().int(),
        typeTitle: z.string().nullable(),
        dueAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'CallPop' });

/** A screen pop as the console reads it. */
export type CallPop = z.output<typeof callPopSchema>;
