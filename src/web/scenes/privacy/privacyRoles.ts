import type { Session } from '../../../contract/auth/sessionSchema.ts';

type Role = Session['user']['role'];

// Mirrors src/server/policies.ts for what the screen offers; the server enforces it regardless.
/** Whether the role may reveal stored personal data with a reason ('personal-data:reveal'). */
export function canRevealPersonalData(role: Role): boolean {
  return role === 'backoffice' || role === 'admin';
}

/** Whether the role sees the access log, data-subject requests and destructions (admins). */
export function canAdministerPrivacy(role: Role): boolean {
  return role === 'admin';
}
