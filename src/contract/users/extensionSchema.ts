import { z } from 'zod';

/**
 * An agent's phone extension (내선번호) as the PBX names it in `answeringNumber` (e.g. 1001): one to
 * 32 letters, digits or `+ * # . _ -`; unique across accounts.
 */
export const extensionSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z+*#._-]{1,32}$/, '내선번호는 1~32자의 숫자, 영문자, + * # . _ - 만 쓸 수 있습니다')
  .describe('Phone extension (내선번호) the PBX reports as answeringNumber');
