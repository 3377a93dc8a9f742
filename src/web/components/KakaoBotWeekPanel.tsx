import { useQuery } from '@tanstack/react-query';
import { kakaoApi } from '../api/kakaoApi.ts';
import { KakaoBotSummary } from './KakaoBotSummary.tsx';

/** The chatbot's week for supervisors (bot-resolved vs handed-off), read from the masked list. */
export function KakaoBotWeekPanel() {
  const list = useQuery({
    queryKey: kakaoApi.conversationsKey,
    queryFn: ({ signal }) => kakaoApi.conversations(signal),
    retry: false,
  });
  return list.data ? <KakaoBotSummary summary={list.data.summary} /> : null;
}
