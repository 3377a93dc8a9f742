import type { QueryClient } from '@tanstack/react-query';
import { navigate } from '../../lib/useLocation.ts';

/**
 * Where an admin lands after signing in without a page to return to: the first-run checklist while
 * steps remain (neither done nor skipped), else the console. A checklist that cannot be read does
 * not keep anyone out: they go to the console. The checklist's module loads only for admins.
 */
export async function landAdminAfterSignIn(queryClient: QueryClient): Promise<void> {
  const { firstRunApi, firstRunKey } = await import('./firstRunApi.ts');
  const checklist = await queryClient
    .fetchQuery({ queryKey: firstRunKey, queryFn: ({ signal }) => firstRunApi.checklist(signal) })
    .catch(() => null);
  navigate(checklist && !checklist.complete ? '/first-run' : '/', { replace: true });
}
