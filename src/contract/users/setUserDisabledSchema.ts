import { z } from 'zod';

/** Body of `PATCH /api/v1/users/{id}`: disable an account or enable it again. */
export const setUserDisabledSchema = z.object({ disabled: z.boolean() });
