import type { Role } from '../contract/users/roleSchema.ts';

/**
 * Every permission in one place (ARCHITECTURE.md, convention 9). Routes check one of these
 * before they read any data.
 */
const grants = {
  'guide:read': ['agent', 'backoffice', 'supervisor', 'admin'],
  'business-hours:read': ['agent', 'backoffice', 'supervisor', 'admin'],
  'consultation:create': ['agent', 'admin'],
  'consultation:read-own': ['agent', 'backoffice', 'supervisor', 'admin'],
  // Backoffice (the business team) works the transfers filed from any agent's consultations, so it
  // reads all of them — masked, like everyone.
  'consultation:read-all': ['backoffice', 'supervisor', 'admin'],
  'closure:read': ['agent', 'backoffice', 'supervisor', 'admin'],
  'closure:manage': ['admin'],
  'user:read': ['supervisor', 'admin'],
  'user:manage': ['admin'],
  'token:create-own': ['agent', 'backoffice', 'supervisor', 'admin'],
  // Every account's API tokens: list them and revoke any (a leaked or forgotten integration).
  'token:manage-all': ['admin'],
  'consent:decide': ['agent', 'backoffice', 'supervisor', 'admin'],
  // Clear personal data (logged with a reason): the business team calls and emails customers back;
  // admins answer data-subject requests. Supervisors work with volumes and outcomes and agents
  // with the caller on the line, so neither needs stored values in clear (least privilege).
  'personal-data:reveal': ['backoffice', 'admin'],
  'access-log:read': ['admin'],
  'data-subject:manage': ['admin'],
  'retention:manage': ['admin'],
  // Transfers (이관): agents file and follow their own; the business team works all; supervisors read all.
  'transfer:file': ['agent', 'backoffice', 'admin'],
  'transfer:read-own': ['agent', 'backoffice', 'supervisor', 'admin'],
  'transfer:read-all': ['backoffice', 'supervisor', 'admin'],
  // Supervisors too: they can be mentioned, and answer in the thread (QA-10 M2).
  'transfer:comment': ['agent', 'backoffice', 'supervisor', 'admin'],
  'transfer:work': ['backoffice', 'admin'],
  'transfer-settings:read': ['backoffice', 'supervisor', 'admin'],
  'transfer-settings:manage': ['admin'],
  'webhook:manage': ['admin'],
  // Sign-up leads (Q4): agents file them from their consultations and see the ones they filed; the
  // business team works them (callbacks); supervisors read them, the funnel and the export.
  'lead:file': ['agent', 'backoffice', 'admin'],
  'lead:read-own': ['agent', 'backoffice', 'supervisor', 'admin'],
  'lead:read-all': ['backoffice', 'supervisor', 'admin'],
  'lead:work': ['backoffice', 'admin'],
  'lead:report': ['backoffice', 'supervisor', 'admin'],
  'brochure:read': ['backoffice', 'supervisor', 'admin'],
  // Reports (issue 13): figures, drill-down (masked) and the consultation CSV are the supervisors'.
  'report:read': ['supervisor', 'admin'],
  'brochure:manage': ['admin'],
  // Telephony (CTI): admins issue and revoke the PBX integrations' tokens; missed calls become
  // callbacks the business team works, supervisors follow (a screen pop is its own agent's only).
  'cti:manage': ['admin'],
  'missed-call:read': ['backoffice', 'supervisor', 'admin'],
  'missed-call:work': ['backoffice', 'admin'],
  // KakaoTalk chatbot: agents pick handed-off chats up; supervisors and admins read the bot's
  // conversations (masked) and counts; admins rotate the skill token.
  'kakao:pick-up': ['agent', 'admin'],
  'kakao:read': ['supervisor', 'admin'],
  'kakao:manage': ['admin'],
  // The business directory (registered contacts of business accounts): everyone looks companies up,
  // contacts masked (agents identify a caller; clear values need 'personal-data:reveal'); the
  // business team, who runs the accounts, and admins register, edit and import them.
  'directory:read': ['agent', 'backoffice', 'supervisor', 'admin'],
  'directory:manage': ['backoffice', 'admin'],
  // The live floor (agents on a call, waiting transfers, SLA breaches today): supervisors run the floor.
  'floor:read': ['supervisor', 'admin'],
  // The first-run checklist (처음 설정 점검): admins see what is left to set up, skip steps, send the SMTP test.
  'first-run:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** A named permission. */
export type Permission = keyof typeof grants;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}
