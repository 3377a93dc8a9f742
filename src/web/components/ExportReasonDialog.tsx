import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale } from '../i18n/useLocale.ts';
import { useT } from '../i18n/useT.ts';
import { describeExportFailure } from '../lib/describeExportFailure.ts';

/** Props of the dialog asking why a file of personal data in clear is downloaded. */
export type ExportReasonDialogProps = {
  opened: boolean;
  onClose: () => void;
  /** Sends the export with the trimmed reason and saves the file; the dialog closes once it resolves. */
  onExport: (reason: string) => Promise<unknown>;
  /** What is downloaded (e.g. 가입 리드 CSV), under the dialog's title. */
  subject: string;
  inputTestId: string;
};

// The server refuses a shorter or longer reason (exportReasonSchema); the field keeps within it.
const shortestReason = 2;
const longestReason = 500;

/**
 * The download of a file with personal data in clear asks why first (개인정보의 안전성 확보조치
 * 기준 §8②: the reason for every download is checked): the field is focused on open, Enter
 * downloads, Escape closes. The reason goes with the request and is kept with the export in the
 * access log; a refusal stays in the dialog, and the typed reason with it.
 */
export function ExportReasonDialog({
  opened,
  onClose,
  onExport,
  subject,
  inputTestId,
}: ExportReasonDialogProps) {
  const t = useT();
  const locale = useLocale();
  const [reason, setReason] = useState('');
  const exporting = useMutation({ mutationFn: (trimmed: string) => onExport(trimmed) });
  const close = () => {
    setReason('');
    exporting.reset();
    onClose();
  };
  const longEnough = reason.trim().length >= shortestReason;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('common.exportReason.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!longEnough || exporting.isPending) return;
          exporting.mutate(reason.trim(), { onSuccess: close });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('common.exportReason.hint', { subject })}</Text>
          <TextInput
            label={t('common.exportReason.label')}
            description={t('common.exportReason.description')}
            placeholder={t('common.exportReason.placeholder')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
            minLength={shortestReason}
            maxLength={longestReason}
            data-autofocus
            data-testid={inputTestId}
          />
          {exporting.error && (
            <Alert color="red" variant="light" role="alert" data-testid={`${inputTestId}-error`}>
              {describeExportFailure(exporting.error, locale)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={exporting.isPending} disabled={!longEnough}>
              {t('common.exportReason.download')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
