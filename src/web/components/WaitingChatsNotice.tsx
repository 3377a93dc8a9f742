import { Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { kakaoApi } from '../api/kakaoApi.ts';
import { useLiveRefresh } from '../api/useLiveRefresh.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useT } from '../i18n/useT.ts';

// The same events as the start panel's list: a chat starts waiting at a hand-off, stops at a claim.
const handoffEvents = ['kakao.handoff', 'kakao.handoff-claimed'] as const;

/**
 * KakaoTalk chats the chatbot handed to an agent, seen from a call in progress: the start panel
 * lists them, but an agent mid-call is not on it, and with every agent mid-call a customer who
 * asked for a person waited with nobody knowing. One line, live, with how many wait and since
 * when; they are taken from the start screen once this consultation is saved. Chats handed over
 * out of hours have their callback filed and wait for no one, so they are not counted.
 */
export function WaitingChatsNotice() {
  const t = useT();
  const format = useFormat();
  const handoffs = useQuery({
    queryKey: kakaoApi.handoffsKey,
    queryFn: ({ signal }) => kakaoApi.handoffs(signal),
    retry: false,
  });
  useLiveRefresh(kakaoApi.handoffsKey, handoffEvents);
  const waiting = (handoffs.data?.items ?? []).filter((item) => item.waiting && item.open);
  const first = waiting.map((item) => item.handedOffAt).sort()[0];
  if (first === undefined) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="yellow.0"
      role="status"
      aria-label={t('kakao.handoffs.title', { count: waiting.length })}
      data-testid="waiting-chats"
    >
      <Stack gap={2}>
        <Text fw={700} size="sm">
          {t('kakao.handoffs.waitingInCall', { count: waiting.length, at: format.time(first) })}
        </Text>
        <Text size="xs" c="dark.5">
          {t('kakao.handoffs.waitingInCallHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
