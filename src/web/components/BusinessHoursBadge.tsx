import { Badge, Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useBusinessHours } from '../api/useBusinessHours.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useT } from '../i18n/useT.ts';
import { describeBusinessHours } from '../lib/describeBusinessHours.ts';

/** Props of the header's business-hours badge. */
export type BusinessHoursBadgeProps = {
  /**
   * The guide whose support line the badge follows: the guide of the call on screen when it is not
   * the default guide. Absent: the default guide's line, named only in the description.
   */
  guideId?: string | undefined;
};

/**
 * The live business-hours state in the header: reason in Korean and, when closed, the next opening.
 * The line's hours (from its guide) are the badge's description (read by screen readers) and its
 * hover title: a floating tooltip would only be reachable by pointer or by tabbing to a badge that
 * does nothing. During a call on another guide the badge follows that guide's line and says which
 * it is, as the call is routed by it.
 */
export function BusinessHoursBadge({ guideId }: BusinessHoursBadgeProps) {
  const t = useT();
  const hours = useBusinessHours(guideId);
  const format = useFormat();
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
      {guideId !== undefined && (
        <Text
          size="sm"
          fw={600}
          c="dark.7"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="business-hours-line"
        >
          {hours.data.line.name}
        </Text>
      )}
      <Badge
        color={display.color}
        variant="filled"
        size="lg"
        radius="sm"
        title={display.policy}
        style={{ flexShrink: 0, overflow: 'visible' }}
      >
        {/* One text for screen readers, label and hours together: a hidden part of its own after
            the label was read with a space before its comma ("Business hours , Support line…"). */}
        <span aria-hidden="true">{display.label}</span>
        <VisuallyHidden>
          {t('hours.statusWithPolicy', { label: display.label, policy: display.policy })}
        </VisuallyHidden>
      </Badge>
      {display.nextOpening && (
        <Text size="sm" c="dark.6" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
          {display.nextOpening}
        </Text>
      )}
      {hours.data.holidayDataMissing && (
        <Text size="xs" c="var(--mantine-color-orange-light-color)">
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
