import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryStates } from '../../components/QueryStates.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { addMessages, type MessageKey } from '../../i18n/catalogue.ts';
import { accessLogMessages } from '../../i18n/messages/accessLog.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { describeAccessLogVerification } from './describeAccessLogVerification.ts';
import { type AccessLogFilters, accessLogQuery, privacyApi } from './privacyApi.ts';

addMessages(accessLogMessages);

/** The logged actions by their stored code, with the message naming each. */
const actionLabels: Record<string, MessageKey> = {
  'personal-data.reveal': 'accessLog.action.personal-data.reveal',
  'access-log.export': 'accessLog.action.access-log.export',
  'data-subject.find': 'accessLog.action.data-subject.find',
  'data-subject.export': 'accessLog.action.data-subject.export',
  'data-subject.delete': 'accessLog.action.data-subject.delete',
  'user.created': 'accessLog.action.user.created',
  'user.disabled': 'accessLog.action.user.disabled',
  'user.enabled': 'accessLog.action.user.enabled',
  'user.open-items-handed-over': 'accessLog.action.user.open-items-handed-over',
  'token.created': 'accessLog.action.token.created',
  'login.succeeded': 'accessLog.action.login.succeeded',
  'login.failed': 'accessLog.action.login.failed',
  'login.locked': 'accessLog.action.login.locked',
};

const empty: AccessLogFilters = { actor: '', action: '', from: '', to: '' };

/**
 * The access log (접속기록) for admins: search by account, action and dates, export what is shown
 * as CSV (itself logged), and verify the hash chain.
 */
export function AccessLogPanel() {
  const t = useT();
  const format = useFormat();
  // The filter offers the same names the table shows, not the stored action codes.
  const actionOptions = Object.entries(actionLabels).map(([value, key]) => ({ value, label: t(key) }));
  const describeAction = (action: string): string => {
    const key = actionLabels[action];
    return key ? t(key) : action;
  };
  const [draft, setDraft] = useState<AccessLogFilters>(empty);
  const [filters, setFilters] = useState<AccessLogFilters>(empty);
  const log = useQuery({
    queryKey: ['privacy', 'access-log', filters],
    queryFn: ({ signal }) => privacyApi.searchAccessLog(filters, signal),
    select: (data) => data.items,
  });
  const verify = useMutation({ mutationFn: privacyApi.verifyAccessLog });
  const note = verify.data ? describeAccessLogVerification(verify.data, t) : null;
  const field = (key: keyof AccessLogFilters) => ({
    value: draft[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setDraft((current) => ({ ...current, [key]: value }));
    },
  });
  return (
    <SectionPaper titleId="access-log-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="access-log-title">
            {t('accessLog.title')}
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="default" loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('accessLog.verify')}
            </Button>
            <Button
              size="xs"
              component="a"
              href={`/api/v1/access-log/export.csv?${accessLogQuery(filters)}`}
              download
            >
              {t('accessLog.export')}
            </Button>
          </Group>
        </Group>
        {note && (
          <Alert color={note.color} data-testid="access-log-verify">
            {note.text}
          </Alert>
        )}
        {verify.isError && <Alert color="red">{verify.error.message}</Alert>}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setFilters(draft);
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput label={t('accessLog.filter.actor')} size="xs" {...field('actor')} />
            <Select
              label={t('accessLog.filter.action')}
              size="xs"
              placeholder={t('accessLog.filter.anyAction')}
              data={actionOptions}
              value={draft.action || null}
              onChange={(value) => setDraft((current) => ({ ...current, action: value ?? '' }))}
              clearable
              w={180}
            />
            <TextInput label={t('accessLog.filter.from')} size="xs" type="date" {...field('from')} />
            <TextInput label={t('accessLog.filter.to')} size="xs" type="date" {...field('to')} />
            <Button size="xs" type="submit">
              {t('accessLog.search')}
            </Button>
          </Group>
        </form>
        <QueryStates
          query={log}
          loadingLabel={t('accessLog.loading')}
          loaderSize="sm"
          empty={<Text c="dark.5">{t('accessLog.empty')}</Text>}
        />
        {log.data && log.data.length > 0 && (
          <ScrollRegion label={t('accessLog.list')} maxHeight="calc(100vh - 320px)">
            <Table striped fz="xs" verticalSpacing={4} data-testid="access-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accessLog.column.at')}</Table.Th>
                  <Table.Th>{t('accessLog.column.actor')}</Table.Th>
                  <Table.Th>{t('accessLog.column.ip')}</Table.Th>
                  <Table.Th>{t('accessLog.column.action')}</Table.Th>
                  <Table.Th>{t('accessLog.column.subject')}</Table.Th>
                  <Table.Th>{t('accessLog.column.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.map((entry) => (
                  <Table.Tr key={entry.id} data-action={entry.action}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
                    <Table.Td>
                      {entry.actor
                        ? `${entry.actor.name ?? ''} ${entry.actor.email ?? entry.actor.id}`
                        : t('accessLog.systemActor')}
                    </Table.Td>
                    <Table.Td>{entry.ip ?? '-'}</Table.Td>
                    <Table.Td>{describeAction(entry.action)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{entry.subject ?? '-'}</Text>
                      {entry.subjectIndex && (
                        <Text size="xs" c="dark.3" title={t('accessLog.subjectIndexHint')}>
                          #{entry.subjectIndex.slice(0, 12)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{entry.reason ?? '-'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
    </SectionPaper>
  );
}
