import { Alert, Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { useRecentConsultations } from '../api/useRecentConsultations.ts';
import { outcomeLabels } from '../lib/outcomeLabels.ts';
import { seoulTime } from '../lib/seoulTime.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

const outcomeNames: Record<string, string> = outcomeLabels;

/**
 * The agent's last 20 consultations: time, channel, type, title, outcome and masked number. Labels
 * come from each consultation's guide; with several guides the type shows its guide too.
 */
export function RecentConsultationsPanel({ guides }: { guides: readonly Guide[] | undefined }) {
  const recent = useRecentConsultations();
  const guideOf = (id: string) => guides?.find((guide) => guide.id === id);
  const typeLabel = (guideId: string, number: number | null | undefined): string => {
    const guide = guideOf(guideId);
    const label =
      guide?.inquiryTypes.find((type) => type.number === number)?.label ?? (number ? `유형 ${number}` : '-');
    return guides && guides.length > 1 && guide && number ? `${guide.heading} · ${label}` : label;
  };
  const channelLabel = (guideId: string, channel: string): string =>
    guideOf(guideId)?.channels.find((candidate) => candidate.id === channel)?.label ?? channel;

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="recent-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="recent-title">
          최근 상담
          <Text span size="sm" c="dark.4" fw={400} ml={6}>
            내 상담 20건
          </Text>
        </Title>
        {recent.isPending && <Loader size="sm" aria-label="최근 상담 불러오는 중" />}
        {recent.isError && (
          <Alert color="red" variant="light">
            최근 상담을 불러오지 못했습니다: {recent.error.message}
          </Alert>
        )}
        {recent.data?.length === 0 && <Text c="dark.5">아직 상담이 없습니다.</Text>}
        {recent.data && recent.data.length > 0 && (
          <ScrollRegion label="최근 상담 목록" maxHeight="calc(100vh - 180px)">
            <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="recent-consultations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>시간</Table.Th>
                  <Table.Th>채널</Table.Th>
                  <Table.Th>유형 · 제목</Table.Th>
                  <Table.Th>결과</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recent.data.map((consultation) => (
                  <Table.Tr key={consultation.id} data-consultation-id={consultation.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {seoulTime.compact(consultation.completedAt ?? consultation.startedAt)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {channelLabel(consultation.guideId, consultation.channel)}
                      {consultation.callerNumber && (
                        <Text size="xs" c="dark.4">
                          {consultation.callerNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dark.4">
                        {typeLabel(consultation.guideId, consultation.inquiryType)}
                      </Text>
                      <Text size="sm">{consultation.record?.title ?? '(작성 전)'}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {consultation.status === 'open' ? (
                        <Badge
                          color="gray"
                          variant="outline"
                          radius="sm"
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          진행 중
                        </Badge>
                      ) : (
                        <Badge
                          color="indigo"
                          variant="light"
                          radius="sm"
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          {(consultation.outcome && outcomeNames[consultation.outcome]) ??
                            consultation.outcome ??
                            '완료'}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
    </Paper>
  );
}
