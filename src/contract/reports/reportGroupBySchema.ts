import { z } from 'zod';
import { reportGroupBys } from '../../domain/report/reportFigureIds.ts';

/** How series are bucketed, in Asia/Seoul. */
export const reportGroupBySchema = z.enum(reportGroupBys, {
  error: `groupBy는 ${reportGroupBys.join(', ')} 중 하나입니다`,
});
