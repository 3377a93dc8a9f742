import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Session } from '../../contract/auth/sessionSchema.ts';
import { useSavePreferences } from '../api/useSavePreferences.ts';
import { useT } from '../i18n/useT.ts';
import { navigate, useLocation } from '../lib/useLocation.ts';
import { BusinessHoursBadge } from './BusinessHoursBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Props of the console header. */
export type AppHeaderProps = {
  user: Session['user'];
  onLogout: () => void;
  loggingOut: boolean;
  /** The guide search box that also opens the Ctrl+K palette (`SearchBox`); the console passes it. */
  search?: ReactNode;
  /** The guide whose support line the hours badge follows (the console's call on another guide). */
  hoursGuideId?: string | undefined;
};

/** Console header: product, search slot, live business hours, the signed-in user and logout. */
export function AppHeader({ user, onLogout, loggingOut, search, hoursGuideId }: AppHeaderProps) {
  const t = useT();
  const savePreferences = useSavePreferences();
  // The link of the screen shown is marked (aria-current, filled) so the header says where one is.
  const { pathname } = useLocation();
  const current = (path: string) =>
    pathname === path ? { 'aria-current': 'page' as const, variant: 'light' } : { variant: 'subtle' };
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Text fw={800} size="xl" c="indigo.8" style={{ whiteSpace: 'nowrap' }} data-testid="header-logo">
          {t('common.product')}
        </Text>
        {/* Agents' header has room for it; the others' carries their screens' links instead. */}
        {user.role === 'agent' && (
          <Text c="dark.5" size="sm" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('common.consoleSubtitle')}
          </Text>
        )}
      </Group>
      {/* The search gives way first when the header is full (Ctrl+K opens it at any width). */}
      <Group style={{ flex: 1, minWidth: 0 }} justify="center" wrap="nowrap">
        {search}
      </Group>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <BusinessHoursBadge guideId={hoursGuideId} />
        {/* Admins take calls too; the business team's home is the queue, supervisors' the dashboard. */}
        {user.role === 'admin' && (
          <Button {...current('/')} size="compact-sm" onClick={() => navigate('/')} data-testid="nav-console">
            {t('common.nav.console')}
          </Button>
        )}
        {(user.role === 'supervisor' || user.role === 'admin') && (
          <Button
            {...current('/dashboard')}
            size="compact-sm"
            onClick={() => navigate('/dashboard')}
            data-testid="nav-dashboard"
          >
            {t('common.nav.dashboard')}
          </Button>
        )}
        {user.role !== 'agent' && (
          <Button
            {...current('/funnel')}
            size="compact-sm"
            onClick={() => navigate('/funnel')}
            data-testid="nav-funnel-header"
          >
            {t('common.nav.funnel')}
          </Button>
        )}
        {user.role !== 'agent' && (
          <Button
            {...current('/queue')}
            size="compact-sm"
            onClick={() => navigate('/queue')}
            data-testid="nav-queue"
          >
            {t('common.nav.queue')}
          </Button>
        )}
        {user.role !== 'agent' && (
          <Button {...current('/privacy')} size="compact-sm" onClick={() => navigate('/privacy')}>
            {t('common.nav.privacy')}
          </Button>
        )}
        {user.role === 'admin' && (
          <Button
            {...current('/admin')}
            size="compact-sm"
            onClick={() => navigate('/admin')}
            data-testid="nav-admin"
          >
            {t('common.nav.admin')}
          </Button>
        )}
        <Text size="sm" data-testid="current-user" style={{ whiteSpace: 'nowrap' }}>
          <Text span fw={700}>
            {user.name}
          </Text>{' '}
          <Text span c="dark.4">
            {t(`common.role.${user.role}`)}
          </Text>
        </Text>
        <LanguageSwitch onChange={(locale) => savePreferences.mutate({ locale })} />
        {savePreferences.isError && (
          <Text size="xs" c="red.8" role="alert" maw={220}>
            {t('common.languageSaveFailed', { message: savePreferences.error.message })}
          </Text>
        )}
        <Button variant="default" size="xs" onClick={onLogout} loading={loggingOut} style={{ flexShrink: 0 }}>
          {t('common.logout')}
        </Button>
      </Group>
    </Group>
  );
}
