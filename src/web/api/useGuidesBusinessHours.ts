import { useQueries, useQuery } from '@tanstack/react-query';
import type { BusinessHours } from '../../contract/business-hours/businessHoursSchema.ts';
import { businessHoursQuery } from './useBusinessHours.ts';

/** Business hours of several guides' support lines, each polled, with a way to refresh one. */
export type GuidesBusinessHours = {
  /** The last answer for a guide (no id: the default guide), or undefined while it has none. */
  of: (guideId?: string) => BusinessHours | undefined;
  /** Asks again for a guide's hours now (a decision is a keystroke away). */
  refetch: (guideId?: string) => void;
};

/**
 * The hours of every guide the console may run a call on, kept live side by side: each guide has
 * its own support line and hours, so the business-hours step of a call on any of them is decided
 * on an answer already at hand, not one still loading when the type is picked. The default
 * guide's is the header badge's query, asked at once, before the guide list has even arrived:
 * an agent who types Enter, 1, Y right after signing in is routed on known hours. Read it during
 * render: the lookups answer for this render's data.
 */
export function useGuidesBusinessHours(
  guideIds: readonly string[],
  defaultGuideId: string | undefined,
): GuidesBusinessHours {
  const byDefault = useQuery(businessHoursQuery());
  const others = guideIds.filter((id) => id !== defaultGuideId);
  const results = useQueries({ queries: others.map((id) => businessHoursQuery(id)) });
  const byId = new Map(others.map((id, i) => [id, results[i]]));
  const queryOf = (guideId?: string) =>
    guideId === undefined || guideId === defaultGuideId ? byDefault : byId.get(guideId);
  return {
    of: (guideId) => queryOf(guideId)?.data,
    refetch: (guideId) => {
      void queryOf(guideId)?.refetch();
    },
  };
}
