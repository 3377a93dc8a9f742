import type { CallerMatch } from './describeCaller.ts';

/** Who the business directory says the caller is, in clear (the server masks the name it answers). */
export type DirectoryCallerContact = {
  companyName: string;
  /** The contact's name when exactly one contact lists the number; null when several do. */
  contactName: string | null;
};

/**
 * What the record's 기업명 starts from, and the contact its 담당자 이름 hints, when the directory
 * knows the caller's number (QA-9 M1: the pop said "등록된 관리책임자 · 김*수 · (주)누리테크" and the
 * agent typed both again). Only contacts of active accounts count — an ended account's caller is not "관리시스템에
 * 등록된" (describeCaller). One company: its name; one contact: their name too. Several companies
 * list the number: no guess, the agent asks — a wrong company on a transfer sends the business team
 * to the wrong account. For a member this is re-collection of held data, which needs no consent
 * (the guide's section 3, rule 2).
 */
export function callerContactFromDirectory(matches: readonly CallerMatch[]): DirectoryCallerContact | null {
  const active = matches.filter((match) => match.company.status === 'active');
  const companies = new Set(active.map((match) => match.company.name));
  const [first] = active;
  if (!first || companies.size !== 1) return null;
  return { companyName: first.company.name, contactName: active.length === 1 ? first.contact.name : null };
}
