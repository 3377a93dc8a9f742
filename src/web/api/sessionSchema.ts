import { z } from 'zod';

/** Roles a user can have; the console is the agent's screen but every role may use it. */
export const userRoleSchema = z.enum(['agent', 'backoffice', 'supervisor', 'admin']);

/** `GET /api/v1/auth/session`, `POST /api/v1/auth/login` and `POST /api/v1/setup`. */
export const sessionSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: userRoleSchema,
  }),
  csrfToken: z.string(),
});

/** The signed-in user and the CSRF token for state-changing requests. */
export type Session = z.infer<typeof sessionSchema>;
