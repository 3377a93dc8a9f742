import type { UserRow } from '../../repositories/userRepository.ts';

/**
 * The accounts a comment on a transfer can mention: the people who can open it — every active
 * account but agents, and the agent who filed it. A disabled account is never mentioned (nobody
 * would read the notice).
 */
export function mentionableAccounts(people: readonly UserRow[], filedBy: string): UserRow[] {
  return people.filter(
    (person) => person.disabledAt === null && (person.role !== 'agent' || person.id === filedBy),
  );
}

/** The handle '@' mentions a person by besides their name: their e-mail's local part. */
export function handleOf(email: string): string {
  return email.split('@')[0] ?? '';
}
