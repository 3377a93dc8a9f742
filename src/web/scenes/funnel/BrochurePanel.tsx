import { Alert, Button, FileInput, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SeoulFormatters } from '../../../domain/calendar/seoulFormatters.ts';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { leadKeys, replaceBrochureRequest, useBrochureInfo } from '../leads/leadApi.ts';

function kilobytes(bytes: number, format: SeoulFormatters): string {
  return `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/**
 * The admin's brochure: which PDF every new brochure e-mail attaches (the shipped default or the
 * last upload), a download to check it, and the upload that replaces it — for e-mails not sent yet
 * too (the answer says how many); the server checks that the upload is a PDF and not too large.
 */
export function BrochurePanel() {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const info = useBrochureInfo(true);
  const [file, setFile] = useState<File | null>(null);
  const replace = useMutation({
    mutationFn: (pdf: File) => replaceBrochureRequest(pdf),
    onSuccess: (updated) => {
      queryClient.setQueryData(leadKeys.brochure, updated);
      setFile(null);
    },
  });

  return (
    <SectionPanel titleId="brochure-title" title={t('funnel.brochure.title')}>
      <QueryStates query={info} loadingLabel={t('funnel.brochure.loading')} loaderSize="sm" />
      {info.data && (
        <Group gap="md" data-testid="brochure-info">
          <Text size="sm" fw={600}>
            {info.data.fileName}
          </Text>
          <Text size="sm" c="dark.4">
            {kilobytes(info.data.sizeBytes, format)} ·{' '}
            {info.data.source === 'default'
              ? t('funnel.brochure.default')
              : t('funnel.brochure.uploaded', {
                  at: info.data.uploadedAt ? format.dateTime(info.data.uploadedAt) : '',
                })}
          </Text>
          <Button component="a" href="/api/v1/admin/brochure/file" variant="subtle" size="xs">
            {t('funnel.brochure.download')}
          </Button>
        </Group>
      )}
      <Group gap="xs" align="flex-end">
        <FileInput
          label={t('funnel.brochure.file')}
          placeholder={t('funnel.brochure.pick')}
          accept="application/pdf"
          value={file}
          onChange={(value) => {
            replace.reset();
            setFile(value);
          }}
          clearable
          w={320}
          data-testid="brochure-file"
        />
        <Button
          onClick={() => file && replace.mutate(file)}
          disabled={!file}
          loading={replace.isPending}
          data-testid="brochure-upload"
        >
          {t('funnel.brochure.replace')}
        </Button>
      </Group>
      <Text size="xs" c="dark.4">
        {t('funnel.brochure.hint')}
      </Text>
      {replace.isSuccess && (
        <Alert color="teal" variant="light" data-testid="brochure-replaced">
          {t('funnel.brochure.replaced')}
          {replace.data.reattachedUnsentEmails
            ? ` ${t('funnel.brochure.reattached', { count: replace.data.reattachedUnsentEmails })}`
            : ''}
        </Alert>
      )}
      {replace.error && (
        <Alert color="red" role="alert">
          {replace.error.message}
        </Alert>
      )}
    </SectionPanel>
  );
}
