import { describe, expect, it } from 'vitest';
import { decideRepeatLead, type RepeatLeadCandidate } from './decideRepeatLead.ts';

const lead = (overrides: Partial<RepeatLeadCandidate> & { id: string }): RepeatLeadCandidate => ({
  number: `T-2026-${overrides.id.padStart(6, '0')}`,
  companyName: '(주)이음상사',
  status: 'new',
  transferStatus: 'received',
  createdAt: new Date('2026-11-02T01:00:00Z'),
  repeatOfId: null,
  assigneeId: 'holder',
  assigneeDisabled: false,
  brochure: {
    lead: { id: overrides.id, number: `T-2026-${overrides.id.padStart(6, '0')}` },
    status: 'queued',
  },
  ...overrides,
});

describe('decideRepeatLead', () => {
  it("joins the customer's open lead: its holder, its brochure while sent or queued", () => {
    expect(decideRepeatLead('이음 상사', [lead({ id: '1' })])).toEqual({
      repeatOf: { id: '1', number: 'T-2026-000001' },
      holderId: 'holder',
      brochureSentWith: { id: '1', number: 'T-2026-000001' },
    });
    const sent = lead({
      id: '1',
      status: 'brochure-sent',
      brochure: { lead: { id: '1', number: 'n' }, status: 'sent' },
    });
    expect(decideRepeatLead('이음상사', [sent])?.brochureSentWith).toEqual({ id: '1', number: 'n' });
  });

  it('queues the brochure again when the first failed, and leaves a disabled or missing holder to the rotation', () => {
    const failed = lead({ id: '1', brochure: { lead: { id: '1', number: 'n' }, status: 'failed' } });
    expect(decideRepeatLead('이음상사', [failed])).toMatchObject({
      holderId: 'holder',
      brochureSentWith: null,
    });
    expect(decideRepeatLead('이음상사', [lead({ id: '1', assigneeDisabled: true })])?.holderId).toBeNull();
    expect(decideRepeatLead('이음상사', [lead({ id: '1', assigneeId: null })])?.holderId).toBeNull();
    expect(decideRepeatLead('이음상사', [lead({ id: '1', brochure: null })])?.brochureSentWith).toBeNull();
  });

  it('ignores won, lost and closed leads and other companies at the address', () => {
    expect(decideRepeatLead('이음상사', [lead({ id: '1', status: 'won' })])).toBeNull();
    expect(decideRepeatLead('이음상사', [lead({ id: '1', status: 'lost' })])).toBeNull();
    expect(decideRepeatLead('이음상사', [lead({ id: '1', transferStatus: 'closed' })])).toBeNull();
    expect(decideRepeatLead('이음물산', [lead({ id: '1' })])).toBeNull();
    expect(decideRepeatLead('이음상사', [])).toBeNull();
  });

  it("joins the customer's oldest open lead, the one every repeat points at", () => {
    const older = lead({ id: '1', assigneeId: 'first', createdAt: new Date('2026-11-01T00:00:00Z') });
    const newer = lead({ id: '2', assigneeId: 'second', createdAt: new Date('2026-11-03T00:00:00Z') });
    const closed = lead({ id: '0', status: 'won', createdAt: new Date('2026-10-01T00:00:00Z') });
    expect(decideRepeatLead('이음상사', [newer, closed, older])).toMatchObject({
      repeatOf: { id: '1' },
      holderId: 'first',
    });
    // Filed in the same instant, the first is told by the repeat pointing at it, not by its id.
    const first = lead({ id: 'b' });
    const repeat = lead({ id: 'a', repeatOfId: 'b' });
    expect(decideRepeatLead('이음상사', [repeat, first])?.repeatOf.id).toBe('b');
    // With the first finished, the oldest open repeat holds the customer.
    expect(decideRepeatLead('이음상사', [repeat, { ...first, status: 'won' }])?.repeatOf.id).toBe('a');
  });
});
