import type { SlaRule } from '../../../contract/transfers/slaRuleSchema.ts';

/** A transfer SLA as the business team says it: "다음 영업일 12:00까지" or "영업시간 2시간 30분 이내". */
export function describeSlaRule(rule: SlaRule): string {
  if (rule.kind === 'next-business-day') return `다음 영업일 ${rule.time}까지`;
  const hours = Math.floor(rule.minutes / 60);
  const minutes = rule.minutes % 60;
  const parts = [hours > 0 ? `${hours}시간` : '', minutes > 0 ? `${minutes}분` : ''].filter(Boolean);
  return `영업시간 ${parts.join(' ')} 이내`;
}
