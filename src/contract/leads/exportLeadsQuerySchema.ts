import { listLeadsQuerySchema } from './listLeadsQuerySchema.ts';

/** Query of `GET /api/v1/leads/export.csv`: the list's filters, every row. */
export const exportLeadsQuerySchema = listLeadsQuerySchema.omit({ limit: true, offset: true });
