import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import type { ConsultationRow, ConsultationValues } from '../../repositories/consultationRepository.ts';
import { findGuideVersion } from '../guides/findGuideVersion.ts';
import { presentConsultationDraft } from './presentConsultationDraft.ts';

/** The columns an abandoned consultation takes from its draft. */
export type TypeChosenInDraft = Partial<
  Pick<ConsultationValues, 'guideId' | 'guideVersion' | 'scriptId' | 'inquiryType'>
>;

/**
 * The inquiry type a consultation in progress had chosen, as its row would keep it: the type and
 * script its draft names and, when the agent picked a type of another guide, that guide at its
 * loaded version (as a finish would record it). Empty when nothing was chosen, or when the guide
 * no longer has that type — the draft was checked when it was saved, but a guide can be unloaded
 * or changed since. A consultation given up mid-call then still counts under the type it was
 * about in the reports, instead of under none.
 */
export async function typeChosenInDraft(
  ctx: AppContext,
  db: Database,
  row: ConsultationRow,
): Promise<TypeChosenInDraft> {
  const draft = presentConsultationDraft(row).draft;
  if (!draft || draft.inquiryType === null) return {};
  const guideId = draft.guideId ?? row.guideId;
  const own = guideId === row.guideId;
  const guide = own
    ? ((await findGuideVersion(ctx, db, guideId, row.guideVersion)) ?? ctx.guides.get(guideId))
    : ctx.guides.get(guideId);
  const type = guide?.inquiryTypes.find((candidate) => candidate.number === draft.inquiryType);
  if (!guide || !type) return {};
  const scriptId = draft.scriptId ?? type.scriptId;
  return {
    ...(own && guide.version === row.guideVersion ? {} : { guideId: guide.id, guideVersion: guide.version }),
    inquiryType: type.number,
    scriptId,
  };
}
