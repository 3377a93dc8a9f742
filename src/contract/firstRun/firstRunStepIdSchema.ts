import { z } from 'zod';

/** The steps of the first-run checklist, in the order the screen shows them. */
export const firstRunStepIds = [
  'business-team',
  'transfer-assignees',
  'smtp',
  'brochure',
  'closures',
] as const;

/** One step of the first-run checklist. */
export const firstRunStepIdSchema = z.enum(firstRunStepIds).meta({ id: 'FirstRunStepId' });

/** A step id. */
export type FirstRunStepId = z.output<typeof firstRunStepIdSchema>;
