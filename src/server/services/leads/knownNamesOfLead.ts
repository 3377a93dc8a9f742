/**
 * The names a sign-up lead carries (its 담당자), opened by the repository: what masked free text
 * about the lead — its callback notes — must not show in clear (maskPersonalText).
 */
export function knownNamesOfLead(lead: { contactName: string }): string[] {
  return [lead.contactName];
}
