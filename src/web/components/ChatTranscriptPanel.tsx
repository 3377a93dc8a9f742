import { Badge, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { kakaoApi } from '../api/kakaoApi.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useT } from '../i18n/useT.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import { SectionPanel } from './SectionPanel.tsx';

/**
 * What the KakaoTalk chatbot and the customer said before this chat came to the agent (customer
 * text masked), with the consent decisions and the type, so nothing is asked twice. Renders
 * nothing for a consultation that did not come from the chatbot.
 */
export function ChatTranscriptPanel({ consultationId }: { consultationId: string }) {
  const t = useT();
  const format = useFormat();
  const transcript = useQuery({
    queryKey: kakaoApi.transcriptKey(consultationId),
    queryFn: ({ signal }) => kakaoApi.transcript(consultationId, signal),
    retry: false,
    staleTime: 60_000,
  });
  const data = transcript.data;
  if (!data) return null;
  return (
    <SectionPanel
      titleId="chat-transcript-title"
      title={t('kakao.transcript.title')}
      padding="lg"
      gap="xs"
      data-testid="chat-transcript"
    >
      <Text size="sm">
        {t('kakao.transcript.type')} <b>{data.inquiryTypeLabel ?? t('kakao.transcript.noType')}</b>
      </Text>
      {data.consents.map((consent) => (
        <Badge
          key={`${consent.at}-${consent.purpose}`}
          color={consent.agreed ? 'teal' : 'red'}
          variant="light"
        >
          {t(consent.agreed ? 'kakao.transcript.consentAgreed' : 'kakao.transcript.consentRefused', {
            purpose:
              consent.purpose === 'script'
                ? t('kakao.transcript.forScript')
                : t('kakao.transcript.forContact'),
            at: format.time(consent.at),
          })}
        </Badge>
      ))}
      <ScrollRegion label={t('kakao.transcript.turns')} maxHeight={360}>
        <Stack gap={6}>
          {data.turns.map((turn, index) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows; a turn's position is its identity
              key={`${turn.at}-${index}`}
              size="sm"
              style={{ whiteSpace: 'pre-wrap' }}
              c={turn.from === 'customer' ? 'dark.9' : 'dark.5'}
              data-from={turn.from}
            >
              <b>{turn.from === 'customer' ? t('kakao.transcript.customer') : t('kakao.transcript.bot')}</b>{' '}
              {turn.text}
            </Text>
          ))}
        </Stack>
      </ScrollRegion>
    </SectionPanel>
  );
}
