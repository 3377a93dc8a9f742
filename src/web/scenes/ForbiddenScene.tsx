import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { Session } from '../../contract/auth/sessionSchema.ts';
import { useLogout } from '../api/useLogout.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { AppShell } from '../components/AppShell.tsx';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../lib/useLocation.ts';

/** Props of the permission page. */
export type ForbiddenSceneProps = {
  session: Session;
  /** The screen that was asked for, as the header names it (e.g. 리드 퍼널), in the UI language. */
  screen: string;
  /** Where the role finds what it may see instead, or whom to ask. */
  hint: string;
};

/**
 * The one answer to a screen the signed-in role may not open (`/admin` for an agent, `/funnel`
 * for an agent, …): it says so plainly instead of quietly showing another screen, names the
 * screen, and offers the way back to the role's own home. The server refuses the screen's calls
 * to that role regardless; this page only spares the user a silent redirect.
 */
export function ForbiddenScene({ session, screen, hint }: ForbiddenSceneProps) {
  const logout = useLogout();
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen readers and keyboard users land on the explanation, not on the top of the header.
  useEffect(() => heading.current?.focus(), []);
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-labelledby="forbidden-title">
        <Paper withBorder p="xl" maw={640} mx="auto" mt="xl" data-testid="forbidden">
          <Stack gap="md" align="flex-start">
            <Title order={1} size="h2" id="forbidden-title" ref={heading} tabIndex={-1}>
              {t('a11y.forbidden.title')}
            </Title>
            <Text c="dark.6" size="sm" data-testid="forbidden-screen">
              {t('a11y.forbidden.screen', { screen })}
            </Text>
            <Text>{t('a11y.forbidden.body', { hint })}</Text>
            <Button onClick={() => navigate('/')} data-testid="forbidden-home">
              {session.user.role === 'backoffice'
                ? t('a11y.forbidden.home.queue')
                : t('a11y.forbidden.home.console')}
            </Button>
          </Stack>
        </Paper>
      </AppShell.Main>
    </AppShell>
  );
}
