import type { SlaRule } from '../../../contract/transfers/slaRuleSchema.ts';
import type { Translate } from '../../i18n/useT.ts';

/** A transfer SLA as the business team says it: "다음 영업일 12:00까지" or "영업시간 2시간 30분 이내". */
export function describeSlaRule(rule: SlaRule, t: Translate): string {
  if (rule.kind === 'next-business-day') return t('admin.sla.nextBusinessDay', { time: rule.time });
  const hours = Math.floor(rule.minutes / 60);
  const minutes = rule.minutes % 60;
  const parts = [
    hours > 0 ? t('admin.sla.hours', { hours }) : '',
    minutes > 0 ? t('admin.sla.minutes', { minutes }) : '',
  ].filter(Boolean);
  return t('admin.sla.withinBusinessHours', { span: parts.join(' ') });
}
