import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/useT.ts';
import { privacyApi } from './privacyApi.ts';

const fieldLabels: Partial<Record<string, MessageKey>> = {
  callerNumber: 'privacy.field.callerNumber',
  contactName: 'privacy.field.contactName',
  phone: 'privacy.field.phone',
  companyName: 'privacy.field.companyName',
  inquiry: 'privacy.field.inquiry',
  title: 'privacy.field.title',
  body: 'privacy.field.body',
};

/** Props of the reveal dialog. */
export type RevealDialogProps = { consultationId: string | null; onClose: () => void };

/**
 * Asks why, reveals the consultation's personal data, and shows it in this dialog only: nothing is
 * cached, and closing the dialog forgets the values. The server logs the reveal with the reason.
 */
export function RevealDialog({ consultationId, onClose }: RevealDialogProps) {
  const t = useT();
  const labelOfField = (field: string): string => {
    const key = fieldLabels[field];
    return key ? t(key) : field;
  };
  const [reason, setReason] = useState('');
  const reveal = useMutation({
    mutationFn: (input: { id: string; reason: string }) => privacyApi.reveal(input.id, input.reason),
  });
  const close = () => {
    setReason('');
    reveal.reset();
    onClose();
  };
  return (
    <Modal opened={consultationId !== null} onClose={close} title={t('privacy.revealDialog.title')} size="lg">
      {reveal.data ? (
        <Stack gap="sm">
          <Alert color="orange" variant="light">
            {t('privacy.revealDialog.logged')}
          </Alert>
          <Table fz="sm" data-testid="revealed-values">
            <Table.Tbody>
              {Object.entries(reveal.data.values).map(([field, value]) => (
                <Table.Tr key={field}>
                  <Table.Th style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                    {labelOfField(field)}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }} data-field={field}>
                    {value ?? (reveal.data?.personalDataErasedAt ? t('privacy.revealDialog.erased') : '-')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (consultationId) reveal.mutate({ id: consultationId, reason });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('privacy.revealDialog.hint')}</Text>
            <Textarea
              label={t('transfers.drawer.reason')}
              placeholder={t('privacy.revealDialog.placeholder')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              required
              minLength={2}
              maxLength={500}
              autosize
              minRows={2}
              data-autofocus
              description={t('privacy.revealDialog.reasonHint')}
              // A reason is one short sentence: Enter reveals (as in the queue's drawer), Shift+Enter breaks the line.
              onKeyDown={(event) => {
                if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
                event.preventDefault();
                if (reason.trim().length >= 2) event.currentTarget.form?.requestSubmit();
              }}
              error={reveal.error?.message}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color="orange"
                loading={reveal.isPending}
                disabled={reason.trim().length < 2}
              >
                {t('privacy.reveal')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
