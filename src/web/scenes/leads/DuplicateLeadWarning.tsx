import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { duplicateLeadListSchema } from '../../../contract/leads/duplicateLeadListSchema.ts';
import { findDuplicateLeadsSchema } from '../../../contract/leads/findDuplicateLeadsSchema.ts';
import { requestJson } from '../../api/requestJson.ts';
import { useT } from '../../i18n/useT.ts';
import { DuplicateLeadList } from './DuplicateLeadList.tsx';

/**
 * Before a sign-up lead is saved: earlier leads for the same company and e-mail within 30 days,
 * found by the server (`POST /api/v1/leads/duplicates`: the e-mail through its blind index, the
 * company name folded), each with when, its status, who filed and holds it, and a link to it on the
 * business team's screen when the agent may open it (`canOpen`: their own, or any for the business
 * team) — a colleague's lead is named, not linked to a page that would refuse them. A warning only —
 * saving is not held up, since the caller may really be asking again.
 */
export function DuplicateLeadWarning({ companyName, email }: { companyName: string; email: string }) {
  const t = useT();
  const body = { companyName: companyName.trim(), email: email.trim() };
  const duplicates = useQuery({
    // Under the leads' key, so filing a lead (which invalidates it) asks again.
    queryKey: ['leads', 'duplicates', body.companyName, body.email],
    queryFn: ({ signal }) =>
      requestJson({
        method: 'POST',
        path: '/api/v1/leads/duplicates',
        bodySchema: findDuplicateLeadsSchema,
        body,
        schema: duplicateLeadListSchema,
        signal,
      }),
    enabled: body.companyName !== '' && body.email !== '',
    staleTime: 30_000,
  });
  const items = duplicates.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      title={t('leadDuplicates.title')}
      data-testid="duplicate-lead"
    >
      <DuplicateLeadList items={items} />
      {items.some((lead) => lead.canOpen === false) && (
        <Text size="xs" mt={4} data-testid="duplicate-lead-not-openable">
          {t('leadDuplicates.notOpenable')}
        </Text>
      )}
      <Text size="xs" mt={4}>
        {t('leadDuplicates.hint')}
      </Text>
    </Alert>
  );
}
