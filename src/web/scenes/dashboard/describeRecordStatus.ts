import type { ReportRecord } from '../../../contract/reports/reportRecordSchema.ts';
import type { Translate } from '../../i18n/useT.ts';
import { callbackOutcomeMessageKeys, leadStatusMessageKeys } from '../leads/leadStatusMessageKeys.ts';
import { statusMessageKeys } from '../queue/statusColors.ts';

/** A drill-down row's state in words: its status and, for a lead, the callback outcome column. */
export type RecordStatusWords = { status: string; outcome: string };

/**
 * How the drill-down drawer words a record's state, in the UI language and with the same words as
 * the screen the record opens on (the queue, the leads, the missed calls): the status, and for a
 * lead its callback outcome — the attempt behind a callbacks.attempts record ("2. No answer"), else
 * the last one, '–' before the first.
 */
export function describeRecordStatus(record: ReportRecord, t: Translate): RecordStatusWords {
  switch (record.kind) {
    case 'consultation':
      return { status: t(`dashboard.consultationStatus.${record.status}`), outcome: '–' };
    case 'transfer':
      return { status: t(statusMessageKeys[record.status]), outcome: '–' };
    case 'missed-call':
      return { status: t(`dashboard.records.missedCall.${record.callbackStatus}`), outcome: '–' };
    case 'lead': {
      const outcome = record.attempt
        ? `${record.attempt.attempt}. ${t(callbackOutcomeMessageKeys[record.attempt.outcome])}`
        : record.lastOutcome
          ? t(callbackOutcomeMessageKeys[record.lastOutcome])
          : '–';
      return { status: t(leadStatusMessageKeys[record.status]), outcome };
    }
  }
}
