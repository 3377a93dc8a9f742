import { Alert, Badge, Button, Loader, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { outcomeLabels } from '../../lib/outcomeLabels.ts';
import { seoulTime } from '../../lib/seoulTime.ts';
import { privacyApi } from './privacyApi.ts';
import { RevealDialog } from './RevealDialog.tsx';

const outcomeNames: Record<string, string> = outcomeLabels;

/**
 * Recent consultations of every agent, masked with the one rule; roles allowed to reveal get a
 * 열람 button per row (reason required, logged), others only the masked values.
 */
export function ConsultationRevealTable({ canReveal }: { canReveal: boolean }) {
  const list = useQuery({
    queryKey: ['privacy', 'consultations'],
    queryFn: ({ signal }) => privacyApi.listConsultations(signal),
    select: (data) => data.items,
  });
  const [revealing, setRevealing] = useState<string | null>(null);
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="records-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="records-title">
          상담이력 (마스킹)
        </Title>
        {list.isPending && <Loader size="sm" aria-label="상담이력 불러오는 중" />}
        {list.isError && <Alert color="red">{list.error.message}</Alert>}
        {list.data?.length === 0 && <Text c="dark.5">상담이력이 없습니다.</Text>}
        {list.data && list.data.length > 0 && (
          <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
            <Table striped fz="sm" verticalSpacing={6} data-testid="privacy-consultations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>시간</Table.Th>
                  <Table.Th>상담사</Table.Th>
                  <Table.Th>발신 번호</Table.Th>
                  <Table.Th>상담제목 · 내용</Table.Th>
                  <Table.Th>결과</Table.Th>
                  {canReveal && <Table.Th>열람</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((consultation) => (
                  <Table.Tr key={consultation.id} data-consultation-id={consultation.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {seoulTime.compact(consultation.completedAt ?? consultation.startedAt)}
                    </Table.Td>
                    <Table.Td>{consultation.agent?.name ?? '-'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="masked-caller">
                      {consultation.callerNumber ?? '-'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{consultation.record?.title || '(작성 전)'}</Text>
                      {consultation.record?.body && (
                        <Text size="xs" c="dark.4" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                          {consultation.record.body}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        radius="sm"
                        color={consultation.status === 'open' ? 'gray' : 'indigo'}
                      >
                        {consultation.status === 'open'
                          ? '진행 중'
                          : ((consultation.outcome && outcomeNames[consultation.outcome]) ?? '완료')}
                      </Badge>
                    </Table.Td>
                    {canReveal && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          color="orange"
                          onClick={() => setRevealing(consultation.id)}
                        >
                          열람
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
      {canReveal && <RevealDialog consultationId={revealing} onClose={() => setRevealing(null)} />}
    </Paper>
  );
}
