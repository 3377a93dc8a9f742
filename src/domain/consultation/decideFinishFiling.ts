/** What finishing a consultation files besides the record. */
export type FinishFiling = 'transfer' | 'lead' | 'none';

/**
 * What to file when a consultation is finished. By default what the path's outcome promised the
 * caller: a transfer (이관) when the script ended on 'transfer', the sign-up lead on 'lead' (Q4-Y,
 * consent agreed). The agent may say otherwise: `false` files nothing, `true` on any other outcome
 * files a transfer (a callback promised off-script). A lead is never filed off its path: it rests
 * on the consent given on that path.
 */
export function decideFinishFiling(outcome: string | null, fileTransfer: boolean | undefined): FinishFiling {
  const implied: FinishFiling = outcome === 'lead' ? 'lead' : outcome === 'transfer' ? 'transfer' : 'none';
  if (fileTransfer === undefined) return implied;
  if (!fileTransfer) return 'none';
  return implied === 'none' ? 'transfer' : implied;
}
