import { type ChatTranscript, chatTranscriptSchema } from '../../contract/kakao/chatTranscriptSchema.ts';
import {
  type KakaoConversationList,
  kakaoConversationListSchema,
} from '../../contract/kakao/kakaoConversationListSchema.ts';
import { kakaoHandoffClaimSchema } from '../../contract/kakao/kakaoHandoffClaimSchema.ts';
import {
  type KakaoHandoffList,
  kakaoHandoffListSchema,
} from '../../contract/kakao/kakaoHandoffListSchema.ts';
import { requestJson } from './requestJson.ts';

/** The KakaoTalk chatbot's requests: hand-offs to pick up, a chat's transcript, the admin list. */
export const kakaoApi = {
  handoffsKey: ['kakao', 'handoffs'] as const,
  transcriptKey: (consultationId: string) => ['kakao', 'transcript', consultationId] as const,
  conversationsKey: ['kakao', 'conversations'] as const,

  handoffs(signal?: AbortSignal): Promise<KakaoHandoffList> {
    return requestJson({ path: '/api/v1/channels/kakao/handoffs', schema: kakaoHandoffListSchema, signal });
  },

  claim(conversationId: string): Promise<{ conversationId: string; consultationId: string }> {
    return requestJson({
      method: 'POST',
      path: `/api/v1/channels/kakao/handoffs/${encodeURIComponent(conversationId)}/claim`,
      schema: kakaoHandoffClaimSchema,
    });
  },

  transcript(consultationId: string, signal?: AbortSignal): Promise<ChatTranscript> {
    return requestJson({
      path: `/api/v1/channels/kakao/consultations/${encodeURIComponent(consultationId)}/transcript`,
      schema: chatTranscriptSchema,
      signal,
    });
  },

  conversations(signal?: AbortSignal): Promise<KakaoConversationList> {
    return requestJson({
      path: '/api/v1/channels/kakao/conversations',
      schema: kakaoConversationListSchema,
      signal,
    });
  },
};
