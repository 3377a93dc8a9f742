import { z } from 'zod';

/** Answer of GET /api/v1/access-log/verify (and what `ieum access-log verify` prints). */
export const accessLogVerificationSchema = z
  .object({
    ok: z
      .boolean()
      .describe(
        'The chain and the checkpoint both hold (false too when part of the chain cannot be checked: unverifiableFrom)',
      ),
    checked: z.number().int().describe('Rows whose link was checked'),
    legacyChecked: z.number().int().describe('Of those, rows of the first, unkeyed chain'),
    unchainedBefore: z.number().int().describe('Rows written before the chain existed, skipped'),
    brokenAt: z.object({ id: z.number().int(), problem: z.string() }).nullable(),
    unverifiableFrom: z
      .object({ id: z.number().int(), keyId: z.string() })
      .nullable()
      .describe(
        'The first row linked with a key this server is not given (IEUM_ENCRYPTION_OLD_KEYS lacks a previous key): from there on the chain cannot be checked here — not a sign of tampering; configure that key to check it',
      ),
    checkpoint: z
      .object({
        file: z.string(),
        state: z
          .enum(['none', 'matched', 'broken', 'unverifiable'])
          .describe(
            'unverifiable: signed with a key this server is not given (keyId) — its signature cannot be checked here, which is a setting to fix, not a sign of tampering',
          ),
        seq: z.number().int().nullable().describe('Count (chain position) the checkpoint recorded'),
        problem: z.string().nullable(),
        keyId: z
          .string()
          .nullable()
          .describe('The key that signed the checkpoint, when it is not configured (state unverifiable)'),
        written: z.number().int().nullable().describe('Position of the checkpoint written after this check'),
      })
      .describe('The signed checkpoint of the head, kept outside the database'),
  })
  .meta({ id: 'AccessLogVerification' });

/** The verification as clients read it. */
export type AccessLogVerification = z.output<typeof accessLogVerificationSchema>;
