import type { AppContext } from '../../appContext.ts';

/** The guide whose 이관 유형 (inquiry types 1–9) classify transfers. */
export const TRANSFER_GUIDE_ID = 'business-inquiry';

/** An inquiry type a transfer can have, with its label from the guide. */
export type TransferInquiryType = { number: number; label: string };

/**
 * The inquiry types transfers are classified by, read from the guide so an admin who renames a
 * type in the guide sees the new label in the queue at once.
 */
export function transferInquiryTypes(ctx: AppContext): TransferInquiryType[] {
  const guide = ctx.guides.get(TRANSFER_GUIDE_ID) ?? ctx.guides.list()[0];
  return (guide?.inquiryTypes ?? []).map((type) => ({ number: type.number, label: type.label }));
}
