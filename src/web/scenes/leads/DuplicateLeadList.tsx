import { Anchor, List, Text } from '@mantine/core';
import type { DuplicateLead } from '../../../contract/leads/duplicateLeadSchema.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { leadStatusMessageKeys } from './leadStatusMessageKeys.ts';

/**
 * Leads of the same customer (same company and e-mail), one line each: number, when filed, status,
 * who filed and holds it. The number links to the lead when the reader may open it (`canOpen`) —
 * a colleague's lead an agent may not read is named, not linked to a page that would refuse them.
 * With `onOpen` the link opens the lead here (the business team's queue); without, in a new tab,
 * so a call on screen stays there.
 */
export function DuplicateLeadList({
  items,
  onOpen,
}: {
  items: readonly DuplicateLead[];
  onOpen?: (id: string) => void;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <List size="sm" spacing={2}>
      {items.map((lead) => (
        <List.Item key={lead.id}>
          {lead.canOpen === false ? (
            <Text
              span
              size="sm"
              fw={600}
              title={t('leadDuplicates.notOpenable')}
              data-testid="duplicate-lead-number"
            >
              {lead.number}
            </Text>
          ) : onOpen ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => onOpen(lead.id)}
              data-testid="duplicate-lead-link"
            >
              {lead.number}
            </Anchor>
          ) : (
            <Anchor
              href={lead.path}
              target="_blank"
              rel="noopener"
              size="sm"
              data-testid="duplicate-lead-link"
            >
              {lead.number}
            </Anchor>
          )}{' '}
          ·{' '}
          {t('leadDuplicates.item', {
            date: format.date(lead.createdAt),
            status: t(leadStatusMessageKeys[lead.status]),
          })}{' '}
          · {t('leadDuplicates.filedBy', { name: lead.filedBy.name })} ·{' '}
          {lead.assignee
            ? t('leadDuplicates.assignee', { name: lead.assignee.name })
            : t('leadDuplicates.unassigned')}
        </List.Item>
      ))}
    </List>
  );
}
