import { Readable } from 'node:stream';
import type { ExportReportQuery } from '../../../contract/reports/exportReportQuerySchema.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import { toCsvRow } from '../../../domain/privacy/toCsvRow.ts';
import { handleTimePathLabel } from '../../../domain/report/handleTimePath.ts';
import type { AppContext } from '../../appContext.ts';
import { can } from '../../policies.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import {
  countExportConsultations,
  exportConsultationBatch,
  reportRecordRepository,
} from '../../repositories/reportRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { resolveReportWindow } from './resolveReportWindow.ts';

/** Rows read per query while streaming: memory stays flat however long the range. */
const BATCH = 2_000;

const HEADER = [
  'consultation_id',
  'started_at',
  'completed_at',
  'status',
  'channel',
  'guide_id',
  'inquiry_type',
  'script_id',
  'path',
  'outcome',
  'agent',
  'caller_number',
  'handle_seconds',
  'transfer_number',
  'transfer_kind',
  'repeat_contact',
  // Last, so files read by position before it was added read as they did: the chatbot's own
  // consultations are rows too, which the summary's agent figures leave out (they are its line).
  'by_bot',
];

/**
 * `GET /reports/export.csv`: one row per consultation started in the range with the report's
 * filters, in start order, streamed in batches (UTF-8 with BOM and the lead export's conventions:
 * Seoul times, CRLF, formula cells neutralised). The caller number is masked unless the role may
 * see personal data in clear; the export is written to the access log, with its filters, row count
 * and, when given, its reason, before the first byte goes out.
 */
export async function exportReportCsv(
  ctx: AppContext,
  user: PublicUser,
  query: ExportReportQuery,
  /** Where the request came from, and why the file is downloaded when the caller said (POST). */
  origin: { ip: string | null; reason?: string },
): Promise<{ stream: Readable; fileName: string }> {
  const now = ctx.now();
  const facts = await loadCalendarFacts(ctx);
  const report = resolveReportWindow(query, now, facts, ctx.env.IEUM_REPEAT_CONTACT_DAYS);
  const db = ctx.database.db;
  const clear = can(user.role, 'personal-data:reveal');
  const rows = await countExportConsultations(db, report.filter, report.window);
  await auditRepository.append(db, ctx.fieldKeys, {
    at: now,
    actorId: user.id,
    action: clear ? 'personal-data.export' : 'report.export',
    subject: 'consultations',
    ip: origin.ip,
    ...(origin.reason !== undefined ? { reason: origin.reason } : {}),
    detail: { rows, masked: !clear, filters: { ...report.filter, from: report.from, to: report.to } },
  });

  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${toCsvRow(HEADER)}`;
    let after: { cursor: string; id: string } | null = null;
    for (;;) {
      const batch = await exportConsultationBatch(db, report.filter, report.window, after, BATCH);
      if (batch.length === 0) return;
      const loaded = await reportRecordRepository.loadConsultations(
        db,
        ctx.fieldCodec,
        batch.map((row) => row.id),
      );
      const byId = new Map(loaded.map((row) => [row.consultation.id, row]));
      let chunk = '';
      for (const entry of batch) {
        const row = byId.get(entry.id);
        if (!row) continue;
        const c = row.consultation;
        const caller = c.callerNumber ? (clear ? c.callerNumber : maskPhone(c.callerNumber)) : '';
        chunk += toCsvRow([
          c.id,
          formatSeoulIso(c.startedAt),
          c.completedAt ? formatSeoulIso(c.completedAt) : '',
          c.status,
          c.channel,
          c.guideId,
          c.inquiryType === null ? '' : String(c.inquiryType),
          c.scriptId ?? '',
          // Worded from its script as the summary's path breakdown words it, so a row of the file
          // can be matched to the dashboard's row ('등록 담당자 아님(N) → …', not 'q1-registered 아니요').
          c.path.length > 0
            ? handleTimePathLabel(
                c.path,
                ctx.guides.get(c.guideId)?.scripts.find((script) => script.id === c.scriptId),
              )
            : '',
          c.outcome ?? '',
          row.agentName,
          caller,
          c.status === 'completed' && c.completedAt
            ? String((c.completedAt.getTime() - c.startedAt.getTime()) / 1000)
            : '',
          row.transferNumber ?? '',
          row.transferKind ?? '',
          entry.repeated === null ? '' : entry.repeated ? 'Y' : 'N',
          c.byBot ? 'Y' : 'N',
        ]);
      }
      yield chunk;
      const last = batch[batch.length - 1];
      if (!last || batch.length < BATCH) return;
      after = { cursor: last.cursor, id: last.id };
    }
  }

  return {
    stream: Readable.from(lines()),
    fileName: `consultations-${report.from}-${report.to}.csv`,
  };
}
