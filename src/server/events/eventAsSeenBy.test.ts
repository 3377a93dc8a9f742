import { describe, expect, it } from 'vitest';
import type { PublicUser } from '../services/auth/publicUser.ts';
import { eventAsSeenBy } from './eventAsSeenBy.ts';
import type { LiveEvent } from './publishEvent.ts';

const person = (id: string, role: PublicUser['role']): PublicUser => ({
  id,
  email: `${id}@ieum.test`,
  name: id,
  role,
});
const filer = person('00000000-0000-4000-8000-000000000001', 'agent');
const colleague = person('00000000-0000-4000-8000-000000000002', 'agent');
const backoffice = person('00000000-0000-4000-8000-000000000003', 'backoffice');
const supervisor = person('00000000-0000-4000-8000-000000000004', 'supervisor');

const filed: LiveEvent = {
  id: 41,
  type: 'transfer.filed',
  at: '2026-12-07T01:00:00.000Z',
  data: {
    transferId: '00000000-0000-4000-8000-0000000000aa',
    number: 'T-2026-000041',
    kind: 'transfer',
    status: 'received',
    inquiryType: 3,
    guideId: 'business-inquiry',
    assigneeId: backoffice.id,
    filedById: filer.id,
    actorId: filer.id,
    change: { action: 'filed' },
    notifiedIds: [backoffice.id],
  },
};

describe('eventAsSeenBy', () => {
  it('gives a transfer filing whole to its filer and to whoever reads every transfer', () => {
    expect(eventAsSeenBy(filer, filed)).toBe(filed);
    expect(eventAsSeenBy(backoffice, filed)).toBe(filed);
    expect(eventAsSeenBy(supervisor, filed)).toBe(filed);
  });

  it("gives a colleague's filing to another agent as the type's rotation moving, with no transfer or person in it", () => {
    const seen = eventAsSeenBy(colleague, filed);
    expect(seen).toEqual({
      id: 41,
      type: 'transfer.rotation-moved',
      at: filed.at,
      data: { guideId: 'business-inquiry', inquiryType: 3 },
    });
    // One view per event, so every agent's stream shares one serialised frame.
    expect(eventAsSeenBy(person('00000000-0000-4000-8000-000000000005', 'agent'), filed)).toBe(seen);
  });

  it('names no guide for a filing stored before transfer events carried one', () => {
    const { guideId: _guideId, ...older } = filed.data;
    expect(eventAsSeenBy(colleague, { ...filed, data: older })?.data).toEqual({
      guideId: null,
      inquiryType: 3,
    });
  });

  it('gives nothing of other transfer changes to an agent who did not file them', () => {
    expect(eventAsSeenBy(colleague, { ...filed, id: 42, type: 'transfer.updated' })).toBeNull();
    expect(eventAsSeenBy(colleague, { ...filed, id: 43, type: 'transfer.commented' })).toBeNull();
  });
});
