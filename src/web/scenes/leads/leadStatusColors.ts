import type { LeadStatus } from '../../../contract/leads/leadStatusSchema.ts';

/** Badge colour per lead state, the same on the queue, the drawer and the funnel. */
export const leadStatusColors: Record<LeadStatus, string> = {
  new: 'blue',
  'brochure-sent': 'grape',
  called: 'teal',
  won: 'green',
  lost: 'gray',
};
