import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { queryKeys } from '../../api/queryKeys.ts';
import { adminApi, adminKeys } from './adminApi.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { problemFieldErrors } from './problemFieldErrors.ts';

const closureFields = ['date', 'name'] as const;
const dateFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const weekdayFormat = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', weekday: 'short' });
// A closure is a Seoul calendar day; reading it at Seoul midnight keeps the weekday right anywhere.
// "2027년 3월 15일 (월)", the way the console writes days elsewhere.
function describeDay(date: string): string {
  const day = new Date(`${date}T00:00:00+09:00`);
  return `${dateFormat.format(day)} (${weekdayFormat.format(day)})`;
}

/**
 * Company closures and temporary holidays (회사 휴무일·임시 공휴일): the business calendar treats
 * these days as closed, so calls are routed to transfers and SLAs skip them, from the moment of saving.
 */
export function ClosuresPanel() {
  const queryClient = useQueryClient();
  const closures = useQuery({
    queryKey: adminKeys.closures,
    queryFn: ({ signal }) => adminApi.listClosures(signal),
    select: (data) => [...data.items].sort((a, b) => a.date.localeCompare(b.date)),
  });
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const dateInput = useRef<HTMLInputElement>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.closures }),
      // The header's business-hours badge changes at once if today was closed or reopened.
      queryClient.invalidateQueries({ queryKey: queryKeys.businessHours }),
    ]);
  const add = useMutation({
    mutationFn: adminApi.addClosure,
    onSuccess: () => {
      setDate('');
      setName('');
      dateInput.current?.focus();
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: adminApi.removeClosure, onSuccess: refresh });
  const problems = problemFieldErrors(add.error, closureFields);

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="closures-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="closures-title">
          회사 휴무일
        </Title>
        <Text size="sm" c="dimmed">
          법정 공휴일은 자동으로 반영됩니다. 창립기념일, 임시 휴무처럼 회사가 정한 날만 추가하세요.
        </Text>
        <form
          data-testid="new-closure-form"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate({ date, name: name.trim() });
          }}
        >
          <Group align="flex-start" gap="sm">
            <TextInput
              ref={dateInput}
              label="날짜"
              type="date"
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
              error={problems.byField.date}
              w={180}
            />
            <TextInput
              label="휴무 사유"
              placeholder="예: 창립기념일"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={problems.byField.name}
              w={260}
            />
            <Button type="submit" mt={25} loading={add.isPending}>
              휴무일 추가
            </Button>
          </Group>
        </form>
        {problems.general && <Alert color="red">{problems.general}</Alert>}
        {remove.error && <Alert color="red">{remove.error.message}</Alert>}
        {closures.isPending && <Loader size="sm" aria-label="불러오는 중" />}
        {closures.isError && <Alert color="red">{closures.error.message}</Alert>}
        {closures.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            등록된 회사 휴무일이 없습니다.
          </Text>
        )}
        {closures.data && closures.data.length > 0 && (
          <Table striped data-testid="closures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>날짜</Table.Th>
                <Table.Th>사유</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {closures.data.map((closure) => (
                <Table.Tr key={closure.id} data-date={closure.date}>
                  <Table.Td>{describeDay(closure.date)}</Table.Td>
                  <Table.Td>{closure.name}</Table.Td>
                  <Table.Td>
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="gray"
                      label="삭제"
                      confirmLabel="한 번 더 누르면 삭제"
                      loading={remove.isPending && remove.variables === closure.id}
                      onConfirm={() => remove.mutate(closure.id)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
