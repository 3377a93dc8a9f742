import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { addRetentionYears } from '../../../domain/privacy/addRetentionYears.ts';
import type { Env } from '../../env.ts';

/**
 * When a consultation's personal data is to be erased. The clock starts at completion (or at the
 * start, IEUM_RETENTION_START=start; an open consultation always counts from its start). The
 * period is the consent notice's when consent was given on the path (the caller was told it),
 * otherwise IEUM_RETENTION_DEFAULT_YEARS.
 */
export function consultationRetentionEnd(
  env: Pick<Env, 'IEUM_RETENTION_START' | 'IEUM_RETENTION_DEFAULT_YEARS'>,
  facts: { startedAt: Date; completedAt: Date | null; guide?: Guide | undefined; consentAgreed?: boolean },
): Date {
  const start =
    env.IEUM_RETENTION_START === 'completion' && facts.completedAt ? facts.completedAt : facts.startedAt;
  const years =
    facts.consentAgreed && facts.guide
      ? facts.guide.consentNotice.retention.years
      : env.IEUM_RETENTION_DEFAULT_YEARS;
  return addRetentionYears(start, years);
}
