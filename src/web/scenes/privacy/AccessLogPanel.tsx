import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { seoulTime } from '../../lib/seoulTime.ts';
import { type AccessLogFilters, accessLogQuery, privacyApi } from './privacyApi.ts';

const actionLabels: Record<string, string> = {
  'personal-data.reveal': '개인정보 열람',
  'access-log.export': '접속기록 내보내기',
  'data-subject.find': '정보주체 조회',
  'data-subject.export': '정보주체 내보내기',
  'data-subject.delete': '정보주체 삭제',
  'user.created': '계정 생성',
  'user.disabled': '계정 사용 중지',
  'user.enabled': '계정 사용 재개',
  'token.created': 'API 토큰 발급',
  'login.succeeded': '로그인',
  'login.failed': '로그인 실패',
  'login.locked': '계정 잠김',
};

// The filter offers the same Korean names the table shows, not the stored action codes.
const actionOptions = Object.entries(actionLabels).map(([value, label]) => ({ value, label }));

const empty: AccessLogFilters = { actor: '', action: '', from: '', to: '' };

/**
 * The access log (접속기록) for admins: search by account, action and dates, export what is shown
 * as CSV (itself logged), and verify the hash chain.
 */
export function AccessLogPanel() {
  const [draft, setDraft] = useState<AccessLogFilters>(empty);
  const [filters, setFilters] = useState<AccessLogFilters>(empty);
  const log = useQuery({
    queryKey: ['privacy', 'access-log', filters],
    queryFn: ({ signal }) => privacyApi.searchAccessLog(filters, signal),
    select: (data) => data.items,
  });
  const verify = useMutation({ mutationFn: privacyApi.verifyAccessLog });
  const field = (key: keyof AccessLogFilters) => ({
    value: draft[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setDraft((current) => ({ ...current, [key]: value }));
    },
  });
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="access-log-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="access-log-title">
            접속기록
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="default" loading={verify.isPending} onClick={() => verify.mutate()}>
              위변조 검증
            </Button>
            <Button
              size="xs"
              component="a"
              href={`/api/v1/access-log/export.csv?${accessLogQuery(filters)}`}
              download
            >
              CSV 내보내기
            </Button>
          </Group>
        </Group>
        {verify.data && (
          <Alert color={verify.data.ok ? 'teal' : 'red'} data-testid="access-log-verify">
            {verify.data.ok
              ? `해시 체인 정상: ${verify.data.checked}건 검증, 체크포인트 ${verify.data.checkpoint.written ?? verify.data.checkpoint.seq ?? '없음'}`
              : verify.data.brokenAt
                ? `위변조 의심: ${verify.data.brokenAt.id}번 행 — ${verify.data.brokenAt.problem}`
                : `위변조 의심: 체크포인트 불일치 — ${verify.data.checkpoint.problem}`}
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
            <TextInput label="계정 (이메일)" size="xs" {...field('actor')} />
            <Select
              label="행위"
              size="xs"
              placeholder="전체"
              data={actionOptions}
              value={draft.action || null}
              onChange={(value) => setDraft((current) => ({ ...current, action: value ?? '' }))}
              clearable
              w={180}
            />
            <TextInput label="시작일" size="xs" type="date" {...field('from')} />
            <TextInput label="종료일" size="xs" type="date" {...field('to')} />
            <Button size="xs" type="submit">
              검색
            </Button>
          </Group>
        </form>
        {log.isPending && <Loader size="sm" aria-label="접속기록 불러오는 중" />}
        {log.isError && <Alert color="red">{log.error.message}</Alert>}
        {log.data && log.data.length === 0 && <Text c="dark.5">해당하는 기록이 없습니다.</Text>}
        {log.data && log.data.length > 0 && (
          <ScrollArea.Autosize mah="calc(100vh - 320px)" type="auto" viewportProps={{ tabIndex: 0 }}>
            <Table striped fz="xs" verticalSpacing={4} data-testid="access-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>시각</Table.Th>
                  <Table.Th>계정</Table.Th>
                  <Table.Th>IP</Table.Th>
                  <Table.Th>행위</Table.Th>
                  <Table.Th>대상 (정보주체)</Table.Th>
                  <Table.Th>사유</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.map((entry) => (
                  <Table.Tr key={entry.id} data-action={entry.action}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{seoulTime.dateTime(entry.at)}</Table.Td>
                    <Table.Td>
                      {entry.actor
                        ? `${entry.actor.name ?? ''} ${entry.actor.email ?? entry.actor.id}`
                        : '시스템/CLI'}
                    </Table.Td>
                    <Table.Td>{entry.ip ?? '-'}</Table.Td>
                    <Table.Td>{actionLabels[entry.action] ?? entry.action}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{entry.subject ?? '-'}</Text>
                      {entry.subjectIndex && (
                        <Text size="xs" c="dark.3" title="전화번호·이메일의 키 해시 (값은 저장하지 않음)">
                          #{entry.subjectIndex.slice(0, 12)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{entry.reason ?? '-'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}
