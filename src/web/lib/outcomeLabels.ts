import type { EndOutcome } from '../../domain/guide/guideSchema.ts';

/** Korean names of how a script path ended, for badges and the recent list. */
export const outcomeLabels: Record<EndOutcome, string> = {
  'support-line': '상담센터 안내',
  transfer: '이관',
  'company-admin': '기업 담당자 안내',
  lead: '가입 상담 접수',
  declined: '종료 안내',
};
