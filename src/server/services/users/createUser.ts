import type { Account } from '../../../contract/users/accountSchema.ts';
import { createUserSchema, type NewUser } from '../../../contract/users/createUserSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { describeValidationIssue } from '../../http/describeValidationIssue.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { checkPasswordStrength } from '../auth/checkPasswordStrength.ts';
import { hashPassword } from '../auth/passwordHashing.ts';
import { publicUser } from '../auth/publicUser.ts';
import { refuseTakenExtension } from './refuseTakenExtension.ts';

/**
 * Parses a new account's fields or throws a validation-failed error naming each bad field; the
 * password must also resist guessing (common passwords, the person's own e-mail or name).
 */
export async function validateNewUser(input: NewUser): Promise<NewUser> {
  const parsed = createUserSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    throw new AppError(
      'validation-failed',
      msg('users.invalid'),
      parsed.error.issues.map((issue) => ({
        ...describeValidationIssue(issue, 'body'),
        where: `/${issue.path.join('/')}`,
      })),
    );
  }
  const weak = await checkPasswordStrength(parsed.data.password, [parsed.data.email, parsed.data.name]);
  if (weak) throw new AppError('validation-failed', weak, [{ where: '/password', message: weak }]);
  return parsed.data;
}

/**
 * Creates an account. `actorId` is the admin who did it (null from the CLI or first-run setup);
 * the creation and the role granted go to the audit trail as a permission change.
 */
export async function createUser(
  ctx: AppContext,
  input: NewUser,
  actor: { id: string | null; ip?: string | null },
  /** Checked inside the creating transaction, before the insert (the first-admin setup's one-time link). */
  precondition?: (tx: Database) => Promise<void>,
): Promise<Account> {
  const { email, name, role, password, extension } = await validateNewUser(input);
  const db = ctx.database.db;
  if (await userRepository.findByEmail(db, email)) {
    throw new AppError('conflict', msg('users.emailTaken', { email }), [
      { where: '/email', message: msg('users.duplicate') },
    ]);
  }
  if (extension !== undefined) await refuseTakenExtension(db, extension, null);
  const passwordHash = await hashPassword(password);
  const row = await db.transaction(async (tx) => {
    await precondition?.(tx);
    const created = await userRepository.insert(tx, {
      email,
      name,
      role,
      passwordHash,
      extension: extension ?? null,
    });
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: ctx.now(),
      actorId: actor.id,
      action: 'user.created',
      subject: `user:${created.id}`,
      ip: actor.ip ?? null,
      detail: extension === undefined ? { role } : { role, extension },
    });
    return created;
  });
  return { ...publicUser(row), disabled: false, extension: row.extension };
}
