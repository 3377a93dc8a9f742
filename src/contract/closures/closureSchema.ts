import { z } from 'zod';

/** A company closure (회사 휴무일): a day the business calendar treats as closed. */
export const closureSchema = z
  .object({ id: z.uuid(), date: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'Closure' });

/** A closure as clients read it. */
export type Closure = z.output<typeof closureSchema>;
