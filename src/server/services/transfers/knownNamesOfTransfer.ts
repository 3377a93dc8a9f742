/**
 * The names a transfer carries (its contact's name, the 담당자 the customer gave), opened by the
 * repository: what masked free text about the transfer — its inquiry, comments, status notes, the
 * e-mails and masked webhooks that quote them — must not show in clear (maskPersonalText).
 */
export function knownNamesOfTransfer(transfer: { contactName: string }): string[] {
  return [transfer.contactName];
}
