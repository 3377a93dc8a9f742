import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiToken } from '../../../contract/tokens/apiTokenSchema.ts';
import { CopyTextButton } from '../../components/CopyTextButton.tsx';
import { seoulTime } from '../../lib/seoulTime.ts';
import { adminApi, adminKeys } from './adminApi.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { problemFieldErrors } from './problemFieldErrors.ts';

const lifetimes = [
  { value: '', label: '만료 없음 (폐기할 때까지)' },
  { value: '30', label: '30일' },
  { value: '90', label: '90일' },
  { value: '365', label: '1년' },
];

const statusLabels: Record<ApiToken['status'], { label: string; color: string }> = {
  active: { label: '사용 중', color: 'teal' },
  expired: { label: '만료', color: 'gray' },
  revoked: { label: '폐기', color: 'red' },
};

/**
 * API tokens for integrations (CTI, reports): the admin issues one acting as themself (shown once;
 * the server keeps only its hash), sees every account's tokens with their last use and expiry, and
 * revokes a leaked or forgotten one — it stops working at once.
 */
export function ApiTokenPanel() {
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
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="api-token-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="api-token-title">
          API 토큰
        </Title>
        <Text size="sm" c="dimmed">
          연동 시스템이 발급한 사람의 권한으로 API를 호출할 때 씁니다 (Authorization: Bearer …).
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ name: name.trim(), ...(lifetime ? { expiresInDays: Number(lifetime) } : {}) });
          }}
        >
          <Group align="flex-start" gap="sm">
            <TextInput
              label="토큰 이름"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={problems.byField.name}
              w={220}
            />
            <NativeSelect
              label="만료"
              value={lifetime}
              data={lifetimes}
              onChange={(event) => setLifetime(event.currentTarget.value)}
              error={problems.byField.expiresInDays}
              w={200}
            />
            <Button type="submit" mt={25} variant="light" loading={create.isPending}>
              내 토큰 발급
            </Button>
          </Group>
        </form>
        {problems.general && <Alert color="red">{problems.general}</Alert>}
        {create.data && (
          <Alert color="yellow" title="지금 한 번만 표시됩니다" data-testid="api-token">
            <Stack gap="xs">
              <Code block>{create.data.token}</Code>
              <Group gap="xs">
                <CopyTextButton size="xs" text={create.data.token}>
                  복사
                </CopyTextButton>
                <Button size="xs" variant="default" onClick={() => create.reset()}>
                  확인, 닫기
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {tokens.isPending && <Loader size="sm" aria-label="불러오는 중" />}
        {tokens.isError && <Alert color="red">{tokens.error.message}</Alert>}
        {revoke.error && <Alert color="red">{revoke.error.message}</Alert>}
        {tokens.data && tokens.data.length > 0 && (
          <Table striped highlightOnHover data-testid="api-tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>이름</Table.Th>
                <Table.Th>계정</Table.Th>
                <Table.Th>발급</Table.Th>
                <Table.Th>마지막 사용</Table.Th>
                <Table.Th>만료</Table.Th>
                <Table.Th>상태</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id} data-token-id={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>
                    {token.userName} ({token.userEmail})
                  </Table.Td>
                  <Table.Td>{seoulTime.compact(token.createdAt)}</Table.Td>
                  <Table.Td data-testid="token-last-used">
                    {token.lastUsedAt ? seoulTime.compact(token.lastUsedAt) : '사용 안 함'}
                  </Table.Td>
                  <Table.Td>{token.expiresAt ? seoulTime.dateTime(token.expiresAt) : '없음'}</Table.Td>
                  <Table.Td>
                    <Badge color={statusLabels[token.status].color} variant="light">
                      {statusLabels[token.status].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {token.status !== 'revoked' && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="gray"
                        label="폐기"
                        confirmLabel="한 번 더 누르면 폐기"
                        loading={revoke.isPending && revoke.variables === token.id}
                        onConfirm={() => revoke.mutate(token.id)}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
