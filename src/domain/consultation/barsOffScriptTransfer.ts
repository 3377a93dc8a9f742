/**
 * Whether a transfer the agent would file off-script (one the path's outcome did not call for) is
 * barred: the caller declined on the path — the callback ("연락 원하지 않음"), the sign-up
 * consultation, or consent to collect their details — and a transfer is the business team
 * contacting them all the same. The guide's rule is that a refusal limits what can be done for
 * them ("거부 시 처리가 제한될 수 있습니다"). `withheld` is fieldsWithheldByRefusal of the path: a
 * refused consent bars it on any end but a transfer path's own (reached with consent).
 */
export function barsOffScriptTransfer(outcome: string | null, withheld: ReadonlySet<string>): boolean {
  return outcome === 'declined' || (outcome !== 'transfer' && withheld.size > 0);
}
