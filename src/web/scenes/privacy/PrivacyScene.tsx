import { AppShell, Button, Stack, Tabs } from '@mantine/core';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { navigate } from '../../lib/useLocation.ts';
import { AccessLogPanel } from './AccessLogPanel.tsx';
import { ConsultationRevealTable } from './ConsultationRevealTable.tsx';
import { DataSubjectPanel } from './DataSubjectPanel.tsx';
import { DestructionLogPanel } from './DestructionLogPanel.tsx';
import { canAdministerPrivacy, canRevealPersonalData } from './privacyRoles.ts';

/**
 * `/privacy`: personal data for the roles that handle it — consultation records masked with reveal
 * (business team, admin), and for admins the access log, data-subject requests and destructions.
 */
export function PrivacyScene({ session }: { session: Session }) {
  const role = session.user.role;
  const logout = useLogout();
  const admin = canAdministerPrivacy(role);
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-label="개인정보 관리">
        <Stack gap="md">
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => navigate('/')}>
            ← 상담 콘솔
          </Button>
          <Tabs defaultValue="records" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="records">상담이력</Tabs.Tab>
              {admin && <Tabs.Tab value="access-log">접속기록</Tabs.Tab>}
              {admin && <Tabs.Tab value="subjects">정보주체 요청</Tabs.Tab>}
              {admin && <Tabs.Tab value="destruction">파기 기록</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="records" pt="md">
              <ConsultationRevealTable canReveal={canRevealPersonalData(role)} />
            </Tabs.Panel>
            {admin && (
              <Tabs.Panel value="access-log" pt="md">
                <AccessLogPanel />
              </Tabs.Panel>
            )}
            {admin && (
              <Tabs.Panel value="subjects" pt="md">
                <DataSubjectPanel />
              </Tabs.Panel>
            )}
            {admin && (
              <Tabs.Panel value="destruction" pt="md">
                <DestructionLogPanel />
              </Tabs.Panel>
            )}
          </Tabs>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
