import { dateRangeOrder } from '../common/dateRangeOrder.ts';
import { leadFiltersSchema } from './leadFiltersSchema.ts';

/** Query of `GET /api/v1/leads/export.csv`: the list's filters, every row. */
export const exportLeadsQuerySchema = leadFiltersSchema.refine(dateRangeOrder.check, dateRangeOrder.issue);
