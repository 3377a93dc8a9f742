import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Account } from '../../../contract/users/accountSchema.ts';
import { adminApi, adminKeys, type NewAccount } from './adminApi.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { problemFieldErrors } from './problemFieldErrors.ts';
import { roleLabels } from './roleLabels.ts';

const emptyAccount: NewAccount = { name: '', email: '', role: 'agent', password: '', extension: '' };
const accountFields = ['name', 'email', 'role', 'password', 'extension'] as const;
const roleOptions = Object.entries(roleLabels).map(([value, label]) => ({ value, label }));
const isRole = (value: string): value is Account['role'] => value in roleLabels;

/**
 * Accounts: one per person (안전성 확보조치), created with a first password the admin hands over,
 * and disabled rather than deleted when someone leaves, so their records keep naming them.
 */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => adminApi.listUsers(signal),
    select: (data) => data.items,
  });
  const [draft, setDraft] = useState<NewAccount>(emptyAccount);
  const [created, setCreated] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const create = useMutation({
    mutationFn: adminApi.createUser,
    onSuccess: (account) => {
      setCreated(`${account.name} (${account.email}, ${roleLabels[account.role]}) 계정을 만들었습니다.`);
      setDraft(emptyAccount);
      nameInput.current?.focus();
      return queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  const toggle = useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) =>
      adminApi.setUserDisabled(id, disabled),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.users }),
        // A disabled business-team member leaves the assignee rotations.
        queryClient.invalidateQueries({ queryKey: adminKeys.transferSettings }),
        // Disabling revokes the account's API tokens.
        queryClient.invalidateQueries({ queryKey: adminKeys.tokens }),
      ]),
  });
  const problems = problemFieldErrors(create.error, accountFields);
  const set = (field: keyof NewAccount) => (value: string) => {
    setCreated(null);
    setDraft((current) => ({ ...current, [field]: value }));
  };

  return (
    <Stack gap="md">
      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="new-account-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-account-title">
            계정 만들기
          </Title>
          <form
            data-testid="new-account-form"
            onSubmit={(event) => {
              event.preventDefault();
              const { extension, ...rest } = draft;
              create.mutate({
                ...rest,
                name: draft.name.trim(),
                email: draft.email.trim(),
                ...(extension?.trim() ? { extension: extension.trim() } : {}),
              });
            }}
          >
            <Group align="flex-start" gap="sm">
              <TextInput
                ref={nameInput}
                label="이름"
                value={draft.name}
                onChange={(event) => set('name')(event.currentTarget.value)}
                error={problems.byField.name}
                autoComplete="off"
                w={160}
              />
              <TextInput
                label="이메일"
                type="email"
                value={draft.email}
                onChange={(event) => set('email')(event.currentTarget.value)}
                error={problems.byField.email}
                autoComplete="off"
                w={260}
              />
              <NativeSelect
                label="역할"
                value={draft.role}
                data={roleOptions}
                onChange={(event) => {
                  const role = event.currentTarget.value;
                  if (isRole(role)) set('role')(role);
                }}
                error={problems.byField.role}
                w={150}
              />
              <PasswordInput
                label="처음 비밀번호"
                description="본인에게 따로 전달하세요"
                value={draft.password}
                onChange={(event) => set('password')(event.currentTarget.value)}
                error={problems.byField.password}
                autoComplete="new-password"
                w={220}
              />
              <TextInput
                label="내선번호"
                description="전화 수신 팝업 (선택)"
                value={draft.extension ?? ''}
                onChange={(event) => set('extension')(event.currentTarget.value)}
                error={problems.byField.extension}
                autoComplete="off"
                w={130}
              />
              <Button type="submit" mt={25} loading={create.isPending}>
                계정 만들기
              </Button>
            </Group>
          </form>
          {problems.general && <Alert color="red">{problems.general}</Alert>}
          {created && (
            <Alert color="teal" data-testid="account-created">
              {created}
            </Alert>
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="accounts-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="accounts-title">
            계정 목록
          </Title>
          {users.isPending && <Loader size="sm" aria-label="불러오는 중" />}
          {users.isError && <Alert color="red">{users.error.message}</Alert>}
          {toggle.error && <Alert color="red">{toggle.error.message}</Alert>}
          {users.data && (
            <Table striped highlightOnHover data-testid="accounts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>이름</Table.Th>
                  <Table.Th>이메일</Table.Th>
                  <Table.Th>역할</Table.Th>
                  <Table.Th>내선번호</Table.Th>
                  <Table.Th>상태</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((account) => (
                  <Table.Tr key={account.id} data-email={account.email}>
                    <Table.Td>{account.name}</Table.Td>
                    <Table.Td>{account.email}</Table.Td>
                    <Table.Td>{roleLabels[account.role]}</Table.Td>
                    <Table.Td>
                      <ExtensionEditor account={account} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={account.disabled ? 'gray' : 'teal'} variant="light">
                        {account.disabled ? '사용 중지' : '사용 중'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {account.id === currentUserId ? (
                        <Text size="xs" c="dimmed">
                          내 계정
                        </Text>
                      ) : account.disabled ? (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => toggle.mutate({ id: account.id, disabled: false })}
                        >
                          다시 사용
                        </Button>
                      ) : (
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          color="gray"
                          label="사용 중지"
                          confirmLabel="한 번 더 누르면 중지"
                          onConfirm={() => toggle.mutate({ id: account.id, disabled: true })}
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
    </Stack>
  );
}

/**
 * An account's phone extension (내선번호), edited in place: Enter or leaving the field saves it
 * (empty clears it); one taken by another account is refused with the server's message.
 */
function ExtensionEditor({ account }: { account: Account }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(account.extension ?? '');
  const save = useMutation({
    mutationFn: (extension: string | null) => adminApi.setUserExtension(account.id, extension),
    onSuccess: (saved) => {
      setValue(saved.extension ?? '');
      return queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  const submit = () => {
    const next = value.trim();
    if (next === (account.extension ?? '')) return;
    save.mutate(next === '' ? null : next);
  };
  return (
    <TextInput
      size="xs"
      w={110}
      aria-label={`${account.name} 내선번호`}
      data-testid="account-extension"
      value={value}
      placeholder="없음"
      onChange={(event) => setValue(event.currentTarget.value)}
      onBlur={submit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          submit();
        }
      }}
      error={save.error?.message}
      rightSection={save.isPending ? <Loader size={12} /> : undefined}
    />
  );
}
