import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Account } from '../../../contract/users/accountSchema.ts';
import type { OpenItemsChoice } from '../../../contract/users/openItemsChoiceSchema.ts';
import type { UpdatedAccount } from '../../../contract/users/updatedAccountSchema.ts';
import { QueryStates } from '../../components/QueryStates.tsx';
import { useT } from '../../i18n/useT.ts';
import { adminApi, adminKeys } from './adminApi.ts';
import { OpenItemsChoiceField } from './OpenItemsChoiceField.tsx';

/** Props of the disable dialog. */
export type DisableAccountDialogProps = {
  /** The account to disable; null keeps the dialog closed. */
  account: Account | null;
  onClose: () => void;
  onDisabled: (result: UpdatedAccount) => void;
};

/**
 * Asks before disabling an account, with what it leaves behind: the open transfers and leads the
 * person holds — handed over in the same request, back in rotation (the default: the work goes on
 * without anyone picking it up) or unassigned — a warning when the person has a call or chat open
 * (disabling signs them out mid-call, the record unsaved), and a clear warning when it is the last
 * active business-team account. Enter confirms, Esc cancels. What is handed over is what the person holds
 * at the moment of disabling, not what the dialog counted when it opened.
 */
export function DisableAccountDialog({ account, onClose, onDisabled }: DisableAccountDialogProps) {
  const t = useT();
  const [choice, setChoice] = useState<OpenItemsChoice>('rotation');
  const openItems = useQuery({
    queryKey: adminKeys.openItems(account?.id ?? ''),
    queryFn: ({ signal }) => adminApi.userOpenItems(account?.id ?? '', signal),
    enabled: account !== null,
    // Counted when the dialog opens: someone may have taken or been given work since.
    staleTime: 0,
    gcTime: 0,
  });
  const disable = useMutation({
    mutationFn: (input: { id: string; openItems?: OpenItemsChoice }) =>
      adminApi.setUserDisabled(input.id, true, input.openItems),
    onSuccess: (result) => {
      setChoice('rotation');
      onDisabled(result);
    },
  });
  const close = () => {
    setChoice('rotation');
    disable.reset();
    onClose();
  };
  const held = openItems.data ? openItems.data.transfers + openItems.data.leads : 0;
  const name = account?.name ?? '';
  // The counts arrive after the dialog opened (focus then sits on its close button): focus goes to
  // the choice, or to the confirm button when there is nothing to choose, so Enter confirms.
  const choiceRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const loaded = openItems.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    (held > 0 ? choiceRef.current : confirmRef.current)?.focus();
  }, [loaded, held]);

  return (
    <Modal
      opened={account !== null}
      onClose={close}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('admin.disable.title', { name })}
      size="lg"
      data-testid="disable-account-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!account || !openItems.data) return;
          // The choice goes along even when the count said nothing: work assigned to the person
          // while the dialog was open (a colleague, the rotation) is handed over with the rest
          // instead of left with a disabled account. With nothing held it moves nothing.
          disable.mutate({ id: account.id, openItems: choice });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('admin.disable.access')}</Text>
          <QueryStates query={openItems} loadingLabel={t('admin.loading')} loaderSize="sm" />
          {openItems.data && openItems.data.consultationsInProgress > 0 && (
            <Alert
              color="orange"
              variant="light"
              title={t('admin.disable.inCallTitle', { count: openItems.data.consultationsInProgress })}
              data-testid="disable-in-call"
            >
              {t('admin.disable.inCall', { name })}
            </Alert>
          )}
          {openItems.data?.lastActiveBusinessTeam && (
            <Alert
              color="red"
              variant="light"
              title={t('admin.disable.lastTitle')}
              data-testid="disable-last-business-team"
            >
              {t('admin.disable.last')}
            </Alert>
          )}
          {openItems.data && held === 0 && (
            <Text size="sm" data-testid="disable-open-items">
              {t('admin.disable.nothingHeld', { name })}
            </Text>
          )}
          {openItems.data && held > 0 && (
            <>
              <Text size="sm" fw={600} data-testid="disable-open-items">
                {t('admin.disable.held', {
                  name,
                  transfers: openItems.data.transfers,
                  leads: openItems.data.leads,
                })}
              </Text>
              <OpenItemsChoiceField value={choice} onChange={setChoice} firstChoiceRef={choiceRef} />
            </>
          )}
          {disable.error && (
            <Alert color="red" role="alert">
              {disable.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color="red"
              loading={disable.isPending}
              disabled={!openItems.data}
              data-testid="confirm-disable"
              ref={confirmRef}
            >
              {t('admin.disable.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
