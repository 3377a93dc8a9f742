import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { csrfTokenStore } from './api/csrfTokenStore.ts';
import { queryKeys } from './api/queryKeys.ts';
import { unauthorizedListener } from './api/unauthorizedListener.ts';
import { useSession } from './api/useSession.ts';
import { useT } from './i18n/useT.ts';
import { navigate, useLocation } from './lib/useLocation.ts';
import { AdminScene } from './scenes/admin/AdminScene.tsx';
import { ConsoleScene } from './scenes/ConsoleScene.tsx';
import { FunnelScene } from './scenes/funnel/FunnelScene.tsx';
import { LoginScene } from './scenes/LoginScene.tsx';
import { PrivacyScene } from './scenes/privacy/PrivacyScene.tsx';
import { QueueScene } from './scenes/queue/QueueScene.tsx';
import { SetupScene } from './scenes/SetupScene.tsx';

// Only same-app paths are followed after login, never another origin.
function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
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
  const onLogin = location.pathname === '/login';
  const onSetup = location.pathname === '/setup';

  useEffect(() => {
    if (session.isPending || onSetup) return;
    if (!signedIn && !onLogin) {
      // Keeps ?caller= from a CTI screen pop across the login.
      const next = location.href === '/' ? '' : `?next=${encodeURIComponent(location.href)}`;
      navigate(`/login${next}`, { replace: true });
    }
    if (signedIn && onLogin) navigate(safeNext(location.search.get('next')), { replace: true });
  }, [session.isPending, signedIn, onLogin, onSetup, location.href, location.search]);

  useEffect(() => {
    if (signedIn) setExpired(false);
  }, [signedIn]);

  if (onSetup) return <SetupScene token={location.search.get('token') ?? ''} />;

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
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
  if (location.pathname === '/privacy') return <PrivacyScene session={session.data} />;
  if (location.pathname === '/admin') return <AdminScene session={session.data} />;
  // The lead funnel is for the business team, supervisors and admins (lead:report); agents get the console.
  if (location.pathname === '/funnel' && session.data.user.role !== 'agent') {
    return <FunnelScene session={session.data} />;
  }
  // The business team works the transfer queue; it does not take calls in the console.
  if (
    location.pathname === '/queue' ||
    (location.pathname === '/' && session.data.user.role === 'backoffice')
  ) {
    return <QueueScene session={session.data} />;
  }
  return <ConsoleScene session={session.data} />;
}
