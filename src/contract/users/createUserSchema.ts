import { z } from 'zod';
import { extensionSchema } from './extensionSchema.ts';
import { MIN_PASSWORD_LENGTH } from './passwordRules.ts';
import { roleSchema } from './roleSchema.ts';

/** Body of `POST /api/v1/users`: one account per person (안전성 확보조치 기준); the e-mail is unique. */
export const createUserSchema = z.object({
  email: z.email('이메일 주소 형식이 올바르지 않습니다').max(254),
  name: z.string().trim().min(1, '이름을 입력하세요').max(100),
  role: roleSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `비밀번호는 ${MIN_PASSWORD_LENGTH}자 이상이어야 합니다`)
    .max(200),
  extension: extensionSchema.optional(),
});

/** A new account's fields. */
export type NewUser = z.output<typeof createUserSchema>;
