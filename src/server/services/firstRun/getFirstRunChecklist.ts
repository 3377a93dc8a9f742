import type { FirstRunChecklist, FirstRunStep } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import type { FirstRunStepId } from '../../../contract/firstRun/firstRunStepIdSchema.ts';
import { seoulDateKey, toSeoulDay } from '../../../domain/calendar/toSeoulDay.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import type { Locale } from '../../i18n/locale.ts';
import { type FirstRunStepRow, firstRunRepository } from '../../repositories/firstRunRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { wordEmailError } from '../email/wordEmailError.ts';
import { loadBrochure } from '../leads/loadBrochure.ts';
import { readTransferSettings } from '../transfers/getTransferSettings.ts';

/** The SMTP server of SMTP_URL as it may be shown: scheme, host and port, never the credentials. */
function describeSmtpServer(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * The first-run checklist, each step's state derived from the data: at least one active
 * business-team account; an active member on duty for every inquiry type of every loaded guide
 * (else its transfers are filed 미배정); SMTP_URL set and the last test mail delivered; a brochure
 * uploaded (the shipped one is a sample); the closures reviewed by an admin. A step that is not
 * done may be skipped, and is then left out of what remains.
 */
export async function readFirstRunChecklist(
  db: Database,
  ctx: AppContext,
  locale: Locale = 'ko',
): Promise<FirstRunChecklist> {
  // One query after another: `db` may be a transaction with a single connection.
  const decisions = new Map<string, FirstRunStepRow>(
    (await firstRunRepository.listSteps(db)).map((row) => [row.step, row]),
  );
  const people = await userRepository.list(db);
  const settings = await readTransferSettings(db, ctx);
  const brochure = await loadBrochure(ctx, db);
  const today = seoulDateKey(toSeoulDay(ctx.now().getTime()).day);
  const upcomingClosures = await firstRunRepository.countClosuresFrom(db, today);
  const smtpDecision = decisions.get('smtp');
  const testMail = smtpDecision?.testMailId
    ? await firstRunRepository.findMailDelivery(db, smtpDecision.testMailId)
    : undefined;

  const base = (id: FirstRunStepId, done: boolean) => {
    const skippedAt = decisions.get(id)?.skippedAt ?? null;
    return {
      state: done ? ('done' as const) : skippedAt ? ('skipped' as const) : ('to-do' as const),
      skippedAt: !done && skippedAt ? skippedAt.toISOString() : null,
    };
  };

  const activeAccounts = people.filter(
    (person) => person.role === 'backoffice' && person.disabledAt === null,
  ).length;
  const unassigned = settings.types.filter((type) => !type.assignees.some((member) => member.onDuty));
  const configured = Boolean(ctx.env.SMTP_URL);
  const closuresReviewedAt = decisions.get('closures')?.reviewedAt ?? null;

  const steps: FirstRunStep[] = [
    { id: 'business-team', ...base('business-team', activeAccounts > 0), activeAccounts },
    {
      id: 'transfer-assignees',
      ...base('transfer-assignees', settings.types.length > 0 && unassigned.length === 0),
      typesTotal: settings.types.length,
      typesAssigned: settings.types.length - unassigned.length,
      unassigned: unassigned.map((type) => ({
        guideId: type.guideId,
        guideLabel: type.guideLabel,
        inquiryType: type.inquiryType,
        label: type.label,
      })),
    },
    {
      id: 'smtp',
      ...base('smtp', configured && testMail?.status === 'sent'),
      configured,
      server: describeSmtpServer(ctx.env.SMTP_URL),
      lastTestMail: testMail
        ? {
            status: testMail.status,
            to: smtpDecision?.testMailTo ?? '',
            queuedAt: testMail.createdAt.toISOString(),
            sentAt: testMail.sentAt?.toISOString() ?? null,
            lastError: wordEmailError(testMail.lastError, locale),
          }
        : null,
    },
    {
      id: 'brochure',
      ...base('brochure', brochure.source === 'uploaded'),
      source: brochure.source,
      fileName: brochure.fileName,
      uploadedAt: brochure.uploadedAt,
    },
    {
      id: 'closures',
      ...base('closures', closuresReviewedAt !== null),
      upcoming: upcomingClosures,
      reviewedAt: closuresReviewedAt?.toISOString() ?? null,
    },
  ];
  const remaining = steps.filter((step) => step.state === 'to-do').length;
  return { steps, remaining, complete: remaining === 0 };
}

/** GET /first-run: the checklist as it stands, the server's own texts in `locale`. */
export function getFirstRunChecklist(ctx: AppContext, locale: Locale = 'ko'): Promise<FirstRunChecklist> {
  return readFirstRunChecklist(ctx.database.db, ctx, locale);
}
