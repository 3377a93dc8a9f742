import { Badge, Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useBusinessHours } from '../api/useBusinessHours.ts';
import { describeBusinessHours } from '../lib/describeBusinessHours.ts';

const HOURS_POLICY = '비즈니스 전용 상담센터 운영시간: 평일 09:00~18:00 (공휴일·휴무일 제외)';

/**
 * The live business-hours state in the header: reason in Korean and, when closed, the next opening.
 * The opening hours are the badge's description (read by screen readers) and its hover title: a
 * floating tooltip would only be reachable by pointer or by tabbing to a badge that does nothing.
 */
export function BusinessHoursBadge() {
  const hours = useBusinessHours();
  if (hours.isPending) return <Loader size="xs" aria-label="업무시간 확인 중" />;
  if (!hours.data) {
    return (
      <Badge color="gray" variant="outline" size="lg" role="status">
        업무시간 확인 불가
      </Badge>
    );
  }
  const display = describeBusinessHours(hours.data);
  return (
    <Group gap="xs" wrap="nowrap" role="status" aria-live="polite" data-testid="business-hours">
      <Badge color={display.color} variant="filled" size="lg" radius="sm" title={HOURS_POLICY}>
        {display.label}
        <VisuallyHidden>, {HOURS_POLICY}</VisuallyHidden>
      </Badge>
      {display.nextOpening && (
        <Text size="sm" c="dark.6" visibleFrom="sm">
          {display.nextOpening}
        </Text>
      )}
      {hours.data.holidayDataMissing && (
        <Text size="xs" c="orange.9">
          (공휴일 자료 없음: 평일 기준으로 판단)
        </Text>
      )}
      {hours.isError && (
        <Text size="xs" c="red.8">
          (갱신 실패, 마지막 확인 값)
        </Text>
      )}
    </Group>
  );
}
