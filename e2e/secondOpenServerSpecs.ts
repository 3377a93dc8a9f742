/**
 * The @open specs that run against the second open-hours server (project `open-b`, port
 * IEUM_E2E_PORT_BASE + 3) instead of the first (`open`). The two servers are alike (same clock,
 * same accounts); splitting the @open specs between them lets the two halves run at the same time
 * on CI's two CPUs while each server still sees one spec at a time, as every spec assumes.
 *
 * Chosen so both halves take about as long (measured 2026-12-07: ~480 s each of a 955 s serial
 * run; accessibility.spec.ts alone is ~270 s and stays on the first). A new @open spec runs on the
 * first server unless it is listed here.
 */
export const secondOpenServerSpecs = [
  'accessibleNames.spec.ts',
  'actionCount.spec.ts',
  'admin.spec.ts',
  'adminCalendarChecks.spec.ts',
  'callAbandon.spec.ts',
  'callResume.spec.ts',
  'console.spec.ts',
  'ctiPop.spec.ts',
  'dashboardBotLine.spec.ts',
  'directoryImport.spec.ts',
  'disabledAssignee.spec.ts',
  'headerFit.spec.ts',
  'homeAddress.spec.ts',
  'kakaoHandoff.spec.ts',
  'keyQueue.spec.ts',
  'leadIntakeName.spec.ts',
  'leads.spec.ts',
  'missedCallKeys.spec.ts',
  'queueKeys.spec.ts',
  'scriptPaths.spec.ts',
  'search.spec.ts',
] as const;
