import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { HandedOverOpenItems } from '../../../contract/users/handedOverOpenItemsSchema.ts';
import type { ListedAccount } from '../../../contract/users/listedAccountSchema.ts';
import type { OpenItemsChoice } from '../../../contract/users/openItemsChoiceSchema.ts';
import { useT } from '../../i18n/useT.ts';
import { adminApi } from './adminApi.ts';
import { OpenItemsChoiceField } from './OpenItemsChoiceField.tsx';

/** Props of the hand-over dialog. */
export type HandOverOpenItemsDialogProps = {
  /** The disabled account whose work is handed over; null keeps the dialog closed. */
  account: ListedAccount | null;
  onClose: () => void;
  onHandedOver: (account: ListedAccount, result: HandedOverOpenItems) => void;
};

/**
 * Hands over the open transfers and leads a disabled account still holds — disabled before
 * disabling handed work over, or given work since — with the choice disabling offers: back in
 * rotation (the default) or unassigned. The first choice has focus as it opens; ↑/↓ choose, Enter
 * confirms, Esc cancels.
 */
export function HandOverOpenItemsDialog({ account, onClose, onHandedOver }: HandOverOpenItemsDialogProps) {
  const t = useT();
  const [choice, setChoice] = useState<OpenItemsChoice>('rotation');
  const handOver = useMutation({
    mutationFn: (input: { account: ListedAccount; openItems: OpenItemsChoice }) =>
      adminApi.handOverOpenItems(input.account.id, input.openItems),
    onSuccess: (result, input) => {
      setChoice('rotation');
      onHandedOver(input.account, result);
    },
  });
  const close = () => {
    setChoice('rotation');
    handOver.reset();
    onClose();
  };
  const name = account?.name ?? '';

  return (
    <Modal
      opened={account !== null}
      onClose={close}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('admin.handOver.title', { name })}
      size="lg"
      data-testid="hand-over-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (account) handOver.mutate({ account, openItems: choice });
        }}
      >
        <Stack gap="sm">
          <Text size="sm" fw={600} data-testid="hand-over-held">
            {t('admin.handOver.held', {
              name,
              transfers: account?.openItemsHeld.transfers ?? 0,
              leads: account?.openItemsHeld.leads ?? 0,
            })}
          </Text>
          <OpenItemsChoiceField value={choice} onChange={setChoice} autoFocus />
          {handOver.error && (
            <Alert color="red" role="alert">
              {handOver.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={handOver.isPending} data-testid="confirm-hand-over">
              {t('admin.handOver.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
