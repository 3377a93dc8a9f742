import { Alert, Button, FileInput, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { seoulTime } from '../../lib/seoulTime.ts';
import { leadKeys, replaceBrochureRequest, useBrochureInfo } from '../leads/leadApi.ts';

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('ko-KR')} KB`;
}

/**
 * The admin's brochure: which PDF every new brochure e-mail attaches (the shipped default or the
 * last upload), a download to check it, and the upload that replaces it. E-mails already queued
 * keep the PDF they were queued with; the server checks that the upload is a PDF and not too large.
 */
export function BrochurePanel() {
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
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="brochure-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="brochure-title">
          가입 소개서 (첨부 PDF)
        </Title>
        {info.isPending && <Loader size="sm" aria-label="소개서 정보 불러오는 중" />}
        {info.isError && <Alert color="red">{info.error.message}</Alert>}
        {info.data && (
          <Group gap="md" data-testid="brochure-info">
            <Text size="sm" fw={600}>
              {info.data.fileName}
            </Text>
            <Text size="sm" c="dark.4">
              {kilobytes(info.data.sizeBytes)} ·{' '}
              {info.data.source === 'default'
                ? '기본 제공본'
                : `${info.data.uploadedAt ? seoulTime.dateTime(info.data.uploadedAt) : ''} 업로드`}
            </Text>
            <Button component="a" href="/api/v1/admin/brochure/file" variant="subtle" size="xs">
              내려받기
            </Button>
          </Group>
        )}
        <Group gap="xs" align="flex-end">
          <FileInput
            label="새 소개서 PDF"
            placeholder="PDF 파일 선택"
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
            교체
          </Button>
        </Group>
        <Text size="xs" c="dark.4">
          교체 후 접수되는 리드의 메일부터 새 소개서가 첨부됩니다.
        </Text>
        {replace.isSuccess && (
          <Alert color="teal" variant="light">
            소개서를 교체했습니다.
          </Alert>
        )}
        {replace.error && (
          <Alert color="red" role="alert">
            {replace.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
