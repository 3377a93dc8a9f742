import type { AppContext } from '../../appContext.ts';

/** An inquiry type a transfer can have: which guide, its number there, and its labels (the guide's heading and the type's label). */
export type TransferInquiryType = { guideId: string; guideLabel: string; number: number; label: string };

/**
 * The inquiry types transfers are classified by: every type of every loaded guide, read from the
 * guides so an admin who renames a type in a guide sees the new label in the queue at once.
 */
export function transferInquiryTypes(ctx: AppContext): TransferInquiryType[] {
  return ctx.guides.list().flatMap((guide) =>
    guide.inquiryTypes.map((type) => ({
      guideId: guide.id,
      guideLabel: guide.heading,
      number: type.number,
      label: type.label,
    })),
  );
}
