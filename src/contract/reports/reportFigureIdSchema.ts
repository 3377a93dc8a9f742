import { z } from 'zod';
import { reportFigureIds } from '../../domain/report/reportFigureIds.ts';

/** A report figure's id on the wire (`consultations.started`, `handleTime.p90`, …). */
export const reportFigureIdSchema = z
  .enum(reportFigureIds, { error: `figure는 ${reportFigureIds.join(', ')} 중 하나입니다` })
  .meta({ id: 'ReportFigureId' });
