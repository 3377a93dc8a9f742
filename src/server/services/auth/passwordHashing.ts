import { hash, verify } from '@node-rs/argon2';

/** argon2id hash of a password (OWASP-recommended default parameters of @node-rs/argon2). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Constant-time verification; a malformed stored hash counts as a mismatch rather than a crash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// A valid hash of a random secret, used to spend the same time on unknown e-mails as on known ones.
let decoyHash: Promise<string> | null = null;
/** Burns the same CPU time as a real check, so response times do not reveal which e-mails exist. */
export async function verifyDecoyPassword(password: string): Promise<false> {
  decoyHash ??= hash('decoy-password-never-matches');
  await verifyPassword(await decoyHash, password);
  return false;
}
