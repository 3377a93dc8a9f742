import { z } from 'zod';

/** Roles, least privilege first: 상담사, 비즈니스팀, 슈퍼바이저, 관리자. Permissions per role live in src/server/policies.ts. */
export const roles = ['agent', 'backoffice', 'supervisor', 'admin'] as const;

/** A role on the wire. */
export const roleSchema = z.enum(roles, { message: `역할은 ${roles.join(', ')} 중 하나입니다` });

/** One role. */
export type Role = z.output<typeof roleSchema>;
