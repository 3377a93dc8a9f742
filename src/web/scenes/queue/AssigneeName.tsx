import { Text } from '@mantine/core';
import type { Assignee } from '../../../contract/common/assigneeSchema.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * Who holds a transfer or lead, in a queue row: the name, flagged "(사용 중지)" when the account is
 * disabled — nobody is working it, and nobody sees it under 내 담당 — or 미배정.
 */
export function AssigneeName({ assignee }: { assignee: Assignee | null }) {
  const t = useT();
  if (!assignee) return <Text c="dark.4">{t('transfers.queue.unassigned')}</Text>;
  if (!assignee.disabled) return <>{assignee.name}</>;
  return (
    <Text size="sm" title={t('transfers.queue.assigneeDisabledHint')}>
      {assignee.name}{' '}
      <Text span size="sm" c="red.9" fw={600} data-testid="assignee-disabled">
        {t('transfers.queue.assigneeDisabled')}
      </Text>
    </Text>
  );
}
