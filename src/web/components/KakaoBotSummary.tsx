import { Group, Stack, Text } from '@mantine/core';
import type { KakaoConversationList } from '../../contract/kakao/kakaoConversationListSchema.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useT } from '../i18n/useT.ts';
import { SectionPanel } from './SectionPanel.tsx';

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
    <SectionPanel
      titleId="kakao-bot-summary"
      title={t('kakao.summary.title', { total: summary.total, share })}
      padding="lg"
      data-testid="kakao-bot-summary"
    >
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
    </SectionPanel>
  );
}
