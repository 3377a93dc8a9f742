import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { kakaoApi } from '../api/kakaoApi.ts';
import { liveEventSource } from '../api/liveEventSource.ts';
import { seoulTime } from '../lib/seoulTime.ts';

/** Props of the KakaoTalk hand-off list. */
export type KakaoHandoffsPanelProps = {
  /** Opens the picked-up chat's consultation where the bot left it. */
  onPickUp: (consultationId: string) => void;
};

/**
 * KakaoTalk chats the chatbot handed to agents ("상담직원 연결"), live: a waiting one is picked up
 * with one click and opens at the bot's step with the type, the values and the consent already
 * taken; the transcript shows beside it. Out-of-hours ones show that their callback was filed.
 */
export function KakaoHandoffsPanel({ onPickUp }: KakaoHandoffsPanelProps) {
  const queryClient = useQueryClient();
  const handoffs = useQuery({
    queryKey: kakaoApi.handoffsKey,
    queryFn: ({ signal }) => kakaoApi.handoffs(signal),
    refetchOnMount: 'always',
    retry: false,
  });
  useEffect(() => {
    const source = liveEventSource.acquire();
    const refresh = () => void queryClient.invalidateQueries({ queryKey: kakaoApi.handoffsKey });
    source.addEventListener('kakao.handoff', refresh);
    source.addEventListener('kakao.handoff-claimed', refresh);
    return () => {
      source.removeEventListener('kakao.handoff', refresh);
      source.removeEventListener('kakao.handoff-claimed', refresh);
      liveEventSource.release(source);
    };
  }, [queryClient]);
  const claim = useMutation({
    mutationFn: (conversationId: string) => kakaoApi.claim(conversationId),
    onSuccess: ({ consultationId }) => {
      void queryClient.invalidateQueries({ queryKey: kakaoApi.handoffsKey });
      onPickUp(consultationId);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: kakaoApi.handoffsKey }),
  });
  const items = (handoffs.data?.items ?? []).filter((item) => item.waiting);
  if (items.length === 0 && !claim.error) return null;
  return (
    <Paper
      withBorder
      p="lg"
      radius="lg"
      component="section"
      aria-labelledby="kakao-handoffs-title"
      data-testid="kakao-handoffs"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="kakao-handoffs-title">
          카카오톡 상담 연결 대기 {items.length}건
        </Title>
        {claim.error && (
          <Alert color="orange" variant="light">
            {claim.error.message}
          </Alert>
        )}
        {items.map((item) => (
          <Group
            key={item.conversationId}
            justify="space-between"
            wrap="nowrap"
            data-conversation-id={item.conversationId}
          >
            <Stack gap={0}>
              <Text fw={600}>
                {item.inquiryTypeLabel ?? '유형 선택 전'} · 채팅{' '}
                {!item.open && (
                  <Badge color="gray" variant="light">
                    업무시간 외 · 콜백 접수됨
                  </Badge>
                )}
              </Text>
              <Text size="sm" c="dark.5">
                {seoulTime.time(item.handedOffAt)} 연결 요청
              </Text>
            </Stack>
            <Button
              variant="light"
              loading={claim.isPending && claim.variables === item.conversationId}
              onClick={() => claim.mutate(item.conversationId)}
              data-testid="kakao-pick-up"
            >
              맡기
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
