import { Alert, AppShell, Button, Stack, Tabs } from '@mantine/core';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { navigate } from '../../lib/useLocation.ts';
import { ApiTokenPanel } from './ApiTokenPanel.tsx';
import { ClosuresPanel } from './ClosuresPanel.tsx';
import { DirectoryPanel } from './DirectoryPanel.tsx';
import { KakaoBotPanel } from './KakaoBotPanel.tsx';
import { TransferSettingsPanel } from './TransferSettingsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import { WebhooksPanel } from './WebhooksPanel.tsx';

/**
 * `/admin`: what only admins change — accounts, company closures, who handles transfers of each
 * inquiry type and by when, and outbound webhooks. Other roles get a plain refusal (the server
 * refuses these calls to them anyway).
 */
export function AdminScene({ session }: { session: Session }) {
  const logout = useLogout();
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main>
        <Stack gap="md" component="main" aria-label="관리">
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => navigate('/')}>
            ← 상담 콘솔
          </Button>
          {session.user.role !== 'admin' ? (
            <Alert color="gray" title="권한이 없습니다" data-testid="admin-forbidden">
              관리 화면은 관리자만 사용할 수 있습니다. 계정, 휴무일, 이관 담당 변경이 필요하면 관리자에게
              요청하세요.
            </Alert>
          ) : (
            <Tabs defaultValue="users" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="users">사용자</Tabs.Tab>
                <Tabs.Tab value="closures">휴무일</Tabs.Tab>
                <Tabs.Tab value="transfers">이관 담당·기한</Tabs.Tab>
                <Tabs.Tab value="webhooks">웹훅</Tabs.Tab>
                <Tabs.Tab value="kakao">카카오톡 챗봇</Tabs.Tab>
                <Tabs.Tab value="directory">기업 명부</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="users" pt="md">
                <Stack gap="md">
                  <UsersPanel currentUserId={session.user.id} />
                  <ApiTokenPanel />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="closures" pt="md">
                <ClosuresPanel />
              </Tabs.Panel>
              <Tabs.Panel value="transfers" pt="md">
                <TransferSettingsPanel />
              </Tabs.Panel>
              <Tabs.Panel value="webhooks" pt="md">
                <WebhooksPanel />
              </Tabs.Panel>
              <Tabs.Panel value="kakao" pt="md">
                <KakaoBotPanel />
              </Tabs.Panel>
              <Tabs.Panel value="directory" pt="md">
                <DirectoryPanel />
              </Tabs.Panel>
            </Tabs>
          )}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
