import { Alert, Badge, Button, Code, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { kakaoSkillTokenSchema } from '../../../contract/kakao/kakaoSkillTokenSchema.ts';
import { kakaoApi } from '../../api/kakaoApi.ts';
import { requestJson } from '../../api/requestJson.ts';
import { KakaoBotSummary } from '../../components/KakaoBotSummary.tsx';
import { seoulTime } from '../../lib/seoulTime.ts';

const statusLabels = {
  active: '진행 중',
  resolved: '챗봇 해결',
  'handed-off': '상담직원 연결',
  expired: '만료',
} as const;
const outcomeLabels: Record<string, string> = {
  'support-line': '상담센터 안내',
  transfer: '이관 접수',
  lead: '가입 리드 접수',
  declined: '종료 안내',
  'company-admin': '기업 담당자 안내',
  handoff: '상담직원 연결',
  'callback-refused': '연락처 동의 거부',
};

/**
 * The KakaoTalk chatbot for admins: its recent conversations (masked: the user key shortened, no
 * text) with their outcome, the week's counts, and rotating the skill token.
 */
export function KakaoBotPanel() {
  const list = useQuery({
    queryKey: kakaoApi.conversationsKey,
    queryFn: ({ signal }) => kakaoApi.conversations(signal),
  });
  const rotate = useMutation({
    mutationFn: () =>
      requestJson({
        method: 'POST',
        path: '/api/v1/channels/kakao/skill-token',
        schema: kakaoSkillTokenSchema,
      }),
  });
  if (list.isPending) return <Loader aria-label="챗봇 대화 불러오는 중" />;
  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  return (
    <Stack gap="md">
      <KakaoBotSummary summary={list.data.summary} />
      <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="kakao-conversations-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="kakao-conversations-title">
            챗봇 대화 {list.data.items.length}건
          </Title>
          <Table striped data-testid="kakao-conversations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>시작</Table.Th>
                <Table.Th>사용자</Table.Th>
                <Table.Th>문의 유형</Table.Th>
                <Table.Th>상태</Table.Th>
                <Table.Th>결과</Table.Th>
                <Table.Th ta="right">메시지</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{seoulTime.time(item.startedAt)}</Table.Td>
                  <Table.Td>
                    <Code>{item.user}</Code>
                  </Table.Td>
                  <Table.Td>{item.inquiryTypeLabel ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{statusLabels[item.status]}</Badge>
                  </Table.Td>
                  <Table.Td>{item.outcome ? (outcomeLabels[item.outcome] ?? item.outcome) : '—'}</Table.Td>
                  <Table.Td ta="right">{item.turns}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="kakao-token-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="kakao-token-title">
            스킬 URL (카카오 i 오픈빌더)
          </Title>
          <Text size="sm">
            새 토큰을 발급하면 이전 스킬 URL은 즉시 쓸 수 없습니다. 새 URL은 한 번만 보입니다.
          </Text>
          <Button variant="light" w="fit-content" loading={rotate.isPending} onClick={() => rotate.mutate()}>
            스킬 토큰 새로 발급
          </Button>
          {rotate.data && (
            <Code block data-testid="kakao-skill-url">
              {rotate.data.skillUrl}
            </Code>
          )}
          {rotate.error && <Alert color="red">{rotate.error.message}</Alert>}
        </Stack>
      </Paper>
    </Stack>
  );
}
