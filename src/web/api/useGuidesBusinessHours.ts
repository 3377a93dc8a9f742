import { useQueries } from '@tanstack/react-query';
import type { BusinessHours } from '../../contract/business-hours/businessHoursSchema.ts';
import { businessHoursQuery } from './useBusinessHours.ts';

/** Business hours of several guides' support lines, each polled, with a way to refresh one. */
export type GuidesBusinessHours = {
  /** The last answer for a guide, or undefined while it has none (unknown hours). */
  of: (guideId: string) => BusinessHours | undefined;
  /** Asks again for a guide's hours now (a decision is a keystroke away). */
  refetch: (guideId: string) => void;
};

/**
 * The hours of every guide the console may run a call on, kept live side by side: each guide has
 * its own support line and hours, so the business-hours step of a call on any of them is decided
 * on an answer already at hand, not one still loading when the type is picked. Read it during
 * render: the lookups answer for this render's data.
 */
export function useGuidesBusinessHours(guideIds: readonly string[]): GuidesBusinessHours {
  const results = useQueries({ queries: guideIds.map((id) => businessHoursQuery(id)) });
  const byId = new Map(guideIds.map((id, i) => [id, results[i]]));
  return {
    of: (guideId) => byId.get(guideId)?.data,
    refetch: (guideId) => {
      void byId.get(guideId)?.refetch();
    },
  };
}
