import { describe, expect, it } from 'vitest';
import { barsOffScriptTransfer } from './barsOffScriptTransfer.ts';

describe('barsOffScriptTransfer', () => {
  const refused = new Set(['companyName', 'contactName', 'phone']);
  it('bars it when the caller declined on the path, with or without a refused consent', () => {
    expect(barsOffScriptTransfer('declined', new Set())).toBe(true);
    expect(barsOffScriptTransfer('declined', refused)).toBe(true);
    expect(barsOffScriptTransfer('support-line', refused)).toBe(true);
  });
  it('leaves a transfer path, and calls where nobody declined, to the agent', () => {
    expect(barsOffScriptTransfer('transfer', refused)).toBe(false);
    expect(barsOffScriptTransfer('support-line', new Set())).toBe(false);
    expect(barsOffScriptTransfer('company-admin', new Set())).toBe(false);
  });
});
