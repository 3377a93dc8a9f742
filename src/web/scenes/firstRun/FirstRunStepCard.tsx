import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FirstRunStep } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { useT } from '../../i18n/useT.ts';
import { firstRunApi, firstRunKey } from './firstRunApi.ts';

const badgeColor = { done: 'teal', 'to-do': 'orange', skipped: 'gray' } as const;

/**
 * One step of the checklist: its number and title, whether it is done, to do or skipped, what the
 * data says, the form that does it, and the skip (only while it is not done: a done step needs none).
 */
export function FirstRunStepCard({
  step,
  position,
  title,
  facts,
  children,
}: {
  step: FirstRunStep;
  position: number;
  title: string;
  facts: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const headingId = `first-run-${step.id}-title`;
  const skip = useMutation({
    mutationFn: (skipped: boolean) => firstRunApi.updateStep(step.id, { skipped }),
    onSuccess: (checklist) => queryClient.setQueryData(firstRunKey, checklist),
  });
  return (
    <SectionPaper titleId={headingId} data-testid={`first-run-step-${step.id}`} data-state={step.state}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={headingId}>
            {position}. {title}
          </Title>
          <Badge color={badgeColor[step.state]} variant="light" data-testid="first-run-step-state">
            {t(`firstRun.state.${step.state}`)}
          </Badge>
        </Group>
        <Text size="sm">{facts}</Text>
        {step.state === 'skipped' && (
          <Text size="sm" c="dark.4">
            {t('firstRun.skippedNote')}
          </Text>
        )}
        {step.state !== 'skipped' && children}
        {step.state !== 'done' && (
          <Group>
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              loading={skip.isPending}
              onClick={() => skip.mutate(step.state !== 'skipped')}
            >
              {step.state === 'skipped' ? t('firstRun.unskip') : t('firstRun.skip')}
            </Button>
          </Group>
        )}
        {skip.error && (
          <Text size="sm" c="red" role="alert">
            {skip.error.message}
          </Text>
        )}
      </Stack>
    </SectionPaper>
  );
}
