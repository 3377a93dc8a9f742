/**
 * The names a consultation's record carries (the 담당자 typed into it), opened by the repository:
 * what its masked title and body must not show in clear (maskPersonalText).
 */
export function knownNamesOfConsultation(row: { recordFields: Record<string, string> | null }): string[] {
  return [row.recordFields?.contactName ?? ''];
}
