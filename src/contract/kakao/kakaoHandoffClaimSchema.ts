import { z } from 'zod';

/** Answer of `POST /api/v1/channels/kakao/handoffs/{id}/claim`: the consultation now the agent's, to resume. */
export const kakaoHandoffClaimSchema = z
  .object({ conversationId: z.uuid(), consultationId: z.uuid() })
  .meta({ id: 'KakaoHandoffClaim' });
