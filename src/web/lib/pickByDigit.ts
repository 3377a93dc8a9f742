import type { InquiryChoice } from './listInquiryChoices.ts';

/**
 * What a digit key pressed in the type picker picks at once, among the types shown: the type of
 * that number — unless a shown type's longer number starts with the digit (a guide with a type 10:
 * '1' may be the start of '10'), or no shown type has it. Then it picks nothing and the digit goes
 * into the search, where the number's own type comes first and Enter picks it.
 */
export function pickByDigit(choices: readonly InquiryChoice[], key: string): InquiryChoice | null {
  if (!/^[1-9]$/.test(key)) return null;
  const longer = choices.some((choice) => {
    const number = String(choice.type.number);
    return number.length > 1 && number.startsWith(key);
  });
  if (longer) return null;
  return choices.find((choice) => String(choice.type.number) === key) ?? null;
}
