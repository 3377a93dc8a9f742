import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiToken } from '../../../contract/tokens/apiTokenSchema.ts';
import { CopyTextButton } from '../../components/CopyTextButton.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { TableWithActionsColumn } from '../../components/TableWithActionsColumn.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { adminApi, adminKeys } from './adminApi.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { problemFieldErrors } from './problemFieldErrors.ts';

const statusLabels: Record<ApiToken['status'], { label: MessageKey; color: string }> = {
  active: { label: 'admin.tokens.status.active', color: 'teal' },
  expired: { label: 'admin.tokens.status.expired', color: 'gray' },
  revoked: { label: 'admin.tokens.status.revoked', color: 'red' },
};

/**
 * API tokens for integrations (CTI, reports): the admin issues one acting as themself (shown once;
 * the server keeps only its hash), sees every account's tokens with their last use and expiry, and
 * revokes a leaked or forgotten one — it stops working at once.
 */
export function ApiTokenPanel() {
  const t = useT();
  const format = useFormat();
  const lifetimes = [
    { value: '', label: t('admin.tokens.noExpiry') },
    { value: '30', label: t('admin.tokens.days', { days: 30 }) },
    { value: '90', label: t('admin.tokens.days', { days: 90 }) },
    { value: '365', label: t('admin.tokens.oneYear') },
  ];
  const queryClient = useQueryClient();
  const [name, setName] = useState('integration');
  const [lifetime, setLifetime] = useState('');
  const tokens = useQuery({
    queryKey: adminKeys.tokens,
    queryFn: ({ signal }) => adminApi.listTokens(signal),
    select: (data) => data.items,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.tokens });
  const create = useMutation({ mutationFn: adminApi.createOwnToken, onSuccess: refresh });
  const revoke = useMutation({ mutationFn: adminApi.revokeToken, onSuccess: refresh });
  const problems = problemFieldErrors(create.error, ['name', 'expiresInDays']);
  return (
    <SectionPanel titleId="api-token-title" title={t('admin.tokens.title')}>
      <Text size="sm" c="dimmed">
        {t('admin.tokens.intro')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: name.trim(), ...(lifetime ? { expiresInDays: Number(lifetime) } : {}) });
        }}
      >
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('admin.tokens.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problems.byField.name}
            w={220}
          />
          <NativeSelect
            label={t('admin.tokens.lifetime')}
            value={lifetime}
            data={lifetimes}
            onChange={(event) => setLifetime(event.currentTarget.value)}
            error={problems.byField.expiresInDays}
            w={200}
          />
          <Button type="submit" mt={25} variant="light" loading={create.isPending}>
            {t('admin.tokens.issue')}
          </Button>
        </Group>
      </form>
      {problems.general && <Alert color="red">{problems.general}</Alert>}
      {create.data && (
        <Alert color="yellow" title={t('admin.tokens.shownOnce')} data-testid="api-token">
          <Stack gap="xs">
            <Code block>{create.data.token}</Code>
            <Group gap="xs">
              <CopyTextButton size="xs" text={create.data.token}>
                {t('admin.tokens.copy')}
              </CopyTextButton>
              <Button size="xs" variant="default" onClick={() => create.reset()}>
                {t('admin.tokens.close')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <QueryStates query={tokens} loadingLabel={t('admin.loading')} loaderSize="sm" />
      {revoke.error && <Alert color="red">{revoke.error.message}</Alert>}
      {tokens.data && tokens.data.length > 0 && (
        <TableWithActionsColumn
          striped
          highlightOnHover
          data-testid="api-tokens"
          columns={[
            t('admin.tokens.column.name'),
            t('admin.tokens.column.account'),
            t('admin.tokens.column.issued'),
            t('admin.tokens.column.lastUsed'),
            t('admin.tokens.column.expires'),
            t('admin.tokens.column.status'),
          ]}
        >
          {tokens.data.map((token) => (
            <Table.Tr key={token.id} data-token-id={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                {token.userName} ({token.userEmail})
              </Table.Td>
              <Table.Td>{format.compact(token.createdAt)}</Table.Td>
              <Table.Td data-testid="token-last-used">
                {token.lastUsedAt ? format.compact(token.lastUsedAt) : t('admin.tokens.neverUsed')}
              </Table.Td>
              <Table.Td>{token.expiresAt ? format.dateTime(token.expiresAt) : t('admin.none')}</Table.Td>
              <Table.Td>
                <Badge color={statusLabels[token.status].color} variant="light">
                  {t(statusLabels[token.status].label)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {token.status !== 'revoked' && (
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    color="gray"
                    label={t('admin.tokens.revoke')}
                    confirmLabel={t('admin.tokens.confirmRevoke')}
                    loading={revoke.isPending && revoke.variables === token.id}
                    onConfirm={() => revoke.mutate(token.id)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </TableWithActionsColumn>
      )}
    </SectionPanel>
  );
}
