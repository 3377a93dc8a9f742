import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { consoleApi } from '../console/consoleApi.ts';
import { seoulTime } from '../lib/seoulTime.ts';

/** Props of the "이어서 진행" list. */
export type ResumeCallsPanelProps = {
  /** Every loaded guide, for the inquiry types' and channels' names. */
  guides: readonly Guide[] | undefined;
  onResume: (consultationId: string) => void;
};

/**
 * The agent's calls still in progress (on another tab or machine, or left by a closed window),
 * each with how far it got: one click reopens it at the same step with everything typed.
 */
export function ResumeCallsPanel({ guides, onResume }: ResumeCallsPanelProps) {
  const open = useQuery({
    queryKey: consoleApi.openConsultationsKey,
    queryFn: ({ signal }) => consoleApi.openConsultations(signal),
    refetchOnMount: 'always',
  });
  const items = open.data?.items ?? [];
  if (items.length === 0) return null;
  const guideOf = (id: string) => guides?.find((guide) => guide.id === id);
  const typeLabel = (guideId: string, number: number | null | undefined): string =>
    guideOf(guideId)?.inquiryTypes.find((type) => type.number === number)?.label ??
    (number ? `유형 ${number}` : '유형 선택 전');
  const channelLabel = (guideId: string, channel: string): string =>
    guideOf(guideId)?.channels.find((candidate) => candidate.id === channel)?.label ?? channel;

  return (
    <Paper
      withBorder
      p="lg"
      radius="lg"
      component="section"
      aria-labelledby="resume-title"
      data-testid="resume-calls"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="resume-title">
          진행 중인 상담 {items.length}건
        </Title>
        {items.map(({ consultation, draft }) => (
          <Group
            key={consultation.id}
            justify="space-between"
            wrap="nowrap"
            data-consultation-id={consultation.id}
          >
            <Stack gap={0}>
              <Text fw={600}>
                {typeLabel(draft.draft?.guideId ?? consultation.guideId, draft.draft?.inquiryType)} ·{' '}
                {channelLabel(consultation.guideId, consultation.channel)}
                {consultation.callerNumber ? ` · ${consultation.callerNumber}` : ''}
              </Text>
              <Text size="sm" c="dark.5">
                {seoulTime.time(consultation.startedAt)} 시작
                {draft.savedAt ? ` · ${seoulTime.time(draft.savedAt)} 마지막 저장` : ''}
              </Text>
            </Stack>
            <Button variant="light" onClick={() => onResume(consultation.id)} data-testid="resume-call">
              이어서 진행
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
