import { z } from 'zod';

/** A version of a guide that a server here has loaded, and the calls still running on it. */
export const guideVersionSchema = z
  .object({
    version: z.string(),
    loaded: z.boolean().describe('Whether the servers load this version now (new calls start on it)'),
    firstLoadedAt: z.string().describe('ISO-8601: when a server first loaded it'),
    lastLoadedAt: z.string().describe('ISO-8601: the last start that loaded it'),
    openConsultations: z
      .number()
      .int()
      .describe('Consultations in progress that started on this version: they are saved on it'),
  })
  .meta({ id: 'GuideVersion' });

/** A guide version as clients read it. */
export type GuideVersion = z.output<typeof guideVersionSchema>;
