import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { ListLeadsQuery } from '../../../contract/leads/listLeadsQuerySchema.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { toCsv } from '../../../domain/privacy/toCsv.ts';
import type { AppContext } from '../../appContext.ts';
import { can } from '../../policies.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { listLeads } from './listLeads.ts';
import { revealLeadContacts } from './revealLeadContacts.ts';

const seoul = (iso: string | null) => (iso === null ? '' : formatSeoulIso(new Date(iso)));

/** Most rows one export carries; narrow the filters for more. */
const EXPORT_MAX = 10_000;

/**
 * Leads as CSV with the list's filters (Seoul times, UTF-8 with BOM for Excel). Contact fields are
 * masked unless the role may see personal data in clear (personal-data:reveal); every export is
 * written to the access log with its filters, whether it was masked and, when given, its reason.
 */
export async function exportLeadsCsv(
  ctx: AppContext,
  user: PublicUser,
  query: ListLeadsQuery,
  /** Where the request came from, and why the file is downloaded when the caller said (POST). */
  origin: { ip: string | null; reason?: string },
): Promise<string> {
  const page = await listLeads(ctx, user, { ...query, limit: EXPORT_MAX, offset: 0 });
  const clear = can(user.role, 'personal-data:reveal');
  await auditRepository.append(ctx.database.db, ctx.fieldKeys, {
    at: ctx.now(),
    actorId: user.id,
    action: clear ? 'personal-data.export' : 'lead.export',
    subject: 'leads',
    ip: origin.ip,
    ...(origin.reason !== undefined ? { reason: origin.reason } : {}),
    detail: {
      rows: page.items.length,
      masked: !clear,
      leadIds: page.items.map((lead) => lead.id),
      filters: {
        status: query.status ?? null,
        callback: query.callback ?? null,
        assignee: query.assignee ?? null,
        from: query.from ?? null,
        to: query.to ?? null,
      },
    },
  });
  const contacts = clear
    ? await revealLeadContacts(
        ctx,
        page.items.map((lead) => lead.id),
      )
    : new Map();
  const rows = page.items.map((lead: Lead) => {
    const contact = contacts.get(lead.id) ?? lead;
    return [
      lead.number,
      seoul(lead.createdAt),
      lead.statusLabel,
      lead.companyName,
      contact.contactName,
      contact.phone,
      contact.email,
      lead.businessNumber ?? '',
      lead.assignee?.name ?? '',
      lead.brochure.status,
      seoul(lead.brochure.sentAt),
      seoul(lead.callback.dueAt),
      seoul(lead.firstCalledAt),
      lead.lastOutcomeLabel ?? '',
      seoul(lead.closedAt),
    ];
  });
  return toCsv(
    [
      'number',
      'created_at',
      'status',
      'company_name',
      'contact_name',
      'phone',
      'email',
      'business_number',
      'assignee',
      'brochure_status',
      'brochure_sent_at',
      'callback_due_at',
      'first_called_at',
      'last_outcome',
      'closed_at',
    ],
    rows,
  );
}
