import type { Role } from './db/schema.ts';

/**
 * Every permission in one place (ARCHITECTURE.md, convention 9). Routes check one of these
 * before they read any data.
 */
const grants = {
  'guide:read': ['agent', 'backoffice', 'supervisor', 'admin'],
  'business-hours:read': ['agent', 'backoffice', 'supervisor', 'admin'],
  'consultation:create': ['agent', 'admin'],
  'consultation:read-own': ['agent', 'backoffice', 'supervisor', 'admin'],
  'consultation:read-all': ['supervisor', 'admin'],
  'closure:read': ['agent', 'backoffice', 'supervisor', 'admin'],
  'closure:manage': ['admin'],
  'user:read': ['supervisor', 'admin'],
  'user:manage': ['admin'],
  'token:create-own': ['agent', 'backoffice', 'supervisor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

/** A named permission. */
export type Permission = keyof typeof grants;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}
