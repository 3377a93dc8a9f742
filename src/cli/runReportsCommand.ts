import type { AppContext } from '../server/appContext.ts';
import { rebuildReportRollups } from '../server/services/reports/rebuildReportRollups.ts';

/** Usage lines of the reports commands, appended to the CLI's usage. */
export const REPORTS_USAGE = `  ieum reports rebuild                       recompute the report rollups from consultations, transfers, leads, callbacks
                                             (triggers keep them current; this repairs them after manual edits)`;

/** Runs `reports rebuild`; returns false for any other command. */
export async function runReportsCommand(
  resource: string | undefined,
  verb: string | undefined,
  withContext: <T>(run: (ctx: AppContext) => Promise<T>) => Promise<T>,
  print: (line: string) => void,
): Promise<boolean> {
  if (resource !== 'reports' || verb !== 'rebuild') return false;
  const started = performance.now();
  const rebuilt = await withContext((ctx) => rebuildReportRollups(ctx.database.db));
  print(
    `report rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s: report_consultation_days ${rebuilt.consultationDays} row(s), report_handle_time_days ${rebuilt.handleTimeDays} row(s), report_repeat_days ${rebuilt.repeatDays} row(s), report_path_days ${rebuilt.pathDays} row(s), report_activity_days ${rebuilt.activityDays} row(s)`,
  );
  return true;
}
