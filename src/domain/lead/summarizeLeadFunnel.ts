import { businessMinutesBetween } from '../calendar/businessMinutesBetween.ts';
import type { CalendarFacts } from '../calendar/CalendarFacts.ts';
import { seoulDateKey, seoulWeekday, toSeoulDay } from '../calendar/toSeoulDay.ts';
import type { LeadStatus } from './leadStatuses.ts';

/** What the funnel needs of one lead. */
export type FunnelLead = {
  status: LeadStatus;
  createdAt: Date;
  brochureSentAt: Date | null;
  firstCalledAt: Date | null;
};

/** One week (Monday to Sunday, Seoul) of leads filed. */
export type FunnelWeek = {
  /** The Monday the week starts, 'YYYY-MM-DD'. */
  weekStart: string;
  filed: number;
  brochureSent: number;
  called: number;
  byStatus: Record<LeadStatus, number>;
};

/** A median over the leads that reached a step, in wall-clock and in business minutes. */
export type FunnelMedian = { count: number; minutes: number | null; businessMinutes: number | null };

/** The supervisor's funnel: leads by status and by week, and how long the steps took. */
export type LeadFunnel = {
  total: number;
  byStatus: Record<LeadStatus, number>;
  weeks: FunnelWeek[];
  intakeToBrochure: FunnelMedian;
  intakeToFirstCall: FunnelMedian;
};

const emptyCounts = (): Record<LeadStatus, number> => ({
  new: 0,
  'brochure-sent': 0,
  called: 0,
  won: 0,
  lost: 0,
});

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

function weekStartOf(at: Date): string {
  const { day } = toSeoulDay(at.getTime());
  // Korean offices count weeks from Monday.
  return seoulDateKey(day - ((seoulWeekday(day) + 6) % 7));
}

function medianBetween(
  leads: FunnelLead[],
  pick: (lead: FunnelLead) => Date | null,
  facts: CalendarFacts,
): FunnelMedian {
  const pairs = leads.flatMap((lead) => {
    const at = pick(lead);
    return at === null ? [] : [{ from: lead.createdAt, to: at }];
  });
  return {
    count: pairs.length,
    minutes: median(pairs.map(({ from, to }) => (to.getTime() - from.getTime()) / 60_000)),
    businessMinutes: median(pairs.map(({ from, to }) => businessMinutesBetween(from, to, facts))),
  };
}

/**
 * Summarises leads for the supervisor: counts by status, a row per week they were filed in (with how
 * many got their brochure and a first call), and the median time from intake to the brochure and to
 * the first callback attempt — in wall-clock minutes (what the customer waited) and in business
 * minutes (what the team controls).
 */
export function summarizeLeadFunnel(leads: readonly FunnelLead[], facts: CalendarFacts): LeadFunnel {
  const byStatus = emptyCounts();
  const weeks = new Map<string, FunnelWeek>();
  for (const lead of leads) {
    byStatus[lead.status] += 1;
    const key = weekStartOf(lead.createdAt);
    const week = weeks.get(key) ?? {
      weekStart: key,
      filed: 0,
      brochureSent: 0,
      called: 0,
      byStatus: emptyCounts(),
    };
    week.filed += 1;
    if (lead.brochureSentAt !== null) week.brochureSent += 1;
    if (lead.firstCalledAt !== null) week.called += 1;
    week.byStatus[lead.status] += 1;
    weeks.set(key, week);
  }
  return {
    total: leads.length,
    byStatus,
    weeks: [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1)),
    intakeToBrochure: medianBetween([...leads], (lead) => lead.brochureSentAt, facts),
    intakeToFirstCall: medianBetween([...leads], (lead) => lead.firstCalledAt, facts),
  };
}
