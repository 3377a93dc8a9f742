import type { RevealCompanyContactInput } from '../../../contract/companies/revealCompanyContactSchema.ts';
import type { RevealedCompanyContact } from '../../../contract/companies/revealedCompanyContactSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { parseBizNo } from './parseBizNo.ts';

/**
 * A registered contact's name, phones and e-mails in clear, for a role allowed to see them (the
 * route checked 'personal-data:reveal'). The reveal is written to the access log (account, time,
 * IP, contact, the first phone's blind index, the reason) before anything is returned; if that
 * write fails, nothing is revealed.
 */
export async function revealCompanyContact(
  ctx: AppContext,
  user: PublicUser,
  params: { bizNo: string; id: string },
  input: RevealCompanyContactInput,
  origin: { ip: string | null },
): Promise<RevealedCompanyContact> {
  const db = ctx.database.db;
  const company = await companyRepository.findByBizNo(db, parseBizNo(params.bizNo, '/bizNo'));
  const contact = company && (await companyRepository.findContact(db, ctx.fieldCodec, company.id, params.id));
  if (!contact) throw new AppError('not-found', msg('companies.contactNotFound'));
  await auditRepository.append(db, ctx.fieldKeys, {
    at: ctx.now(),
    actorId: user.id,
    action: 'personal-data.reveal',
    subject: `company-contact:${contact.id}`,
    subjectIndex: contact.contactIndex[0] ?? null,
    ip: origin.ip,
    reason: input.reason,
    detail: { fields: ['name', 'phones', 'emails'], role: user.role, company: company?.bizNo ?? null },
  });
  return { contactId: contact.id, name: contact.name, phones: contact.phones, emails: contact.emails };
}
