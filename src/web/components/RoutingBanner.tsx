import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { StepView } from '../../domain/flow/describeStep.ts';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { useT } from '../i18n/useT.ts';

/**
 * The business-hours decision taken on the way to this step. Outside hours it is the loud part of
 * the screen: the support line cannot take the caller, so a transfer (이관) is needed, and how.
 */
export function RoutingBanner({
  guide,
  routing,
}: {
  guide: Guide;
  routing: NonNullable<StepView['routing']>;
}) {
  const t = useT();
  const { transferForm } = guide;
  if (routing.open) {
    return (
      <Alert color="teal" variant="light" title={t('console.routing.open')} data-testid="routing-banner">
        <Text size="sm">
          {routing.method.marker} {routing.method.text}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="filled"
      title={t('console.routing.closed')}
      data-testid="routing-banner"
      role="alert"
    >
      <Stack gap={4}>
        <Text size="md" fw={600}>
          {routing.method.marker} {routing.method.text}
        </Text>
        <Text size="sm">
          {t('console.routing.form')} {transferForm.formName} ·{' '}
          <Anchor href={transferForm.board.url} target="_blank" rel="noreferrer" c="white" underline="always">
            {transferForm.board.name}
          </Anchor>
        </Text>
        <Text size="sm">※ {transferForm.mentionInstruction}</Text>
      </Stack>
    </Alert>
  );
}
