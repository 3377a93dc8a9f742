import type { CallerIdentity } from '../../../contract/cti/callerIdentitySchema.ts';
import type { CallerDescription, DescribedContact } from '../../../domain/cti/describeCaller.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';

// The contact roles as the directory's own answers word them (/companies), so both agree.
const roleLabels = {
  manager: msg('companies.roleManager'),
  operator: msg('companies.roleOperator'),
} as const;

function labelOf(description: CallerDescription, shown: DescribedContact | null) {
  if (description.standing === 'registered' && shown) {
    const params = { name: shown.name, company: shown.companyName };
    return shown.role === 'manager'
      ? msg('cti.caller.registeredManager', params)
      : msg('cti.caller.registeredOperator', params);
  }
  if (description.standing === 'ended-account' && shown)
    return msg('cti.caller.endedAccount', { company: shown.companyName });
  return msg('cti.caller.unregistered');
}

/**
 * Who a caller is by the directory, in the reader's language: the one-line label the pop shows
 * ("등록된 관리책임자 · 김*수 · (주)누리테크" / "Registered account manager · 김*수 · (주)누리테크",
 * "미등록 번호" / "Unregistered number") and each matching contact's role. Names stay masked as
 * describeCaller gave them; company names are shown as registered.
 */
export function wordCallerIdentity(description: CallerDescription, locale: Locale): CallerIdentity {
  return {
    registered: description.registered,
    label: translate(locale, labelOf(description, description.shown)),
    contacts: description.contacts.map((contact) => ({
      role: contact.role,
      roleLabel: translate(locale, roleLabels[contact.role]),
      name: contact.name,
      companyName: contact.companyName,
      bizNo: contact.bizNo,
    })),
  };
}
