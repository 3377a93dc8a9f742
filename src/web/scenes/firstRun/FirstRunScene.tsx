import { Alert, Button, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { AppShell } from '../../components/AppShell.tsx';
import { addMessages } from '../../i18n/catalogue.ts';
import { adminMessages } from '../../i18n/messages/admin.ts';
import { firstRunMessages } from '../../i18n/messages/firstRun.ts';
import { loginMessages } from '../../i18n/messages/login.ts';
import { useT } from '../../i18n/useT.ts';
import { useFocusOnArrival } from '../../lib/useFocusOnArrival.ts';
import { navigate } from '../../lib/useLocation.ts';
import { AssigneesStep } from './AssigneesStep.tsx';
import { BrochureStep } from './BrochureStep.tsx';
import { BusinessTeamStep } from './BusinessTeamStep.tsx';
import { ClosuresStep } from './ClosuresStep.tsx';
import { firstRunApi, firstRunKey } from './firstRunApi.ts';
import { SmtpStep } from './SmtpStep.tsx';

// The checklist's words, the admin screen's closures panel shown in it, the password hint of the login area.
addMessages(firstRunMessages, adminMessages, loginMessages);

// While the test mail is on its way, the checklist is read again until its delivery is known.
const TEST_MAIL_POLL_MS = 2_000;

/**
 * `/first-run` (처음 설정 점검): what an admin sets up after the first sign-in, each step done when
 * its data exists (the server decides), with the form that does it in place. Admins land here after
 * signing in until every step is done or skipped; "later" goes to the console for now.
 */
export function FirstRunScene({ session }: { session: Session }) {
  const t = useT();
  const logout = useLogout();
  const checklist = useQuery({
    queryKey: firstRunKey,
    queryFn: ({ signal }) => firstRunApi.checklist(signal),
    refetchInterval: (query) =>
      query.state.data?.steps.some((step) => step.id === 'smtp' && step.lastTestMail?.status === 'queued')
        ? TEST_MAIL_POLL_MS
        : false,
  });
  const data = checklist.data;
  const total = data?.steps.length ?? 0;
  // Arriving from /setup, keyboard and screen-reader users start at the checklist, not the header.
  const heading = useFocusOnArrival<HTMLHeadingElement>();

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-labelledby="first-run-title">
        <Stack gap="md" maw={980}>
          <Title order={1} size="h2" id="first-run-title" ref={heading} tabIndex={-1}>
            {t('firstRun.title')}
          </Title>
          <Text size="sm">{t('firstRun.intro')}</Text>
          {checklist.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
          {checklist.isError && (
            <Alert color="red" title={t('firstRun.loadFailed')}>
              {checklist.error.message}
            </Alert>
          )}
          {data && (
            <>
              <Group gap="sm" align="center">
                <Progress
                  value={total === 0 ? 100 : ((total - data.remaining) / total) * 100}
                  w={240}
                  aria-label={t('firstRun.progress')}
                />
                <Text size="sm" fw={600} data-testid="first-run-remaining">
                  {t('firstRun.remaining', { remaining: data.remaining, total })}
                </Text>
              </Group>
              {data.complete && (
                <Alert color="teal" variant="light" data-testid="first-run-complete">
                  {t('firstRun.allDone')}
                </Alert>
              )}
              {data.steps.map((step, index) => {
                const position = index + 1;
                switch (step.id) {
                  case 'business-team':
                    return <BusinessTeamStep key={step.id} step={step} position={position} />;
                  case 'transfer-assignees':
                    return <AssigneesStep key={step.id} step={step} position={position} />;
                  case 'smtp':
                    return (
                      <SmtpStep
                        key={step.id}
                        step={step}
                        position={position}
                        defaultRecipient={session.user.email}
                      />
                    );
                  case 'brochure':
                    return <BrochureStep key={step.id} step={step} position={position} />;
                  case 'closures':
                    return <ClosuresStep key={step.id} step={step} position={position} />;
                  default:
                    return null;
                }
              })}
            </>
          )}
          <Group>
            <Button
              variant={data?.complete ? 'filled' : 'default'}
              onClick={() => navigate('/')}
              data-testid="first-run-continue"
            >
              {data?.complete ? t('firstRun.toConsole') : t('firstRun.continue')}
            </Button>
          </Group>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
