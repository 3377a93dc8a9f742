import { Badge, Group, Loader, Text, Tooltip } from '@mantine/core';
import { useBusinessHours } from '../api/useBusinessHours.ts';
import { describeBusinessHours } from '../lib/describeBusinessHours.ts';

/** The live business-hours state in the header: reason in Korean and, when closed, the next opening. */
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
      <Tooltip label="비즈니스 전용 상담센터 운영시간: 평일 09:00~18:00 (공휴일·휴무일 제외)" withArrow>
        <Badge color={display.color} variant="filled" size="lg" radius="sm" tabIndex={0}>
          {display.label}
        </Badge>
      </Tooltip>
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
