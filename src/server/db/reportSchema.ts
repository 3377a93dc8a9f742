import {
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Report rollups: per Seoul day (of the consultation's start), derived from `consultations` and
 * `transfers` only by database triggers in the same transaction as the write that changes them (see
 * migration 0020_report_rollups.sql), so they are never behind the rows and no service code keeps
 * them. They hold no personal data (no caller, no text); `npx ieum reports rebuild` recomputes them
 * from the base tables. The summary reads them instead of scanning a year of consultations.
 */

/** Consultations per day and per value of every report filter, by status and whether a transfer was filed. */
export const reportConsultationDays = pgTable(
  'report_consultation_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    guideId: text('guide_id').notNull(),
    inquiryType: integer('inquiry_type'),
    channel: text('channel').notNull(),
    agentId: uuid('agent_id').notNull(),
    outcome: text('outcome'),
    status: text('status').notNull(),
    /** Completed consultations that filed a transfer or lead are counted apart (transfer.rate). */
    transferred: boolean('transferred').notNull(),
    consultations: integer('consultations').notNull(),
    /** The agent is the chatbot's account (consultations.by_bot, a function of agent_id): not agents' work. */
    byBot: boolean('by_bot').notNull().default(false),
  },
  (t) => [
    unique('report_consultation_days_key')
      .on(t.day, t.guideId, t.inquiryType, t.channel, t.agentId, t.outcome, t.status, t.transferred)
      .nullsNotDistinct(),
  ],
);

/**
 * Completed consultations per day by handle-time bin (seconds from start to completion, bins of 1 s
 * under a minute, 10 s under 10 minutes, 60 s under an hour, 10 minutes under 10 hours, then hours).
 * The median and p90 find their rank's bin here and read only that bin's exact values from
 * `consultations` (index `consultations_handle_by_day_idx`), so they stay percentile_cont's.
 */
export const reportHandleTimeDays = pgTable(
  'report_handle_time_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    binFloor: doublePrecision('bin_floor').notNull(),
    binWidth: doublePrecision('bin_width').notNull(),
    completed: integer('completed').notNull(),
  },
  (t) => [unique('report_handle_time_days_key').on(t.day, t.binFloor)],
);

/**
 * Completed consultations with a caller (blind index) and an inquiry type — those the repeat-contact
 * rate counts — per start day, completion day and calendar days from completion to the caller's
 * next contact of the same guide and type (`consultations.next_contact_at`): 0 when it came on or
 * before the completion day, null when none came or more than 120 days later. A repeat window ends
 * at a Seoul midnight, so "within N business days" is `gap_days <= (window's last day − completion
 * day)`, whatever the calendar or N is when the report runs.
 */
export const reportRepeatDays = pgTable(
  'report_repeat_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    gapDays: integer('gap_days'),
    completed: integer('completed').notNull(),
  },
  (t) => [unique('report_repeat_days_key').on(t.day, t.completedOn, t.gapDays).nullsNotDistinct()],
);

/**
 * Completed consultations per day and script path (guide, script, inquiry type, outcome and the
 * path's answers; `path_key` is their hash, ieum_path_key of migration 0023): the per-path handle
 * time's counts, so the summary ranks paths without grouping a year of consultations by a jsonb
 * column. `timed` counts those with a completion time (the values the quantiles are over); the
 * median and p90 are read in order through `consultations_path_handle_idx`.
 */
export const reportPathDays = pgTable(
  'report_path_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    pathKey: text('path_key').notNull(),
    guideId: text('guide_id').notNull(),
    scriptId: text('script_id'),
    inquiryType: integer('inquiry_type'),
    outcome: text('outcome'),
    path: jsonb('path').notNull(),
    completed: integer('completed').notNull(),
    timed: integer('timed').notNull(),
  },
  (t) => [unique('report_path_days_key').on(t.day, t.pathKey)],
);

/**
 * Transfers, leads and callbacks per Seoul day (every filter unset): `measure` 'transfer' (by
 * filing day; detail 'met', 'late' or 'open:<due date>' — an open one is breached once its due time
 * passes, which the summary decides at `now`), 'lead' (by filing day; detail its status),
 * 'callback.due' (by due day; detail 'lead' for a pending lead's next callback, 'attempt' for an
 * attempt's due time) and 'callback.attempt' (by attempt day; detail its outcome). Kept by row
 * triggers on transfers, leads and lead_callbacks (migration 0024).
 */
export const reportActivityDays = pgTable(
  'report_activity_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    measure: text('measure').notNull(),
    detail: text('detail').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [unique('report_activity_days_key').on(t.day, t.measure, t.detail)],
);
