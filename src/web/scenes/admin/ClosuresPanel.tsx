import { Alert, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { AddedClosure } from '../../../contract/closures/addedClosureSchema.ts';
import { languageTags } from '../../../contract/users/languageTags.ts';
import type { Locale } from '../../../contract/users/localeSchema.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { TableWithActionsColumn } from '../../components/TableWithActionsColumn.tsx';
import { useLocale } from '../../i18n/useLocale.ts';
import { useT } from '../../i18n/useT.ts';
import { adminApi, adminKeys } from './adminApi.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { problemFieldErrors } from './problemFieldErrors.ts';

const closureFields = ['date', 'name'] as const;
const formatsOf = (locale: Locale) => ({
  date: new Intl.DateTimeFormat(languageTags[locale], {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }),
  weekday: new Intl.DateTimeFormat(languageTags[locale], { timeZone: 'Asia/Seoul', weekday: 'short' }),
});
const dayFormats = { ko: formatsOf('ko'), en: formatsOf('en') };
// A closure is a Seoul calendar day; reading it at Seoul midnight keeps the weekday right anywhere.
// "2027년 3월 15일 (월)" / "March 15, 2027 (Mon)", the way the console writes days elsewhere.
function describeDay(date: string, locale: Locale): string {
  const day = new Date(`${date}T00:00:00+09:00`);
  return `${dayFormats[locale].date.format(day)} (${dayFormats[locale].weekday.format(day)})`;
}

/**
 * Company closures and temporary holidays (회사 휴무일·임시 공휴일): the business calendar treats
 * these days as closed, so calls are routed to transfers and SLAs skip them, from the moment of saving.
 */
export function ClosuresPanel() {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const closures = useQuery({
    queryKey: adminKeys.closures,
    queryFn: ({ signal }) => adminApi.listClosures(signal),
    select: (data) => [...data.items].sort((a, b) => a.date.localeCompare(b.date)),
  });
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  // The last closure added on a day the calendar kept closed anyway (a weekend, a public holiday):
  // it is listed, but the admin is told it changes no due time.
  const [alreadyClosed, setAlreadyClosed] = useState<AddedClosure | null>(null);
  // The last closure added that moved open work's due times past its day (QA-10 H1): how many.
  const [retimed, setRetimed] = useState<AddedClosure | null>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.closures }),
      // The header's business-hours badge changes at once if today was closed or reopened.
      queryClient.invalidateQueries({ queryKey: queryKeys.businessHours }),
    ]);
  const add = useMutation({
    mutationFn: adminApi.addClosure,
    onMutate: () => {
      setAlreadyClosed(null);
      setRetimed(null);
    },
    onSuccess: (added) => {
      setAlreadyClosed(added.alreadyClosed ? added : null);
      setRetimed(Object.values(added.retimed).some((count) => count > 0) ? added : null);
      setDate('');
      setName('');
      dateInput.current?.focus();
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: adminApi.removeClosure, onSuccess: refresh });
  const problems = problemFieldErrors(add.error, closureFields);

  return (
    <SectionPanel titleId="closures-title" title={t('admin.closures.title')}>
      <Text size="sm" c="dimmed">
        {t('admin.closures.intro')}
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
            label={t('admin.closures.date')}
            type="date"
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={problems.byField.date}
            w={180}
          />
          <TextInput
            label={t('admin.closures.reason')}
            placeholder={t('admin.closures.reasonExample')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problems.byField.name}
            w={260}
          />
          <Button type="submit" mt={25} loading={add.isPending}>
            {t('admin.closures.add')}
          </Button>
        </Group>
      </form>
      {problems.general && <Alert color="red">{problems.general}</Alert>}
      {alreadyClosed?.alreadyClosed && (
        <Alert color="yellow" data-testid="closure-already-closed">
          {alreadyClosed.alreadyClosed.reason === 'holiday'
            ? t('admin.closures.alreadyClosedHoliday', {
                day: describeDay(alreadyClosed.date, locale),
                names: alreadyClosed.alreadyClosed.names.join(', '),
              })
            : t('admin.closures.alreadyClosedWeekend', { day: describeDay(alreadyClosed.date, locale) })}
        </Alert>
      )}
      {retimed && (
        <Alert color="blue" data-testid="closure-retimed">
          {t('admin.closures.retimed', { day: describeDay(retimed.date, locale), ...retimed.retimed })}
        </Alert>
      )}
      {remove.error && <Alert color="red">{remove.error.message}</Alert>}
      <QueryStates
        query={closures}
        loadingLabel={t('admin.loading')}
        loaderSize="sm"
        empty={
          <Text size="sm" c="dimmed">
            {t('admin.closures.empty')}
          </Text>
        }
      />
      {closures.data && closures.data.length > 0 && (
        <TableWithActionsColumn
          striped
          data-testid="closures"
          columns={[t('admin.closures.date'), t('admin.closures.column.reason')]}
        >
          {closures.data.map((closure) => (
            <Table.Tr key={closure.id} data-date={closure.date}>
              <Table.Td>{describeDay(closure.date, locale)}</Table.Td>
              <Table.Td>{closure.name}</Table.Td>
              <Table.Td>
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  color="gray"
                  label={t('admin.closures.remove')}
                  confirmLabel={t('admin.closures.confirmRemove')}
                  loading={remove.isPending && remove.variables === closure.id}
                  onConfirm={() => remove.mutate(closure.id)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </TableWithActionsColumn>
      )}
    </SectionPanel>
  );
}
