import type { User } from '../../../contract/users/userSchema.ts';
import type { UserRow } from '../../repositories/userRepository.ts';

/** The user as the API shows it: never the password hash or lock-out counters. */
export type PublicUser = User;

/** Strips a user row down to what clients may see. */
export function publicUser(row: UserRow): PublicUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
