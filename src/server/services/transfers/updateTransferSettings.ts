import type { TransferSettings } from '../../../contract/transfers/transferSettingsSchema.ts';
import type { UpdateTransferSettingsInput } from '../../../contract/transfers/updateTransferSettingsSchema.ts';
import { minutesOfDay } from '../../../domain/calendar/minutesOfDay.ts';
import { isSlaTimeWithinHours } from '../../../domain/transfer/isSlaTimeWithinHours.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError, type ProblemDetail } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { transferSettingsRepository } from '../../repositories/transferSettingsRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { announceRotationMoved } from './announceRotationMoved.ts';
import { readTransferSettings } from './getTransferSettings.ts';
import { slaColumnsOf } from './slaRuleOf.ts';
import { transferInquiryTypes } from './transferInquiryTypes.ts';

/**
 * Replaces the SLA rule and the assignee rotation of the listed inquiry types, all or nothing.
 * Assignees must be active business-team (backoffice) or admin users. The change is audited
 * (안전성 확보조치: who changed who handles what). The rotation cursor is kept, so editing the list
 * does not restart the turn order.
 */
export async function updateTransferSettings(
  ctx: AppContext,
  actor: PublicUser,
  input: UpdateTransferSettingsInput,
): Promise<TransferSettings> {
  const known = transferInquiryTypes(ctx);
  // Every transfer's due time runs on the company's business day, the default guide's line
  // (loadCalendarFacts), so a "next business day at HH:MM" is checked against those hours,
  // whichever guide the type is of.
  const line = ctx.guides.defaultGuide().supportLine.hours;
  const hours = { openMinute: minutesOfDay(line.opens), closeMinute: minutesOfDay(line.closes) };
  const problems: ProblemDetail[] = [];
  const seen = new Set<string>();
  // Settings are per guide; a type named without its guide is one of the default guide's.
  const types = input.types.map((type) => ({
    ...type,
    guideId: type.guideId ?? ctx.guides.defaultGuide().id,
  }));
  types.forEach((type, i) => {
    const guide = ctx.guides.get(type.guideId);
    // Worded as the bulk assignment words them (firstRun.*), in the caller's language.
    if (!guide)
      problems.push({
        where: `/types/${i}/guideId`,
        message: msg('firstRun.unknownGuide', { guideId: type.guideId }),
      });
    else if (
      !known.some((candidate) => candidate.guideId === guide.id && candidate.number === type.inquiryType)
    )
      problems.push({
        where: `/types/${i}/inquiryType`,
        message: msg('firstRun.unknownInquiryType', {
          inquiryType: type.inquiryType,
          guide: guide.heading,
          numbers: guide.inquiryTypes.map((candidate) => candidate.number).join(', '),
        }),
      });
    const key = `${type.guideId}\u0000${type.inquiryType}`;
    if (seen.has(key))
      problems.push({ where: `/types/${i}/inquiryType`, message: msg('firstRun.duplicateType') });
    seen.add(key);
    if (type.sla.kind === 'next-business-day' && !isSlaTimeWithinHours(type.sla.time, hours))
      problems.push({
        where: `/types/${i}/sla/time`,
        message: msg('transfers.slaTimeOutsideHours', {
          time: type.sla.time,
          opens: line.opens,
          closes: line.closes,
        }),
      });
    const members = new Set<string>();
    type.assignees.forEach((member, j) => {
      if (members.has(member.userId))
        problems.push({
          where: `/types/${i}/assignees/${j}/userId`,
          message: msg('firstRun.duplicateAssignee'),
        });
      members.add(member.userId);
    });
  });
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const people = new Map((await userRepository.list(tx)).map((person) => [person.id, person]));
    types.forEach((type, i) => {
      type.assignees.forEach((member, j) => {
        const person = people.get(member.userId);
        if (
          !person ||
          person.disabledAt !== null ||
          (person.role !== 'backoffice' && person.role !== 'admin')
        ) {
          problems.push({
            where: `/types/${i}/assignees/${j}/userId`,
            message: msg('firstRun.assigneeNotEligible'),
          });
        }
      });
    });
    if (problems.length > 0)
      throw new AppError(
        'validation-failed',
        msg('transfers.settingsInvalid', { count: problems.length }),
        problems,
      );
    for (const type of types) {
      const key = { guideId: type.guideId, inquiryType: type.inquiryType };
      await transferSettingsRepository.upsertTypeSettings(tx, {
        ...key,
        ...slaColumnsOf(type.sla),
        updatedBy: actor.id,
        updatedAt: now,
      });
      await transferSettingsRepository.replaceAssignees(tx, key, type.assignees);
    }
    // Forms open on these types preview who is next and when it is due: both may have moved.
    await announceRotationMoved(tx, types);
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: actor.id,
      action: 'transfer-settings.updated',
      subject: 'transfer-settings',
      detail: { types },
    });
    return readTransferSettings(tx, ctx);
  });
}
