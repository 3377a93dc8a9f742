import { describe, expect, it } from 'vitest';
import { closesWithLeadOutcome } from './closesWithLeadOutcome.ts';

const leadId = '00000000-0000-4000-8000-000000000001';

describe('closesWithLeadOutcome', () => {
  it("says so for an open lead's transfer the server offers no 종결 for", () => {
    expect(closesWithLeadOutcome({ leadId, status: 'contacted', nextStatuses: ['in-progress'] })).toBe(true);
    expect(
      closesWithLeadOutcome({ leadId, status: 'unreachable', nextStatuses: ['in-progress', 'contacted'] }),
    ).toBe(true);
  });

  it('stays quiet where 종결 is offered, where the workflow offers none anyway, and on a plain transfer', () => {
    // A lead already finished (a transfer left open by an earlier version): the team closes it.
    expect(
      closesWithLeadOutcome({ leadId, status: 'contacted', nextStatuses: ['closed', 'in-progress'] }),
    ).toBe(false);
    expect(closesWithLeadOutcome({ leadId, status: 'received', nextStatuses: ['in-progress'] })).toBe(false);
    expect(closesWithLeadOutcome({ leadId, status: 'closed', nextStatuses: [] })).toBe(false);
    expect(closesWithLeadOutcome({ leadId: null, status: 'contacted', nextStatuses: ['in-progress'] })).toBe(
      false,
    );
  });
});
