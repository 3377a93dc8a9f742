import { z } from 'zod';
import { extensionSchema } from './extensionSchema.ts';

/**
 * Body of `PATCH /api/v1/users/{id}`: disable an account or enable it again, and/or set its phone
 * extension (null clears it). At least one of the two.
 */
export const setUserDisabledSchema = z
  .object({
    disabled: z.boolean().optional(),
    extension: extensionSchema.nullable().optional(),
  })
  .refine((body) => body.disabled !== undefined || body.extension !== undefined, {
    message: 'disabled 또는 extension 중 하나는 있어야 합니다',
    params: { messageKey: 'users.disabledOrExtensionRequired' },
  });

/** Parsed body of `PATCH /api/v1/users/{id}`. */
export type UpdateUserInput = z.output<typeof setUserDisabledSchema>;
