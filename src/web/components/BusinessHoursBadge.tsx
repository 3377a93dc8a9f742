import { Badge, Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useBusinessHours } from '../api/useBusinessHours.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useT } from '../i18n/useT.ts';
import { describeBusinessHours } from '../lib/describeBusinessHours.ts';

/**
 * The live business-hours state in the header: reason in Korean and, when closed, the next opening.
 * The opening hours are the badge's description (read by screen readers) and its hover title: a
 * floating tooltip would only be reachable by pointer or by tabbing to a badge that does nothing.
 */
export function BusinessHoursBadge() {
  const t = useT();
  const hours = useBusinessHours();
  const format = useFormat();
  const hoursPolicy = t('hours.tooltip');
  if (hours.isPending) return <Loader size="xs" aria-label={t('hours.checking')} />;
  if (!hours.data) {
    return (
      <Badge color="gray" variant="outline" size="lg" role="status">
        {t('hours.unknown')}
      </Badge>
    );
  }
  const display = describeBusinessHours(hours.data, t, format);
  return (
    <Group gap="xs" wrap="nowrap" role="status" aria-live="polite" data-testid="business-hours">
      <Badge color={display.color} variant="filled" size="lg" radius="sm" title={hoursPolicy}>
        {display.label}
        <VisuallyHidden>, {hoursPolicy}</VisuallyHidden>
      </Badge>
      {display.nextOpening && (
        <Text size="sm" c="dark.6" visibleFrom="sm">
          {display.nextOpening}
        </Text>
      )}
      {hours.data.holidayDataMissing && (
        <Text size="xs" c="orange.9">
          {t('hours.holidayDataMissing')}
        </Text>
      )}
      {hours.isError && (
        <Text size="xs" c="red.8">
          {t('hours.refreshFailed')}
        </Text>
      )}
    </Group>
  );
}
