import { z } from 'zod';
import { extensionSchema } from './extensionSchema.ts';
import { openItemsChoiceSchema } from './openItemsChoiceSchema.ts';

/**
 * Body of `PATCH /api/v1/users/{id}`: disable an account or enable it again, and/or set its phone
 * extension (null clears it). At least one of the two. With `disabled: true`, `openItems` says
 * what becomes of the open transfers and leads the account holds.
 */
export const setUserDisabledSchema = z
  .object({
    disabled: z.boolean().optional(),
    extension: extensionSchema.nullable().optional(),
    openItems: openItemsChoiceSchema.optional(),
  })
  .refine((body) => body.disabled !== undefined || body.extension !== undefined, {
    message: 'disabled 또는 extension 중 하나는 있어야 합니다',
    params: { messageKey: 'users.disabledOrExtensionRequired' },
  })
  .refine((body) => body.openItems === undefined || body.disabled === true, {
    message: 'openItems는 disabled: true와 함께 보내야 합니다',
    path: ['openItems'],
    params: { messageKey: 'users.openItemsNeedDisable' },
  });

/** Parsed body of `PATCH /api/v1/users/{id}`. */
export type UpdateUserInput = z.output<typeof setUserDisabledSchema>;
