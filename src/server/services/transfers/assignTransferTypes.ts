import type { AssignTransferTypesInput } from '../../../contract/transfers/assignTransferTypesSchema.ts';
import type { TransferSettings } from '../../../contract/transfers/transferSettingsSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError, type ProblemDetail } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { transferSettingsRepository } from '../../repositories/transferSettingsRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { announceRotationMoved } from './announceRotationMoved.ts';
import { readTransferSettings } from './getTransferSettings.ts';
import { transferInquiryTypes } from './transferInquiryTypes.ts';

/**
 * Sets one assignee rotation on many inquiry types at once, all or nothing: every type of every
 * loaded guide, or the listed ones. `replace` makes the list each type's rotation; `add` appends
 * the members a type lacks (keeping its order and who is on duty). SLA rules and the rotation
 * cursors are left alone. Assignees must be active business-team or admin accounts, as for the
 * per-type edit, and the change is audited the same way.
 */
export async function assignTransferTypes(
  ctx: AppContext,
  actor: PublicUser,
  input: AssignTransferTypesInput,
): Promise<TransferSettings> {
  const known = transferInquiryTypes(ctx);
  const problems: ProblemDetail[] = [];
  const targets = input.types
    ? input.types.map((type, i) => {
        const guideId = type.guideId ?? ctx.guides.defaultGuide().id;
        const guide = ctx.guides.get(guideId);
        if (!guide) {
          problems.push({ where: `/types/${i}/guideId`, message: msg('firstRun.unknownGuide', { guideId }) });
        } else if (
          !known.some((candidate) => candidate.guideId === guideId && candidate.number === type.inquiryType)
        ) {
          problems.push({
            where: `/types/${i}/inquiryType`,
            message: msg('firstRun.unknownInquiryType', {
              inquiryType: type.inquiryType,
              guide: guide.heading,
              numbers: guide.inquiryTypes.map((candidate) => candidate.number).join(', '),
            }),
          });
        }
        return { guideId, inquiryType: type.inquiryType };
      })
    : known.map((type) => ({ guideId: type.guideId, inquiryType: type.number }));
  const seenTypes = new Set<string>();
  targets.forEach((type, i) => {
    const key = `${type.guideId}\u0000${type.inquiryType}`;
    if (seenTypes.has(key))
      problems.push({ where: `/types/${i}/inquiryType`, message: msg('firstRun.duplicateType') });
    seenTypes.add(key);
  });
  const seenPeople = new Set<string>();
  input.assignees.forEach((member, j) => {
    if (seenPeople.has(member.userId))
      problems.push({ where: `/assignees/${j}/userId`, message: msg('firstRun.duplicateAssignee') });
    seenPeople.add(member.userId);
  });

  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const people = new Map((await userRepository.list(tx)).map((person) => [person.id, person]));
    input.assignees.forEach((member, j) => {
      const person = people.get(member.userId);
      if (!person || person.disabledAt !== null || (person.role !== 'backoffice' && person.role !== 'admin'))
        problems.push({ where: `/assignees/${j}/userId`, message: msg('firstRun.assigneeNotEligible') });
    });
    if (problems.length > 0)
      throw new AppError(
        'validation-failed',
        msg('firstRun.assignmentInvalid', { count: problems.length }),
        problems,
      );

    const current = await transferSettingsRepository.listAssignees(tx);
    for (const type of targets) {
      const rotation =
        input.mode === 'replace'
          ? input.assignees
          : [
              ...current
                .filter(
                  (member) => member.guideId === type.guideId && member.inquiryType === type.inquiryType,
                )
                .map(({ userId, onDuty }) => ({ userId, onDuty })),
              ...input.assignees.filter(
                (member) =>
                  !current.some(
                    (existing) =>
                      existing.guideId === type.guideId &&
                      existing.inquiryType === type.inquiryType &&
                      existing.userId === member.userId,
                  ),
              ),
            ];
      await transferSettingsRepository.replaceAssignees(tx, type, rotation);
    }
    // Forms open on these types preview who is next: the rotation they preview changed.
    await announceRotationMoved(tx, targets);
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: actor.id,
      action: 'transfer-settings.updated',
      subject: 'transfer-settings',
      detail: { bulk: true, mode: input.mode, types: targets, assignees: input.assignees },
    });
    return readTransferSettings(tx, ctx);
  });
}
