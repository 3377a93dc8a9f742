import type { Session } from '../../../contract/auth/sessionSchema.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';

/** The message naming each role, as the guide's organisation calls them. */
export const roleLabels: Record<Session['user']['role'], MessageKey> = {
  agent: 'common.role.agent',
  backoffice: 'common.role.backoffice',
  supervisor: 'common.role.supervisor',
  admin: 'common.role.admin',
};
