import type { TransferRotationMovedEvent } from '../../contract/events/transferRotationMovedEventSchema.ts';
import { can } from '../policies.ts';
import type { PublicUser } from '../services/auth/publicUser.ts';
import { canSeeEvent } from './canSeeEvent.ts';
import type { LiveEvent } from './publishEvent.ts';

// The hub hands the same event object to every stream: its rotation view is made once, so its
// frame (formatEventFrame, keyed by the object) is serialised once too.
const rotationViews = new WeakMap<LiveEvent, LiveEvent>();

function rotationMovedOf(filed: LiveEvent): LiveEvent {
  let view = rotationViews.get(filed);
  if (view === undefined) {
    const { guideId, inquiryType } = filed.data;
    const data: TransferRotationMovedEvent = {
      guideId: typeof guideId === 'string' ? guideId : null,
      inquiryType: typeof inquiryType === 'number' ? inquiryType : 0,
    };
    // The filing's own id: a client resuming from it (Last-Event-ID) resumes after the filing.
    view = { id: filed.id, type: 'transfer.rotation-moved', data, at: filed.at };
    rotationViews.set(filed, view);
  }
  return view;
}

/**
 * A live event as one user's stream carries it: whole when they may see it (canSeeEvent), else
 * what of it they need, else nothing. A transfer filed by a colleague is not an agent's to follow,
 * but it turned the type's rotation, which the agent's transfer form previews (who will be
 * mentioned): the agent gets `transfer.rotation-moved` with the inquiry type alone — derived
 * here, at delivery, so no second row is stored for every filing.
 */
export function eventAsSeenBy(user: PublicUser, event: LiveEvent): LiveEvent | null {
  if (canSeeEvent(user, event)) return event;
  if (event.type === 'transfer.filed' && can(user.role, 'transfer:file')) return rotationMovedOf(event);
  return null;
}
