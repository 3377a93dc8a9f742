import { can } from '../policies.ts';
import type { PublicUser } from '../services/auth/publicUser.ts';
import type { LiveEvent } from './publishEvent.ts';

/**
 * Whether a user's live stream carries an event. Each area adds its rule here; unknown event
 * types are shown to no one, so a new event never leaks by default.
 */
export function canSeeEvent(user: PublicUser, event: LiveEvent): boolean {
  switch (event.type) {
    case 'closure.changed':
      return true;
    // Transfers: the business team, supervisors and admins see every one; an agent sees the
    // transfers they filed (to follow them live). Event data carries ids only, no personal data.
    case 'transfer.filed':
    case 'transfer.updated':
    case 'transfer.commented':
      return can(user.role, 'transfer:read-all') || event.data.filedById === user.id;
    // Sign-up leads: whoever reads all leads, the agent who filed one, and the assignee of its
    // transfer (the callback reminder is for them). Ids only, no personal data.
    case 'lead.filed':
    case 'lead.updated':
    case 'lead.callback-due':
      return (
        can(user.role, 'lead:read-all') ||
        event.data.filedById === user.id ||
        event.data.assigneeId === user.id
      );
    // A consultation's draft or its abandonment: only its own agent (their other tabs follow the
    // call). Ids only.
    case 'consultation.draft-saved':
      return event.data.agentId === user.id;
    // A consultation started, saved or abandoned: its own agent, and whoever reads the live floor
    // (agents on a call now). Ids and the channel only.
    case 'consultation.started':
    case 'consultation.completed':
    case 'consultation.abandoned':
      return event.data.agentId === user.id || can(user.role, 'floor:read');
    // A call answered at an agent's extension, and its hangup: for that agent only (ids only).
    case 'call.answered':
    case 'call.ended':
      return event.data.agentId === user.id;
    // A missed call's callback entered or left the business queue — called back, or closed with
    // its erased number — or someone started calling back (ids only).
    case 'call.missed':
    case 'call.callback-taken':
    case 'call.callback-done':
    case 'call.callback-erased':
      return can(user.role, 'missed-call:read');
    // A KakaoTalk chat handed to agents, or picked up: whoever picks chats up. Ids only.
    case 'kakao.handoff':
      // Agents to pick it up; supervisors see it wait on the live floor.
      return can(user.role, 'kakao:pick-up') || can(user.role, 'floor:read');
    // …and its claim, which also puts an agent on a call (the live floor).
    case 'kakao.handoff-claimed':
      return can(user.role, 'kakao:pick-up') || can(user.role, 'floor:read');
    case 'user.access-changed':
      // Ids only: the floor's readers refresh; the admin screen lists accounts.
      return can(user.role, 'floor:read') || can(user.role, 'user:manage');
    // An inquiry type's next assignee or SLA may have changed (an admin's settings, an assignee's
    // account disabled or enabled; a filing's is derived from transfer.filed in eventAsSeenBy):
    // whoever files transfers or reads the settings. The type only — agents are not told who left.
    case 'transfer.rotation-moved':
      return can(user.role, 'transfer:file') || can(user.role, 'transfer-settings:read');
    default:
      return false;
  }
}
