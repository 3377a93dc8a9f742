import { Alert, Badge, Button } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { kakaoApi } from '../api/kakaoApi.ts';
import { useLiveRefresh } from '../api/useLiveRefresh.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useT } from '../i18n/useT.ts';
import { ConsultationPickRow } from './ConsultationPickRow.tsx';
import { SectionPanel } from './SectionPanel.tsx';

/** Props of the KakaoTalk hand-off list. */
export type KakaoHandoffsPanelProps = {
  /** Opens the picked-up chat's consultation where the bot left it. */
  onPickUp: (consultationId: string) => void;
};

// A chat waits once the chatbot hands it over and stops waiting once an agent claims it.
const handoffEvents = ['kakao.handoff', 'kakao.handoff-claimed'] as const;

/**
 * KakaoTalk chats the chatbot handed to agents ("상담직원 연결"), live: a waiting one is picked up
 * with one click and opens at the bot's step with the type, the values and the consent already
 * taken; the transcript shows beside it. Out-of-hours ones show that their callback was filed.
 */
export function KakaoHandoffsPanel({ onPickUp }: KakaoHandoffsPanelProps) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const handoffs = useQuery({
    queryKey: kakaoApi.handoffsKey,
    queryFn: ({ signal }) => kakaoApi.handoffs(signal),
    refetchOnMount: 'always',
    retry: false,
  });
  useLiveRefresh(kakaoApi.handoffsKey, handoffEvents);
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
    <SectionPanel
      titleId="kakao-handoffs-title"
      title={t('kakao.handoffs.title', { count: items.length })}
      padding="lg"
      data-testid="kakao-handoffs"
    >
      {claim.error && (
        <Alert color="orange" variant="light">
          {claim.error.message}
        </Alert>
      )}
      {items.map((item) => (
        <ConsultationPickRow
          key={item.conversationId}
          data-conversation-id={item.conversationId}
          summary={
            <>
              {item.inquiryTypeLabel ?? t('kakao.noType')} · {t('kakao.chat')}{' '}
              {!item.open && (
                <Badge color="gray" variant="light">
                  {t('kakao.handoffs.afterHours')}
                </Badge>
              )}
            </>
          }
          when={t('kakao.handoffs.requestedAt', { at: format.time(item.handedOffAt) })}
          action={
            <Button
              variant="light"
              loading={claim.isPending && claim.variables === item.conversationId}
              onClick={() => claim.mutate(item.conversationId)}
              data-testid="kakao-pick-up"
            >
              {t('kakao.handoffs.claim')}
            </Button>
          }
        />
      ))}
    </SectionPanel>
  );
}
