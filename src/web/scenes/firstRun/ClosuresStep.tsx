import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FirstRunStep } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { ClosuresPanel } from '../admin/ClosuresPanel.tsx';
import { FirstRunStepCard } from './FirstRunStepCard.tsx';
import { firstRunApi, firstRunKey } from './firstRunApi.ts';

type ClosuresStepData = Extract<FirstRunStep, { id: 'closures' }>;

/**
 * Step 5: the company closures, reviewed by eye (there may rightly be none to add), with the admin
 * screen's closures panel opened in place.
 */
export function ClosuresStep({ step, position }: { step: ClosuresStepData; position: number }) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const review = useMutation({
    mutationFn: () => firstRunApi.updateStep('closures', { reviewed: true }),
    onSuccess: (checklist) => queryClient.setQueryData(firstRunKey, checklist),
  });
  const onChanged = () => void queryClient.invalidateQueries({ queryKey: firstRunKey });

  return (
    <FirstRunStepCard
      step={step}
      position={position}
      title={t('firstRun.closures.title')}
      facts={t('firstRun.closures.facts', { count: step.upcoming })}
    >
      <Text size="sm" c="dark.4">
        {step.reviewedAt
          ? t('firstRun.closures.reviewedAt', { at: format.dateTime(step.reviewedAt) })
          : t('firstRun.closures.hint')}
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          aria-expanded={open}
          aria-controls="first-run-closures"
          onClick={() => {
            setOpen(!open);
            onChanged();
          }}
        >
          {open ? t('firstRun.closures.hide') : t('firstRun.closures.show')}
        </Button>
        {step.state !== 'done' && (
          <Button onClick={() => review.mutate()} loading={review.isPending}>
            {t('firstRun.closures.review')}
          </Button>
        )}
      </Group>
      <div id="first-run-closures" hidden={!open}>
        {open && <ClosuresPanel />}
      </div>
      {review.error && (
        <Alert color="red" role="alert">
          {review.error.message}
        </Alert>
      )}
    </FirstRunStepCard>
  );
}
