import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Account } from '../../../contract/users/accountSchema.ts';
import type { HandedOverOpenItems } from '../../../contract/users/handedOverOpenItemsSchema.ts';
import type { ListedAccount } from '../../../contract/users/listedAccountSchema.ts';
import type { UpdatedAccount } from '../../../contract/users/updatedAccountSchema.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { TableWithActionsColumn } from '../../components/TableWithActionsColumn.tsx';
import { useT } from '../../i18n/useT.ts';
import { adminApi, adminKeys, type NewAccount } from './adminApi.ts';
import { DisableAccountDialog } from './DisableAccountDialog.tsx';
import { HandOverOpenItemsDialog } from './HandOverOpenItemsDialog.tsx';
import { problemFieldErrors } from './problemFieldErrors.ts';
import { roleLabels } from './roleLabels.ts';

const emptyAccount: NewAccount = { name: '', email: '', role: 'agent', password: '', extension: '' };
const accountFields = ['name', 'email', 'role', 'password', 'extension'] as const;
const isRole = (value: string): value is Account['role'] => value in roleLabels;
const heldCount = (account: ListedAccount) => account.openItemsHeld.transfers + account.openItemsHeld.leads;

/**
 * Accounts: one per person (안전성 확보조치), created with a first password the admin hands over,
 * and disabled rather than deleted when someone leaves, so their records keep naming them; the
 * disable dialog says what the person still holds and hands it over (DisableAccountDialog). A
 * disabled account still holding open work — disabled before that, or given work since — says how
 * much and offers to hand it over (HandOverOpenItemsDialog).
 */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const t = useT();
  const roleOptions = Object.entries(roleLabels).map(([value, key]) => ({ value, label: t(key) }));
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
      setCreated(
        t('admin.users.created', {
          name: account.name,
          email: account.email,
          role: t(roleLabels[account.role]),
        }),
      );
      setDraft(emptyAccount);
      nameInput.current?.focus();
      return queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  const refreshAfterToggle = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.users }),
      // A disabled business-team member leaves the assignee rotations.
      queryClient.invalidateQueries({ queryKey: adminKeys.transferSettings }),
      // Disabling revokes the account's API tokens.
      queryClient.invalidateQueries({ queryKey: adminKeys.tokens }),
    ]);
  const enable = useMutation({
    mutationFn: (id: string) => adminApi.setUserDisabled(id, false),
    onSuccess: () => {
      setDisabledNotice(null);
      return refreshAfterToggle();
    },
  });
  const [disabling, setDisabling] = useState<Account | null>(null);
  const [disabledNotice, setDisabledNotice] = useState<string | null>(null);
  const describeDisabled = (result: UpdatedAccount): string => {
    const moved = result.openItemsMoved;
    if (!moved || moved.transfers + moved.leads === 0) return t('admin.disable.done', { name: result.name });
    return t('admin.disable.doneMoved', {
      name: result.name,
      transfers: moved.transfers,
      leads: moved.leads,
      reassigned: moved.reassigned,
      unassigned: moved.unassigned,
    });
  };
  const [handingOver, setHandingOver] = useState<ListedAccount | null>(null);
  const [handedOverNotice, setHandedOverNotice] = useState<string | null>(null);
  const describeHandedOver = (account: ListedAccount, result: HandedOverOpenItems): string => {
    const moved = result.openItemsMoved;
    if (moved.transfers + moved.leads === 0) return t('admin.handOver.nothing', { name: account.name });
    return t('admin.handOver.done', {
      name: account.name,
      transfers: moved.transfers,
      leads: moved.leads,
      reassigned: moved.reassigned,
      unassigned: moved.unassigned,
    });
  };
  // Disabling or handing over takes away the button that opened its dialog (사용 중지, 담당 건 넘기기),
  // so the dialog's focus return would leave focus on the page body: it goes to the result instead,
  // where a keyboard user reads what happened and goes on from that row of the page.
  const disabledNoticeRef = useRef<HTMLDivElement>(null);
  const handedOverNoticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (disabledNotice) disabledNoticeRef.current?.focus();
  }, [disabledNotice]);
  useEffect(() => {
    if (handedOverNotice) handedOverNoticeRef.current?.focus();
  }, [handedOverNotice]);
  const problems = problemFieldErrors(create.error, accountFields);
  const set = (field: keyof NewAccount) => (value: string) => {
    setCreated(null);
    setDraft((current) => ({ ...current, [field]: value }));
  };

  return (
    <Stack gap="md">
      <SectionPanel titleId="new-account-title" title={t('admin.users.newTitle')}>
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
              label={t('admin.users.name')}
              value={draft.name}
              onChange={(event) => set('name')(event.currentTarget.value)}
              error={problems.byField.name}
              autoComplete="off"
              w={160}
            />
            <TextInput
              label={t('admin.users.email')}
              type="email"
              value={draft.email}
              onChange={(event) => set('email')(event.currentTarget.value)}
              error={problems.byField.email}
              autoComplete="off"
              w={260}
            />
            <NativeSelect
              label={t('admin.users.role')}
              value={draft.role}
              data={roleOptions}
              onChange={(event) => {
                const role = event.currentTarget.value;
                if (isRole(role)) set('role')(role);
              }}
              error={problems.byField.role}
              w={150}
            />
            <PasswordField
              label={t('admin.users.password')}
              description={t('admin.users.passwordHint')}
              value={draft.password}
              onChange={(event) => set('password')(event.currentTarget.value)}
              error={problems.byField.password}
              autoComplete="new-password"
              w={220}
            />
            <TextInput
              label={t('admin.users.extension')}
              description={t('admin.users.extensionHint')}
              value={draft.extension ?? ''}
              onChange={(event) => set('extension')(event.currentTarget.value)}
              error={problems.byField.extension}
              autoComplete="off"
              w={130}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              {t('admin.users.create')}
            </Button>
          </Group>
        </form>
        {problems.general && <Alert color="red">{problems.general}</Alert>}
        {created && (
          <Alert color="teal" data-testid="account-created">
            {created}
          </Alert>
        )}
      </SectionPanel>

      <SectionPanel titleId="accounts-title" title={t('admin.users.listTitle')}>
        <QueryStates query={users} loadingLabel={t('admin.loading')} loaderSize="sm" />
        {enable.error && <Alert color="red">{enable.error.message}</Alert>}
        {/* One live region, always there: a region added along with its text is not reliably read. */}
        <Stack gap="sm" role="status" data-testid="accounts-status">
          {disabledNotice && (
            <Alert color="teal" data-testid="account-disabled" ref={disabledNoticeRef} tabIndex={-1}>
              {disabledNotice}
            </Alert>
          )}
          {handedOverNotice && (
            <Alert color="teal" data-testid="account-handed-over" ref={handedOverNoticeRef} tabIndex={-1}>
              {handedOverNotice}
            </Alert>
          )}
        </Stack>
        {users.data && (
          <TableWithActionsColumn
            striped
            highlightOnHover
            data-testid="accounts"
            columns={[
              t('admin.users.name'),
              t('admin.users.email'),
              t('admin.users.role'),
              t('admin.users.extension'),
              t('admin.users.status'),
            ]}
          >
            {users.data.map((account) => (
              <Table.Tr key={account.id} data-email={account.email}>
                <Table.Td>{account.name}</Table.Td>
                <Table.Td>{account.email}</Table.Td>
                <Table.Td>{t(roleLabels[account.role])}</Table.Td>
                <Table.Td>
                  <ExtensionEditor account={account} />
                </Table.Td>
                <Table.Td>
                  <Badge color={account.disabled ? 'gray' : 'teal'} variant="light">
                    {account.disabled ? t('admin.users.disabled') : t('admin.users.active')}
                  </Badge>
                  {account.disabled && heldCount(account) > 0 && (
                    <Text size="xs" fw={600} mt={4} data-testid="account-open-items">
                      {t('admin.users.heldOpenItems', account.openItemsHeld)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {account.id === currentUserId ? (
                    <Text size="xs" c="dimmed">
                      {t('admin.users.mine')}
                    </Text>
                  ) : account.disabled ? (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => enable.mutate(account.id)}>
                        {t('admin.users.enable')}
                      </Button>
                      {heldCount(account) > 0 && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => {
                            setHandedOverNotice(null);
                            setHandingOver(account);
                          }}
                          aria-haspopup="dialog"
                          data-testid="hand-over-open-items"
                        >
                          {t('admin.users.handOver')}
                        </Button>
                      )}
                    </Group>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      onClick={() => setDisabling(account)}
                      aria-haspopup="dialog"
                    >
                      {t('admin.users.disable')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </TableWithActionsColumn>
        )}
      </SectionPanel>
      <HandOverOpenItemsDialog
        account={handingOver}
        onClose={() => setHandingOver(null)}
        onHandedOver={(account, result) => {
          setHandingOver(null);
          setHandedOverNotice(describeHandedOver(account, result));
          void refreshAfterToggle();
        }}
      />
      <DisableAccountDialog
        account={disabling}
        onClose={() => setDisabling(null)}
        onDisabled={(result) => {
          setDisabling(null);
          setDisabledNotice(describeDisabled(result));
          void refreshAfterToggle();
        }}
      />
    </Stack>
  );
}

/**
 * An account's phone extension (내선번호), edited in place: Enter or leaving the field saves it
 * (empty clears it); one taken by another account is refused with the server's message.
 */
function ExtensionEditor({ account }: { account: Account }) {
  const t = useT();
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
      aria-label={t('admin.users.extensionOf', { name: account.name })}
      data-testid="account-extension"
      value={value}
      placeholder={t('admin.none')}
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
