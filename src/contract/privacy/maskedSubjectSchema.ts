import { z } from 'zod';

/** Who a data-subject answer is about: the kind of identifier and its masked value. */
export const maskedSubjectSchema = z.object({ kind: z.enum(['phone', 'email']), masked: z.string() });

/** The subject as answers name it. */
export type MaskedSubject = z.output<typeof maskedSubjectSchema>;
