import { Alert, Anchor, Button, FileInput, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FirstRunStep } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { leadKeys, replaceBrochureRequest } from '../leads/leadApi.ts';
import { FirstRunStepCard } from './FirstRunStepCard.tsx';
import { firstRunKey } from './firstRunApi.ts';

type BrochureStepData = Extract<FirstRunStep, { id: 'brochure' }>;

/** Step 4: the real sign-up brochure replaces the shipped sample (the same upload as the funnel screen's). */
export function BrochureStep({ step, position }: { step: BrochureStepData; position: number }) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (pdf: File) => replaceBrochureRequest(pdf),
    onSuccess: async (updated) => {
      queryClient.setQueryData(leadKeys.brochure, updated);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: firstRunKey });
    },
  });

  return (
    <FirstRunStepCard
      step={step}
      position={position}
      title={t('firstRun.brochure.title')}
      facts={
        step.source === 'default'
          ? t('firstRun.brochure.sample')
          : t('firstRun.brochure.uploaded', {
              fileName: step.fileName,
              at: step.uploadedAt ? format.dateTime(step.uploadedAt) : '',
            })
      }
    >
      <Anchor href="/api/v1/admin/brochure/file" size="sm">
        {t('firstRun.brochure.download')}
      </Anchor>
      <Group gap="xs" align="flex-end">
        <FileInput
          label={t('firstRun.brochure.file')}
          placeholder={t('firstRun.brochure.placeholder')}
          accept="application/pdf"
          value={file}
          onChange={(value) => {
            upload.reset();
            setFile(value);
          }}
          clearable
          w={320}
          data-testid="first-run-brochure-file"
        />
        <Button onClick={() => file && upload.mutate(file)} disabled={!file} loading={upload.isPending}>
          {t('firstRun.brochure.upload')}
        </Button>
      </Group>
      {upload.isSuccess && (
        <Text size="sm" c="teal.9" role="status">
          {t('firstRun.brochure.done')}
        </Text>
      )}
      {upload.error && (
        <Alert color="red" role="alert">
          {upload.error.message}
        </Alert>
      )}
    </FirstRunStepCard>
  );
}
