import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { AppShell } from '../../components/AppShell.tsx';
import { addMessages, type MessageKey } from '../../i18n/catalogue.ts';
import { adminMessages } from '../../i18n/messages/admin.ts';
import { firstRunMessages } from '../../i18n/messages/firstRun.ts';
import { kakaoMessages } from '../../i18n/messages/kakao.ts';
import { useT } from '../../i18n/useT.ts';
import { navigate } from '../../lib/useLocation.ts';
import { ApiTokenPanel } from './ApiTokenPanel.tsx';
import { ClosuresPanel } from './ClosuresPanel.tsx';
import { DirectoryPanel } from './DirectoryPanel.tsx';
import { GuidesPanel } from './GuidesPanel.tsx';
import { KakaoBotPanel } from './KakaoBotPanel.tsx';
import { TransferSettingsPanel } from './TransferSettingsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import { WebhooksPanel } from './WebhooksPanel.tsx';

// This screen's words load with it (catalogue.ts: addMessages).
addMessages(adminMessages, kakaoMessages, firstRunMessages);

// The screen's tabs in order, each with its panel: one list, so a tab and its panel are added together.
const adminTabs = [
  {
    value: 'users',
    label: 'admin.tab.users',
    panel: (session) => (
      <Stack gap="md">
        <UsersPanel currentUserId={session.user.id} />
        <ApiTokenPanel />
      </Stack>
    ),
  },
  { value: 'closures', label: 'admin.tab.closures', panel: () => <ClosuresPanel /> },
  { value: 'transfers', label: 'admin.tab.transfers', panel: () => <TransferSettingsPanel /> },
  { value: 'webhooks', label: 'admin.tab.webhooks', panel: () => <WebhooksPanel /> },
  { value: 'kakao', label: 'admin.tab.kakao', panel: () => <KakaoBotPanel /> },
  { value: 'directory', label: 'admin.tab.directory', panel: () => <DirectoryPanel /> },
  { value: 'guides', label: 'admin.tab.guides', panel: () => <GuidesPanel /> },
] as const satisfies readonly { value: string; label: MessageKey; panel: (session: Session) => ReactNode }[];

/**
 * `/admin`: what only admins change — accounts, company closures, who handles transfers of each
 * inquiry type and by when, and outbound webhooks — and the guides loaded, with their versions. Other roles get the permission page
 * (ForbiddenScene, chosen in AppRoutes); the server refuses these calls to them anyway.
 */
export function AdminScene({ session }: { session: Session }) {
  const t = useT();
  const logout = useLogout();
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-label={t('admin.title')}>
        <Stack gap="md">
          <Group gap="xs">
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => navigate('/')}>
              {t('admin.toConsole')}
            </Button>
            {/* The first-run checklist stays reachable once done or skipped (a new guide, a new SMTP server). */}
            <Button
              variant="subtle"
              size="xs"
              onClick={() => navigate('/first-run')}
              data-testid="nav-first-run"
            >
              {t('firstRun.title')}
            </Button>
          </Group>
          <Title order={1} size="h2">
            {t('admin.title')}
          </Title>
          <Tabs defaultValue="users" keepMounted={false}>
            <Tabs.List>
              {adminTabs.map((tab) => (
                <Tabs.Tab key={tab.value} value={tab.value}>
                  {t(tab.label)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {adminTabs.map((tab) => (
              <Tabs.Panel key={tab.value} value={tab.value} pt="md">
                {tab.panel(session)}
              </Tabs.Panel>
            ))}
          </Tabs>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
