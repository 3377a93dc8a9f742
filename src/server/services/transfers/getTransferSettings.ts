import type { TransferSettings } from '../../../contract/transfers/transferSettingsSchema.ts';
import { pickNextAssignee } from '../../../domain/transfer/pickNextAssignee.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { transferSettingsRepository } from '../../repositories/transferSettingsRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { slaRuleOf } from './slaRuleOf.ts';
import { transferInquiryTypes } from './transferInquiryTypes.ts';

/** The settings of every inquiry type of every guide (types never configured show the defaults). */
export async function readTransferSettings(db: Database, ctx: AppContext): Promise<TransferSettings> {
  // One after another: `db` may be a transaction, whose single connection runs one query at a time.
  const settings = await transferSettingsRepository.listTypeSettings(db);
  const assignees = await transferSettingsRepository.listAssignees(db);
  const people = await userRepository.list(db);
  const types = transferInquiryTypes(ctx).map((type) => {
    const row = settings.find(
      (candidate) => candidate.guideId === type.guideId && candidate.inquiryType === type.number,
    );
    const members = assignees.filter(
      (member) => member.guideId === type.guideId && member.inquiryType === type.number && !member.disabled,
    );
    const nextId = pickNextAssignee(members, row?.lastAssigneeId ?? null);
    const next = members.find((member) => member.userId === nextId);
    return {
      guideId: type.guideId,
      guideLabel: type.guideLabel,
      inquiryType: type.number,
      label: type.label,
      sla: slaRuleOf(row),
      assignees: members.map((member) => ({
        userId: member.userId,
        name: member.name,
        onDuty: member.onDuty,
      })),
      nextAssignee: next ? { id: next.userId, name: next.name } : null,
    };
  });
  const candidates = people
    .filter(
      (person) => person.disabledAt === null && (person.role === 'backoffice' || person.role === 'admin'),
    )
    .map((person) => ({ id: person.id, name: person.name, role: person.role }));
  return { types, candidates };
}

/** GET /transfer-settings: SLA rules and assignee rotations per inquiry type. */
export function getTransferSettings(ctx: AppContext): Promise<TransferSettings> {
  return readTransferSettings(ctx.database.db, ctx);
}
