import {
  defaultTransferSlaRule,
  type TransferSlaRule,
} from '../../../domain/transfer/computeTransferDueAt.ts';
import type { TransferTypeSettingsRow } from '../../repositories/transferSettingsRepository.ts';

/** The SLA rule stored for an inquiry type, or the default (next business day 12:00). */
export function slaRuleOf(row: TransferTypeSettingsRow | undefined): TransferSlaRule {
  if (row?.slaKind === 'business-minutes' && row.slaMinutes !== null) {
    return { kind: 'business-minutes', minutes: row.slaMinutes };
  }
  if (row?.slaKind === 'next-business-day' && row.slaTime !== null) {
    return { kind: 'next-business-day', time: row.slaTime };
  }
  return defaultTransferSlaRule;
}

/** The columns that store a rule. */
export function slaColumnsOf(rule: TransferSlaRule): {
  slaKind: TransferTypeSettingsRow['slaKind'];
  slaTime: string | null;
  slaMinutes: number | null;
} {
  return rule.kind === 'business-minutes'
    ? { slaKind: rule.kind, slaTime: null, slaMinutes: rule.minutes }
    : { slaKind: rule.kind, slaTime: rule.time, slaMinutes: null };
}
