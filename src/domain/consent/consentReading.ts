import type { ConsentNotice } from '../guide/guideSchema.ts';
import { consentNoticeFor } from './consentNoticeFor.ts';

/**
 * The consent notice as it is read for one collection: its text (narrowed to the items collected),
 * the items it names, and the id a consent record of it is kept under.
 */
export type ConsentReading = {
  /**
   * The notice's own id when it is read for all its items; with the items when narrowed
   * (`business-consultation-consent[연락처]`), since it is then another text: one consultation may
   * hold a decision on each reading (a callback number agreed, then the sign-up details).
   */
  noticeId: string;
  noticeVersion: string;
  items: string[];
  text: string;
};

/**
 * The guide's consent notice read for `items` (all of them when absent): the text the customer
 * or caller is given (consentNoticeFor) and what a record of the decision keeps. Items the
 * notice does not name are ignored; none left reads the notice as written.
 */
export function consentReading(notice: ConsentNotice, items?: readonly string[]): ConsentReading {
  const named = items ? notice.items.filter((item) => items.includes(item)) : [];
  const narrowed = named.length > 0 && named.length < notice.items.length;
  return {
    noticeId: narrowed ? `${notice.id}[${named.join('/')}]` : notice.id,
    noticeVersion: notice.version,
    items: narrowed ? named : [...notice.items],
    text: consentNoticeFor(notice, narrowed ? named : notice.items),
  };
}
