import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Session } from '../../contract/auth/sessionSchema.ts';
import { navigate } from '../lib/useLocation.ts';
import { BusinessHoursBadge } from './BusinessHoursBadge.tsx';

const roleLabels: Record<Session['user']['role'], string> = {
  agent: '상담사',
  backoffice: '비즈니스팀',
  supervisor: '슈퍼바이저',
  admin: '관리자',
};

/** Props of the console header. */
export type AppHeaderProps = {
  user: Session['user'];
  onLogout: () => void;
  loggingOut: boolean;
  /** The guide search box that also opens the Ctrl+K palette (`SearchBox`); the console passes it. */
  search?: ReactNode;
};

/** Console header: product, search slot, live business hours, the signed-in user and logout. */
export function AppHeader({ user, onLogout, loggingOut, search }: AppHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap">
        <Text fw={800} size="xl" c="indigo.8">
          이음
        </Text>
        <Text c="dark.5" size="sm" visibleFrom="sm">
          상담 콘솔
        </Text>
      </Group>
      <Group style={{ flex: 1 }} justify="center" wrap="nowrap">
        {search}
      </Group>
      <Group gap="md" wrap="nowrap">
        <BusinessHoursBadge />
        {/* Supervisors and admins take calls too; the business team's home is the queue. */}
        {(user.role === 'supervisor' || user.role === 'admin') && (
          <Button variant="subtle" size="xs" onClick={() => navigate('/')} data-testid="nav-console">
            상담 콘솔
          </Button>
        )}
        {user.role !== 'agent' && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => navigate('/funnel')}
            data-testid="nav-funnel-header"
          >
            리드 퍼널
          </Button>
        )}
        {user.role !== 'agent' && (
          <Button variant="subtle" size="xs" onClick={() => navigate('/queue')} data-testid="nav-queue">
            이관 큐
          </Button>
        )}
        {user.role !== 'agent' && (
          <Button variant="subtle" size="xs" onClick={() => navigate('/privacy')}>
            개인정보
          </Button>
        )}
        {user.role === 'admin' && (
          <Button variant="subtle" size="xs" onClick={() => navigate('/admin')} data-testid="nav-admin">
            관리
          </Button>
        )}
        <Text size="sm" data-testid="current-user">
          <Text span fw={700}>
            {user.name}
          </Text>{' '}
          <Text span c="dark.4">
            {roleLabels[user.role]}
          </Text>
        </Text>
        <Button variant="default" size="xs" onClick={onLogout} loading={loggingOut}>
          로그아웃
        </Button>
      </Group>
    </Group>
  );
}
