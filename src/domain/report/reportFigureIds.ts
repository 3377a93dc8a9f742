/**
 * Every figure the reports publish, by stable id. Clients key tiles, charts, drill-downs and their own
 * labels on these ids; new figures are added at the end, none is renamed or removed.
 */
export const reportFigureIds = [
  'consultations.started',
  'consultations.completed',
  'consultations.abandoned',
  'consultations.open',
  'handleTime.median',
  'handleTime.p90',
  'transfer.rate',
  'transfer.filed',
  'transfer.slaMet',
  'transfer.slaBreaches',
  'transfer.backlog',
  'callbacks.due',
  'callbacks.overdue',
  'callbacks.attempts',
  'leads.filed',
  'leads.won',
  'repeatContact.rate',
  'repeatContact.count',
  'bot.resolved',
  'bot.handedOff',
  'bot.resolutionRate',
  'missedCallbacks.due',
  'missedCallbacks.overdue',
] as const;

/** One figure id. */
export type ReportFigureId = (typeof reportFigureIds)[number];

/** What a figure's value measures: a number of records, seconds, or a share between 0 and 1. */
export const reportFigureUnits = ['count', 'seconds', 'ratio'] as const;

/** One unit. */
export type ReportFigureUnit = (typeof reportFigureUnits)[number];

/** How a report's series are bucketed, in Asia/Seoul: calendar days, ISO weeks (Monday first), hours. */
export const reportGroupBys = ['day', 'week', 'hour'] as const;

/** One bucketing. */
export type ReportGroupBy = (typeof reportGroupBys)[number];

/**
 * Age buckets of the open-transfer backlog, in business time since filing (a business day is the
 * calendar's opening hours, 09:00–18:00): a transfer filed Friday 17:50 is 10 business minutes old on
 * Monday 09:00.
 */
export const backlogAgeBuckets = ['under-4h', '4h-1d', '1d-3d', 'over-3d'] as const;

/** One backlog age bucket. */
export type BacklogAgeBucket = (typeof backlogAgeBuckets)[number];
