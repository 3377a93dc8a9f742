import type { Locale } from '../../contract/users/localeSchema.ts';
import type { AreaMessages, Message } from './defineMessages.ts';
import { a11yMessages } from './messages/a11y.ts';
import { commonMessages } from './messages/common.ts';
import { consoleMessages } from './messages/console.ts';
import { ctiMessages } from './messages/cti.ts';
import { dashboardMessages } from './messages/dashboard.ts';
import { kakaoMessages } from './messages/kakao.ts';
import { leadDuplicatesMessages } from './messages/leadDuplicates.ts';
import { leadsMessages } from './messages/leads.ts';
import { loginMessages } from './messages/login.ts';
import { myTransfersMessages } from './messages/myTransfers.ts';
import { privacyMessages } from './messages/privacy.ts';
import { transfersMessages } from './messages/transfers.ts';

// One line per area, in alphabetical order (fewer merge conflicts when areas are added in parallel).
const areas = [
  a11yMessages,
  commonMessages,
  consoleMessages,
  ctiMessages,
  dashboardMessages,
  kakaoMessages,
  leadDuplicatesMessages,
  leadsMessages,
  loginMessages,
  myTransfersMessages,
  privacyMessages,
  transfersMessages,
] as const;

type KeysOf<T> = T extends AreaMessages<infer K> ? K : never;

/** Every message key of the web app (`area.name`). */
export type MessageKey = KeysOf<(typeof areas)[number]>;

/** The merged catalogue: per language, every area's messages by key. */
export const catalogue: Readonly<Record<Locale, ReadonlyMap<string, Message>>> = {
  ko: new Map(areas.flatMap((area) => Object.entries<Message>(area.ko))),
  en: new Map(areas.flatMap((area) => Object.entries<Message>(area.en))),
};

/** The areas' names, for the check that no two areas share one (their keys would collide). */
export const catalogueAreas: readonly string[] = areas.map((area) => area.area);
