import { z } from 'zod';

/** One member of an inquiry type's assignee rotation. */
export const rotationMemberSchema = z.object({ userId: z.uuid(), onDuty: z.boolean().default(true) });
