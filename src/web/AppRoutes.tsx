import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import type { Session } from '../contract/auth/sessionSchema.ts';
import { csrfTokenStore } from './api/csrfTokenStore.ts';
import { queryKeys } from './api/queryKeys.ts';
import { unauthorizedListener } from './api/unauthorizedListener.ts';
import { useSession } from './api/useSession.ts';
import { addMessages, type MessageKey } from './i18n/catalogue.ts';
import { a11yMessages } from './i18n/messages/a11y.ts';
import { commonMessages } from './i18n/messages/common.ts';
import { hoursMessages } from './i18n/messages/hours.ts';
import { useT } from './i18n/useT.ts';
import { homePathOf } from './lib/homePathOf.ts';
import { navigate, useLocation } from './lib/useLocation.ts';
import { landAdminAfterSignIn } from './scenes/firstRun/landAfterSignIn.ts';

// The shell's words: every screen's (common), the permission page (a11y) and the header's business
// hours. Each screen adds its own areas as it loads (catalogue.ts: addMessages).
addMessages(a11yMessages, commonMessages, hoursMessages);

type Role = Session['user']['role'];

/**
 * Each screen is its own chunk (route-level code splitting): the agent console loads only what it
 * renders, and the queue, funnel, privacy and admin screens (with their tables, drawers and
 * uploads) load when someone opens them. `pick` names the module's export.
 */
function lazyScene<Props extends object, Module>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType<Props>,
) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const loadConsole = () => import('./scenes/ConsoleScene.tsx');
const ConsoleScene = lazyScene(loadConsole, (module) => module.ConsoleScene);
const LoginScene = lazyScene(
  () => import('./scenes/LoginScene.tsx'),
  (module) => module.LoginScene,
);
const SetupScene = lazyScene(
  () => import('./scenes/SetupScene.tsx'),
  (module) => module.SetupScene,
);
const QueueScene = lazyScene(
  () => import('./scenes/queue/QueueScene.tsx'),
  (module) => module.QueueScene,
);
const FunnelScene = lazyScene(
  () => import('./scenes/funnel/FunnelScene.tsx'),
  (module) => module.FunnelScene,
);
const PrivacyScene = lazyScene(
  () => import('./scenes/privacy/PrivacyScene.tsx'),
  (module) => module.PrivacyScene,
);
const ForbiddenScene = lazyScene(
  () => import('./scenes/ForbiddenScene.tsx'),
  (module) => module.ForbiddenScene,
);
// The dashboard brings the charting library (recharts) along: it loads only when opened.
const DashboardScene = lazyScene(
  () => import('./scenes/dashboard/DashboardScene.tsx'),
  (module) => module.DashboardScene,
);
const FirstRunScene = lazyScene(
  () => import('./scenes/firstRun/FirstRunScene.tsx'),
  (module) => module.FirstRunScene,
);
const AdminScene = lazyScene(
  () => import('./scenes/admin/AdminScene.tsx'),
  (module) => module.AdminScene,
);

/**
 * The screens only some roles may open, with where the others find what they need instead. It
 * mirrors src/server/policies.ts for what the screen offers; the server refuses the calls anyway.
 */
const restrictedScreens: Record<string, { name: MessageKey; roles: readonly Role[]; hint: MessageKey }> = {
  '/funnel': {
    name: 'common.nav.funnel',
    roles: ['backoffice', 'supervisor', 'admin'],
    hint: 'a11y.forbidden.hint.funnel',
  },
  '/privacy': {
    name: 'common.nav.privacy',
    roles: ['backoffice', 'supervisor', 'admin'],
    hint: 'a11y.forbidden.hint.privacy',
  },
  '/dashboard': {
    name: 'common.nav.dashboard',
    roles: ['supervisor', 'admin'],
    hint: 'a11y.forbidden.hint.dashboard',
  },
  '/admin': {
    name: 'common.nav.admin',
    roles: ['admin'],
    hint: 'a11y.forbidden.hint.admin',
  },
  // The checklist is the admins' own (its words load with it, so the permission page names the admin screen).
  '/first-run': { name: 'common.nav.admin', roles: ['admin'], hint: 'a11y.forbidden.hint.admin' },
};

function SceneLoading() {
  const t = useT();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

// Only same-app paths are followed after login, never another origin.
function safeNext(value: string | null, home: string): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : home;
}

/** Picks the screen from the URL and the session: /setup, /login, or the console. */
export function AppRoutes() {
  const queryClient = useQueryClient();
  const location = useLocation();
  const session = useSession();
  const [expired, setExpired] = useState(false);
  const t = useT();

  useEffect(
    () =>
      unauthorizedListener.register(() => {
        csrfTokenStore.set(null);
        setExpired(true);
        queryClient.setQueryData(queryKeys.session, null);
        // Another user may sign in next on this PC; nothing of the last one stays cached.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
      }),
    [queryClient],
  );

  const signedIn = Boolean(session.data);
  const role = session.data?.user.role;
  const onLogin = location.pathname === '/login';
  const onSetup = location.pathname === '/setup';

  useEffect(() => {
    if (session.isPending || onSetup) return;
    if (!signedIn && !onLogin) {
      // Keeps ?caller= from a CTI screen pop across the login.
      const next = location.href === '/' ? '' : `?next=${encodeURIComponent(location.href)}`;
      navigate(`/login${next}`, { replace: true });
    }
    if (signedIn && onLogin) {
      const next = location.search.get('next');
      // Admins with first-run steps left land on the checklist (scenes/firstRun/landAfterSignIn.ts).
      if (next === null && role === 'admin') void landAdminAfterSignIn(queryClient);
      else if (role) navigate(safeNext(next, homePathOf(role)), { replace: true });
    }
    // `/` is the console's address; whoever's home is another screen is moved to its address in
    // place (a bookmark of `/`, the permission page's way home), so the address says what is shown.
    if (signedIn && role && location.pathname === '/' && homePathOf(role) !== '/') {
      navigate(homePathOf(role), { replace: true });
    }
  }, [
    session.isPending,
    signedIn,
    onLogin,
    onSetup,
    location.href,
    location.pathname,
    location.search,
    role,
    queryClient,
  ]);

  useEffect(() => {
    if (signedIn) setExpired(false);
  }, [signedIn]);

  // While someone types their password, the console's chunk loads, so it shows at once after the
  // login and keys pressed right after Enter reach it (most people signing in are agents).
  const showingLogin = session.data === null;
  useEffect(() => {
    if (showingLogin) void loadConsole();
  }, [showingLogin]);

  const pickScene = () => {
    if (onSetup) return <SetupScene token={location.search.get('token') ?? ''} />;
    if (session.isPending) return <SceneLoading />;
    if (session.isError) {
      return (
        <Center h="100vh" p="md">
          <Alert color="red" title={t('common.serverUnreachable')} maw={480}>
            <Stack gap="xs">
              <Text>{session.error.message}</Text>
              <Text size="sm">{t('common.reloadLater')}</Text>
            </Stack>
          </Alert>
        </Center>
      );
    }
    if (!session.data) {
      return <LoginScene notice={expired ? t('common.sessionExpired') : null} />;
    }
    // Signed in on /login: the landing above is choosing the page (it may wait for the checklist).
    if (onLogin) return <SceneLoading />;
    const role = session.data.user.role;
    const restricted = restrictedScreens[location.pathname];
    if (restricted && !restricted.roles.includes(role)) {
      return <ForbiddenScene session={session.data} screen={t(restricted.name)} hint={t(restricted.hint)} />;
    }
    if (location.pathname === '/privacy') return <PrivacyScene session={session.data} />;
    if (location.pathname === '/admin') return <AdminScene session={session.data} />;
    if (location.pathname === '/first-run') return <FirstRunScene session={session.data} />;
    if (location.pathname === '/funnel') return <FunnelScene session={session.data} />;
    // Supervisors read the floor and the reports; they take no calls (consultation:create is
    // agents' and admins'), so their home is the dashboard, as the business team's is the queue.
    if (location.pathname === '/dashboard' || (location.pathname === '/' && role === 'supervisor')) {
      return <DashboardScene session={session.data} />;
    }
    // The business team works the transfer queue; it does not take calls in the console.
    if (location.pathname === '/queue' || (location.pathname === '/' && role === 'backoffice')) {
      return <QueueScene session={session.data} />;
    }
    return <ConsoleScene session={session.data} />;
  };

  return <Suspense fallback={<SceneLoading />}>{pickScene()}</Suspense>;
}
