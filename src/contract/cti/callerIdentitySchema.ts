import { z } from 'zod';

/**
 * Who a caller is by the business directory: the registered contacts whose phone is the caller's
 * number (names masked), and the one-line label the screen pop shows
 * ("등록된 관리책임자 · 김*수 · (주)누리테크", or "미등록 번호"). Labels are in the request's language
 * (Accept-Language: "Registered account manager · 김*수 · (주)누리테크", "Unregistered number").
 */
export const callerIdentitySchema = z
  .object({
    registered: z.boolean().describe('The number is a registered contact of a business account'),
    label: z.string().describe("In the request's language"),
    contacts: z.array(
      z.object({
        role: z.string().describe('manager (관리책임자) or operator (운영담당자)'),
        roleLabel: z.string().describe("In the request's language, as /companies words it"),
        name: z.string().describe('Masked (김*수)'),
        companyName: z.string(),
        bizNo: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CallerIdentity' });

/** A caller's identity as the pop shows it. */
export type CallerIdentity = z.output<typeof callerIdentitySchema>;
