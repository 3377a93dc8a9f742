/**
 * The live events (`GET /api/v1/events`) after which the live floor (`GET /api/v1/reports/floor`)
 * may read differently: a consultation started, saved, abandoned or taken over from the chatbot, a
 * chat handed to agents, a transfer filed or moved on, a closure that changes business time, an
 * account disabled (no longer counted on a call). Screens refetch on them.
 */
export const liveFloorEventTypes = [
  'consultation.started',
  'consultation.completed',
  'consultation.abandoned',
  'kakao.handoff',
  'kakao.handoff-claimed',
  'transfer.filed',
  'transfer.updated',
  'closure.changed',
  'user.access-changed',
] as const;
