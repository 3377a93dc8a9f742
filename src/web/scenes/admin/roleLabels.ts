import type { Session } from '../../../contract/auth/sessionSchema.ts';

/** Korean names of the roles, as the guide's organisation calls them. */
export const roleLabels: Record<Session['user']['role'], string> = {
  agent: '상담사',
  backoffice: '비즈니스팀',
  supervisor: '슈퍼바이저',
  admin: '관리자',
};
