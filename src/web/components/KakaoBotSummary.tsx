import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { KakaoConversationList } from '../../contract/kakao/kakaoConversationListSchema.ts';

const figures = [
  { key: 'botResolved', label: '챗봇 해결' },
  { key: 'handedOff', label: '상담직원 연결' },
  { key: 'expired', label: '응답 없음(만료)' },
  { key: 'active', label: '진행 중' },
] as const;

/** The KakaoTalk chatbot's week: conversations the bot resolved vs handed to agents. */
export function KakaoBotSummary({ summary }: { summary: KakaoConversationList['summary'] }) {
  const share = summary.total > 0 ? Math.round((summary.botResolved / summary.total) * 100) : 0;
  return (
    <Paper
      withBorder
      p="lg"
      radius="lg"
      component="section"
      aria-labelledby="kakao-bot-summary"
      data-testid="kakao-bot-summary"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="kakao-bot-summary">
          카카오톡 챗봇 (최근 7일 {summary.total}건 · 챗봇 해결 {share}%)
        </Title>
        <Group gap="xl">
          {figures.map((figure) => (
            <Stack key={figure.key} gap={0}>
              <Text size="sm" c="dark.5">
                {figure.label}
              </Text>
              <Text fw={700} size="xl" data-testid={`kakao-${figure.key}`}>
                {summary[figure.key]}
              </Text>
            </Stack>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
