import type { Session } from '../../contract/auth/sessionSchema.ts';

/**
 * The address of a role's home screen, where signing in without a page to return to lands and
 * where `/` leads: the business team works the transfer queue and supervisors read the dashboard
 * (neither takes calls); agents and admins are at home in the console, `/`. Landing on the
 * screen's own address keeps bookmarks and the header's current-screen mark true.
 */
export function homePathOf(role: Session['user']['role']): string {
  if (role === 'backoffice') return '/queue';
  if (role === 'supervisor') return '/dashboard';
  return '/';
}
