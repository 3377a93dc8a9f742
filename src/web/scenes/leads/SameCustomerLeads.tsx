import { Alert, Text } from '@mantine/core';
import { useT } from '../../i18n/useT.ts';
import { DuplicateLeadList } from './DuplicateLeadList.tsx';
import { useSameCustomerLeads } from './leadApi.ts';

/**
 * In a lead's drawer: the customer's other sign-up leads (same company and e-mail, from 30 days
 * before this one on), so the business team works them as one — the agent's warning at intake is
 * gone once a lead is filed, and the same customer got two brochures and two callbacks.
 */
export function SameCustomerLeads({ leadId, onOpen }: { leadId: string; onOpen: (id: string) => void }) {
  const t = useT();
  const others = useSameCustomerLeads(leadId);
  const items = others.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      title={t('leadDuplicates.sameCustomerTitle', { count: items.length })}
      data-testid="same-customer-leads"
    >
      <DuplicateLeadList items={items} onOpen={onOpen} />
      <Text size="xs" mt={4}>
        {t('leadDuplicates.sameCustomerHint')}
      </Text>
    </Alert>
  );
}
