import type { Guide } from '../../../domain/guide/guideSchema.ts';

/**
 * A record's inquiry type as the supervisor reads it: "1. 관리자 기능 문의" from the record's guide
 * (the label is the guide's own words, as in the queue), the number alone when the guides are not
 * loaded yet or no longer list it, '–' when the record has none.
 */
export function describeInquiryType(
  guides: readonly Guide[] | undefined,
  guideId: string,
  inquiryType: number | null,
): string {
  if (inquiryType === null) return '–';
  const label = guides
    ?.find((guide) => guide.id === guideId)
    ?.inquiryTypes.find((type) => type.number === inquiryType)?.label;
  return label ? `${inquiryType}. ${label}` : String(inquiryType);
}
