import { Alert, Loader, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { seoulTime } from '../../lib/seoulTime.ts';
import { privacyApi } from './privacyApi.ts';

const kindLabels: Record<string, string> = {
  'consultation.personal-data': '상담이력 개인정보',
  'consent-record': '동의 기록',
  'lead.personal-data': '가입 리드 개인정보',
  'transfer.personal-data': '이관 개인정보',
  'email.personal-data': '소개서 메일 수신자·본문',
  'audit-events': '접속기록',
};
const reasonLabels: Record<string, string> = {
  'retention-ended': '보유기간 경과',
  'subject-request': '정보주체 요청',
};

/** The destruction log (파기 기록): what kind of record, which, when and why — never the values. */
export function DestructionLogPanel() {
  const log = useQuery({
    queryKey: ['privacy', 'destruction-log'],
    queryFn: ({ signal }) => privacyApi.destructionLog(signal),
    select: (data) => data.items,
  });
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="destruction-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="destruction-title">
          파기 기록
        </Title>
        {log.isPending && <Loader size="sm" aria-label="파기 기록 불러오는 중" />}
        {log.isError && <Alert color="red">{log.error.message}</Alert>}
        {log.data?.length === 0 && <Text c="dark.5">파기한 개인정보가 아직 없습니다.</Text>}
        {log.data && log.data.length > 0 && (
          <ScrollArea.Autosize mah="50vh" type="auto">
            <Table striped fz="xs" data-testid="destruction-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>시각</Table.Th>
                  <Table.Th>종류</Table.Th>
                  <Table.Th>대상 id</Table.Th>
                  <Table.Th>사유</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{seoulTime.dateTime(entry.at)}</Table.Td>
                    <Table.Td>{kindLabels[entry.recordKind] ?? entry.recordKind}</Table.Td>
                    <Table.Td>{entry.recordId}</Table.Td>
                    <Table.Td>{reasonLabels[entry.reason] ?? entry.reason}</Table.Td>
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
