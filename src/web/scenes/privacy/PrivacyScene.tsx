import { Button, Stack, Tabs, Title } from '@mantine/core';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { AppShell } from '../../components/AppShell.tsx';
import { addMessages } from '../../i18n/catalogue.ts';
import { consoleMessages } from '../../i18n/messages/console.ts';
import { privacyMessages } from '../../i18n/messages/privacy.ts';
import { transfersMessages } from '../../i18n/messages/transfers.ts';
import { useT } from '../../i18n/useT.ts';
import { navigate } from '../../lib/useLocation.ts';
import { AccessLogPanel } from './AccessLogPanel.tsx';
import { ConsultationRevealTable } from './ConsultationRevealTable.tsx';
import { DataSubjectPanel } from './DataSubjectPanel.tsx';
import { DestructionLogPanel } from './DestructionLogPanel.tsx';
import { canAdministerPrivacy, canRevealPersonalData } from './privacyRoles.ts';

// This screen's words load with it (catalogue.ts: addMessages).
addMessages(consoleMessages, privacyMessages, transfersMessages);

/**
 * `/privacy`: personal data for the roles that handle it — consultation records masked with reveal
 * (business team, admin), and for admins the access log, data-subject requests and destructions.
 */
export function PrivacyScene({ session }: { session: Session }) {
  const t = useT();
  const role = session.user.role;
  const logout = useLogout();
  const admin = canAdministerPrivacy(role);
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-label={t('privacy.title')}>
        <Stack gap="md">
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => navigate('/')}>
            ← {t('common.nav.console')}
          </Button>
          <Title order={1} size="h2">
            {t('privacy.title')}
          </Title>
          <Tabs defaultValue="records" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="records">{t('privacy.tab.records')}</Tabs.Tab>
              {admin && <Tabs.Tab value="access-log">{t('privacy.tab.accessLog')}</Tabs.Tab>}
              {admin && <Tabs.Tab value="subjects">{t('privacy.tab.subjects')}</Tabs.Tab>}
              {admin && <Tabs.Tab value="destruction">{t('privacy.tab.destruction')}</Tabs.Tab>}
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
