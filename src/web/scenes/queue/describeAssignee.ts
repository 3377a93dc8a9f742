import type { Assignee } from '../../../contract/common/assigneeSchema.ts';
import type { Translate } from '../../i18n/useT.ts';

/**
 * Who holds a transfer or lead, as a drawer names them: the name, flagged "(사용 중지)" when the
 * account is disabled (nobody is working it until it is reassigned), or 미배정.
 */
export function describeAssignee(assignee: Assignee | null, t: Translate): string {
  if (!assignee) return t('transfers.queue.unassigned');
  return assignee.disabled ? `${assignee.name} ${t('transfers.queue.assigneeDisabled')}` : assignee.name;
}
