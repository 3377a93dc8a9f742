import { z } from 'zod';

/** Body of `POST /api/v1/first-run/test-mail`: where the SMTP test mail goes. */
export const sendTestMailSchema = z.object({
  to: z.email('받는 주소는 이메일 형식이어야 합니다').max(254),
});

/** A parsed test-mail request. */
export type SendTestMailInput = z.output<typeof sendTestMailSchema>;
