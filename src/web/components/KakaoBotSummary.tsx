import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { KakaoConversationList } from '../../contract/kakao/kakaoConversationListSchema.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useT } from '../i18n/useT.ts';

const figures = [
  { key: 'botResolved', label: 'kakao.summary.botResolved' },
  { key: 'handedOff', label: 'kakao.summary.handedOff' },
  { key: 'expired', label: 'kakao.summary.expired' },
  { key: 'active', label: 'kakao.summary.active' },
] as const satisfies readonly { key: string; label: MessageKey }[];

/** The KakaoTalk chatbot's week: conversations the bot resolved vs handed to agents. */
export function KakaoBotSummary({ summary }: { summary: KakaoConversationList['summary'] }) {
  const t = useT();
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
          {t('kakao.summary.title', { total: summary.total, share })}
        </Title>
        <Group gap="xl">
          {figures.map((figure) => (
            <Stack key={figure.key} gap={0}>
              <Text size="sm" c="dark.5">
                {t(figure.label)}
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
