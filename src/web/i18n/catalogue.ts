import type { Locale } from '../../contract/users/localeSchema.ts';
import type { AreaMessages, Message } from './defineMessages.ts';
import type { a11yMessages } from './messages/a11y.ts';
import type { accessLogMessages } from './messages/accessLog.ts';
import type { adminMessages } from './messages/admin.ts';
import type { commonMessages } from './messages/common.ts';
import type { consoleMessages } from './messages/console.ts';
import type { ctiMessages } from './messages/cti.ts';
import type { dashboardMessages } from './messages/dashboard.ts';
import type { dataSubjectMessages } from './messages/dataSubject.ts';
import type { firstRunMessages } from './messages/firstRun.ts';
import type { funnelMessages } from './messages/funnel.ts';
import type { hoursMessages } from './messages/hours.ts';
import type { kakaoMessages } from './messages/kakao.ts';
import type { leadDuplicatesMessages } from './messages/leadDuplicates.ts';
import type { leadsMessages } from './messages/leads.ts';
import type { loginMessages } from './messages/login.ts';
import type { missedCallsMessages } from './messages/missedCalls.ts';
import type { myTransfersMessages } from './messages/myTransfers.ts';
import type { privacyMessages } from './messages/privacy.ts';
import type { transfersMessages } from './messages/transfers.ts';

// Every area, for the key type only (type imports load nothing): one line per area, in alphabetical
// order (fewer merge conflicts when areas are added in parallel). A key of an area missing here
// does not compile.
type Areas =
  | typeof a11yMessages
  | typeof accessLogMessages
  | typeof adminMessages
  | typeof commonMessages
  | typeof consoleMessages
  | typeof ctiMessages
  | typeof dashboardMessages
  | typeof dataSubjectMessages
  | typeof firstRunMessages
  | typeof funnelMessages
  | typeof hoursMessages
  | typeof kakaoMessages
  | typeof leadDuplicatesMessages
  | typeof leadsMessages
  | typeof loginMessages
  | typeof missedCallsMessages
  | typeof myTransfersMessages
  | typeof privacyMessages
  | typeof transfersMessages;

type KeysOf<T> = T extends AreaMessages<infer K> ? K : never;

/** Every message key of the web app (`area.name`). */
export type MessageKey = KeysOf<Areas>;

const korean = new Map<string, Message>();
const english = new Map<string, Message>();

/** The messages of the areas added so far: per language, by key. */
export const catalogue: Readonly<Record<Locale, ReadonlyMap<string, Message>>> = {
  ko: korean,
  en: english,
};

const addedAreas = new Set<string>();

/**
 * Makes areas' messages available to `t()`. An area's catalogue travels with the screen that shows
 * it: the entry adds the shell's areas, and each screen module (or chunk loaded later, such as the
 * console's call views) adds its own at the top of the module, so they are there before its first
 * render and never downloaded by screens that do not show them. messageAreas.test.ts checks that
 * every chunk adds the areas its code uses. Adding an area twice changes nothing.
 */
export function addMessages(...areas: readonly AreaMessages<string>[]): void {
  for (const area of areas) {
    if (addedAreas.has(area.area)) continue;
    addedAreas.add(area.area);
    for (const [key, message] of Object.entries(area.ko)) korean.set(key, message);
    for (const [key, message] of Object.entries(area.en)) english.set(key, message);
  }
}
