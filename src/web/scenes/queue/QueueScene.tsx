import {
  Affix,
  Badge,
  Button,
  Chip,
  Group,
  Kbd,
  Notification,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import type { TransferStatus } from '../../../contract/transfers/transferStatusSchema.ts';
import { useGuides } from '../../api/useGuides.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { AppShell } from '../../components/AppShell.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { addMessages } from '../../i18n/catalogue.ts';
import { leadDuplicatesMessages } from '../../i18n/messages/leadDuplicates.ts';
import { leadsMessages } from '../../i18n/messages/leads.ts';
import { privacyMessages } from '../../i18n/messages/privacy.ts';
import { transfersMessages } from '../../i18n/messages/transfers.ts';
import { translateNow } from '../../i18n/translateNow.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { useFocusOnArrival } from '../../lib/useFocusOnArrival.ts';
import { useListKeyboard } from '../../lib/useListKeyboard.ts';
import { navigate, useLocation } from '../../lib/useLocation.ts';
import { LeadDrawer } from '../leads/LeadDrawer.tsx';
import { LeadQueuePanel } from '../leads/LeadQueuePanel.tsx';
import { useLeadList } from '../leads/leadApi.ts';
import { AssigneeName } from './AssigneeName.tsx';
import { describeTimeLeft } from './describeTimeLeft.ts';
import { erasureMessageKey } from './erasureMessageKey.ts';
import { MissedCallsPanel, useMissedCalls } from './MissedCallsPanel.tsx';
import { statusColors, statusMessageKeys } from './statusColors.ts';
import { TransferDrawer } from './TransferDrawer.tsx';
import { type QueueFilters, useTransferList } from './transferApi.ts';
import { type LiveTransferEvent, useLiveTransferEvents } from './useLiveTransferEvents.ts';

// This screen's words load with it (catalogue.ts: addMessages).
addMessages(leadsMessages, leadDuplicatesMessages, privacyMessages, transfersMessages);

const openStatuses: TransferStatus[] = ['received', 'in-progress', 'unreachable'];
const allStatuses: TransferStatus[] = ['received', 'in-progress', 'contacted', 'unreachable', 'closed'];

type Notice = { id: number; title: string; text: string };

/**
 * `/queue`: the business team's live queue, in two tabs. 이관: transfers (sign-up leads among them,
 * badged), new and changed ones appearing without a reload (server-sent events); filters: status,
 * inquiry type, assignee, overdue; time left counts business hours only, overdue rows are flagged;
 * J/K move, Enter opens the detail drawer (history, comments, workflow buttons with shortcuts),
 * D goes to the callbacks due. 가입 리드 (`?view=leads`, `&filter=due` for the callbacks due
 * only): the leads with their brochure e-mail and OB callbacks due, where the
 * callback outcome is recorded (see LeadQueuePanel, LeadDrawer). The assignee is notified in-app
 * when a transfer is assigned to them and when a lead's callback comes due.
 */
export function QueueScene({ session }: { session: Session }) {
  const t = useT();
  const format = useFormat();
  const canWorkLeads = session.user.role === 'backoffice' || session.user.role === 'admin';
  const location = useLocation();
  const { guides } = useGuides();
  // With several guides the queue shows each transfer's guide and filters by it.
  const severalGuides = (guides?.length ?? 0) > 1;
  const [filters, setFilters] = useState<QueueFilters>({
    status: openStatuses,
    guideId: null,
    inquiryType: null,
    assignee: 'all',
    overdue: false,
  });
  const [notices, setNotices] = useState<Notice[]>([]);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const openId = location.search.get('transfer');
  const openLeadId = location.search.get('lead');
  const requestedView = location.search.get('view');
  const canSeeMissed = session.user.role !== 'agent';
  const view =
    requestedView === 'leads' || openLeadId
      ? 'leads'
      : requestedView === 'missed' && canSeeMissed
        ? 'missed'
        : 'transfers';
  const missedCalls = useMissedCalls(canSeeMissed);
  const list = useTransferList(filters);
  const items = list.data?.items ?? [];
  const dueLeads = useLeadList('due');
  const notify = (title: string, text: string) =>
    setNotices((current) => [...current.slice(-2), { id: Date.now() + Math.random(), title, text }]);

  const logout = useLogout();

  useLiveTransferEvents(
    (event: LiveTransferEvent) => {
      if (event.type === 'transfer.filed') {
        setFresh((current) => new Set(current).add(event.transferId));
      }
      // The assignee's in-app notification (the e-mail goes through the outbox).
      if (event.notifiedIds.includes(session.user.id)) {
        // Told as the one it was taken or handed on from (the change names them), or as the new assignee.
        const takenFromMe =
          event.type === 'transfer.updated' &&
          event.change.action === 'assigned' &&
          event.change.fromAssigneeId === session.user.id;
        const text =
          event.type === 'transfer.commented'
            ? translateNow('transfers.notify.mentioned', { number: event.number })
            : takenFromMe
              ? translateNow('transfers.notify.reassigned', { number: event.number })
              : translateNow('transfers.notify.assigned', { number: event.number });
        notify(translateNow('transfers.notify.title'), text);
      }
    },
    (event) => {
      // The callback reminder goes to the lead's assignee, or to the whole team while nobody has it.
      const assigneeId = event.assigneeId ?? null;
      const forMe = assigneeId === session.user.id || (assigneeId === null && canWorkLeads);
      if (event.type === 'lead.callback-due' && forMe) {
        notify(
          translateNow('transfers.notify.callbackTitle'),
          translateNow('transfers.notify.callback', {
            number: event.number ?? '',
            company: event.companyName ?? '',
          }),
        );
      }
    },
  );

  const open = (id: string | null) =>
    navigate(id ? `/queue?transfer=${encodeURIComponent(id)}` : '/queue', { replace: id === null });
  const openLead = (id: string | null) =>
    navigate(id ? `/queue?view=leads&lead=${encodeURIComponent(id)}` : '/queue?view=leads', {
      replace: id === null,
    });

  // The keys act on the list on screen only: on 가입 리드 and 부재중 전화 the transfers are hidden,
  // and those tabs' lists have keys of their own.
  const [cursor, setCursor] = useListKeyboard({
    enabled: view === 'transfers' && !openId,
    items,
    onEnter: (item) => open(item.id),
    keys: {
      o: () => setFilters((current) => ({ ...current, overdue: !current.overdue })),
      m: () => setFilters((current) => ({ ...current, assignee: current.assignee === 'me' ? 'all' : 'me' })),
      // D shows the callbacks due from the queue's first tab too, not only on 가입 리드. The keys
      // are off while the transfer drawer is open, where D means 연락완료.
      d: () => navigate('/queue?view=leads&filter=due'),
    },
  });

  // Arriving after sign-in, focus starts at the queue's heading rather than <body>.
  const heading = useFocusOnArrival<HTMLHeadingElement>();

  // Closing a drawer (Esc, ×) puts focus back on the row it was opened from, with the cursor on it,
  // so J/K and Enter go on from there; Mantine's own focus return would land on <body> when the
  // drawer was opened from the keyboard, where nothing had focus. The row effect runs after the
  // drawer's (a parent's effects run after its children's), and Mantine leaves a focus it did not
  // set alone.
  const lastOpenId = useRef<string | null>(null);
  useEffect(() => {
    if (openId) {
      lastOpenId.current = openId;
      return;
    }
    const closedId = lastOpenId.current;
    lastOpenId.current = null;
    if (!closedId) return;
    const index = items.findIndex((item) => item.id === closedId);
    if (index >= 0) setCursor(index);
    document.querySelector<HTMLElement>(`tr[data-transfer-id="${CSS.escape(closedId)}"]`)?.focus();
  }, [openId, items, setCursor]);

  const typeOptions = severalGuides
    ? (guides ?? [])
        .filter((guide) => !filters.guideId || guide.id === filters.guideId)
        .map((guide) => ({
          group: guide.heading,
          items: guide.inquiryTypes.map((type) => ({
            value: `${guide.id}:${type.number}`,
            label: `${type.number}. ${type.label}`,
          })),
        }))
    : (guides?.[0]?.inquiryTypes ?? []).map((type) => ({
        value: String(type.number),
        label: `${type.number}. ${type.label}`,
      }));

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-label={t('transfers.queue.title')}>
        <Stack gap="md">
          <Group justify="space-between">
            {/* Focus starts here after sign-in (see useFocusOnArrival); the "live" note sits beside
                the heading, not in it, so the heading's name is the title alone. */}
            <Group gap={8} align="baseline">
              <Title order={1} size="h2" ref={heading} tabIndex={-1}>
                {t('transfers.queue.title')}
              </Title>
              <Text size="sm" c="dark.4">
                {t('transfers.queue.live')}
              </Text>
            </Group>
            <Group gap="md">
              {view === 'transfers' && (
                <Text size="xs" c="dark.4">
                  <Kbd>J</Kbd>/<Kbd>K</Kbd> {t('transfers.queue.keyMove')} · <Kbd>Enter</Kbd>{' '}
                  {t('transfers.queue.keyOpen')} · <Kbd>O</Kbd> {t('transfers.queue.overdue')} · <Kbd>M</Kbd>{' '}
                  {t('transfers.queue.mine')} · <Kbd>D</Kbd> {t('transfers.queue.callbacksDue')}
                </Text>
              )}
              {session.user.role !== 'agent' && (
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => navigate('/funnel')}
                  data-testid="nav-funnel"
                >
                  {t('common.nav.funnel')}
                </Button>
              )}
            </Group>
          </Group>
          <Tabs
            value={view}
            onChange={(value) =>
              navigate(value === 'leads' || value === 'missed' ? `/queue?view=${value}` : '/queue')
            }
          >
            <Tabs.List>
              <Tabs.Tab value="transfers" data-testid="tab-transfers">
                {list.data
                  ? t('transfers.queue.tabCount', { count: list.data.total })
                  : t('transfers.queue.tab')}
              </Tabs.Tab>
              <Tabs.Tab
                value="leads"
                data-testid="tab-leads"
                rightSection={
                  dueLeads.data && dueLeads.data.total > 0 ? (
                    <Badge
                      size="sm"
                      color="orange"
                      variant="filled"
                      title={t('transfers.queue.callbacksDue')}
                    >
                      {t('transfers.queue.callbacks', { count: dueLeads.data.total })}
                    </Badge>
                  ) : undefined
                }
              >
                {t('transfers.queue.leadsTab')}
              </Tabs.Tab>
              {canSeeMissed && (
                <Tabs.Tab
                  value="missed"
                  data-testid="tab-missed-calls"
                  rightSection={
                    missedCalls.data && missedCalls.data.items.length > 0 ? (
                      <Badge
                        size="sm"
                        color="orange"
                        variant="filled"
                        title={t('transfers.queue.missedToCall')}
                      >
                        {missedCalls.data.items.length}
                      </Badge>
                    ) : undefined
                  }
                >
                  {t('transfers.queue.missedTab')}
                </Tabs.Tab>
              )}
            </Tabs.List>
          </Tabs>
          {view === 'leads' && (
            <LeadQueuePanel
              openLeadId={openLeadId}
              onOpen={openLead}
              initialFilter={location.search.get('filter')}
            />
          )}
          {view === 'missed' && (
            <MissedCallsPanel
              canWork={canWorkLeads}
              now={new Date()}
              userId={session.user.id}
              keysEnabled={!openId}
            />
          )}
          {view === 'transfers' && (
            <Paper withBorder p="sm" radius="md">
              <Group gap="md" align="flex-end">
                <Chip.Group
                  multiple
                  value={filters.status}
                  onChange={(value) =>
                    setFilters((current) => ({
                      ...current,
                      status: allStatuses.filter((status) => value.includes(status)),
                    }))
                  }
                >
                  <Group gap={6} aria-label={t('transfers.queue.status')}>
                    {allStatuses.map((status) => (
                      <Chip key={status} value={status} size="sm" color={statusColors[status]}>
                        {t(statusMessageKeys[status])}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                {severalGuides && (
                  <Select
                    label={t('transfers.queue.guide')}
                    placeholder={t('transfers.queue.all')}
                    data={(guides ?? []).map((guide) => ({ value: guide.id, label: guide.heading }))}
                    value={filters.guideId ?? null}
                    onChange={(value) =>
                      setFilters((current) => ({
                        ...current,
                        guideId: value,
                        // A type of another guide no longer applies.
                        inquiryType:
                          value && !current.inquiryType?.startsWith(`${value}:`) ? null : current.inquiryType,
                      }))
                    }
                    clearable
                    w={180}
                    size="sm"
                    data-testid="filter-guide"
                  />
                )}
                <Select
                  label={t('transfers.queue.type')}
                  placeholder={t('transfers.queue.all')}
                  data={typeOptions}
                  value={filters.inquiryType}
                  onChange={(value) => setFilters((current) => ({ ...current, inquiryType: value }))}
                  clearable
                  w={240}
                  size="sm"
                />
                <Select
                  label={t('transfers.queue.assignee')}
                  data={[
                    { value: 'all', label: t('transfers.queue.all') },
                    { value: 'me', label: t('transfers.queue.mine') },
                    { value: 'none', label: t('transfers.queue.unassigned') },
                    { value: 'disabled', label: t('transfers.queue.heldByDisabled') },
                  ]}
                  value={filters.assignee}
                  onChange={(value) =>
                    setFilters((current) => ({
                      ...current,
                      assignee: value === 'me' || value === 'none' || value === 'disabled' ? value : 'all',
                    }))
                  }
                  allowDeselect={false}
                  w={160}
                  data-testid="filter-assignee"
                  size="sm"
                />
                <Switch
                  label={t('transfers.queue.overdueOnly')}
                  checked={filters.overdue}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    setFilters((current) => ({ ...current, overdue: checked }));
                  }}
                  data-testid="filter-overdue"
                />
              </Group>
            </Paper>
          )}
          {view === 'transfers' && <QueryStates query={list} loadingLabel={t('transfers.queue.loading')} />}
          {view === 'transfers' && list.data && items.length === 0 && (
            <Text c="dark.5">{t('transfers.queue.none')}</Text>
          )}
          {view === 'transfers' && items.length > 0 && (
            <Table highlightOnHover verticalSpacing={8} data-testid="transfer-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('transfers.queue.number')}</Table.Th>
                  <Table.Th>{t('transfers.queue.status')}</Table.Th>
                  <Table.Th>{t('transfers.queue.typeColumn')}</Table.Th>
                  <Table.Th>{t('transfers.queue.companyContact')}</Table.Th>
                  <Table.Th>{t('transfers.queue.contact')}</Table.Th>
                  <Table.Th>{t('transfers.queue.assignee')}</Table.Th>
                  <Table.Th>{t('transfers.queue.due')}</Table.Th>
                  <Table.Th>{t('transfers.queue.timeLeft')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item, index) => {
                  const left = describeTimeLeft(item.sla, t);
                  const erasedKey = erasureMessageKey(item);
                  const selected = index === cursor;
                  return (
                    <Table.Tr
                      key={item.id}
                      data-transfer-id={item.id}
                      data-number={item.number}
                      data-overdue={item.sla.state === 'overdue'}
                      aria-selected={selected}
                      // Focusable by script only: the drawer hands focus back here when it closes.
                      tabIndex={-1}
                      onClick={() => {
                        setCursor(index);
                        open(item.id);
                      }}
                      style={{
                        cursor: 'pointer',
                        outline: selected ? '2px solid var(--mantine-color-indigo-5)' : undefined,
                        background:
                          item.sla.state === 'overdue'
                            ? 'var(--mantine-color-red-0)'
                            : fresh.has(item.id)
                              ? 'var(--mantine-color-yellow-0)'
                              : undefined,
                      }}
                    >
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" fw={600}>
                          {item.number}
                        </Text>
                        {item.kind === 'lead' && (
                          <Badge size="xs" color="grape">
                            {t('transfers.queue.leadBadge')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColors[item.status]} data-testid="queue-status">
                          {t(statusMessageKeys[item.status])}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {severalGuides && (
                          <Text size="xs" c="dark.4" data-testid="queue-guide">
                            {item.guideLabel}
                          </Text>
                        )}
                        <Text size="sm">{`${item.inquiryType}. ${item.inquiryTypeLabel}`}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{item.companyName || '-'}</Text>
                        <Text size="xs" c="dark.4">
                          {item.contactName || '-'}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {erasedKey ? (
                          // No contact left to call: say why rather than a bare '-'.
                          <Text size="xs" c="dark.4" data-testid="queue-erased">
                            {t(erasedKey)}
                          </Text>
                        ) : (
                          (item.phone ??
                          item.email ??
                          (item.reachVia === 'registered-contact'
                            ? t('transfers.queue.registeredContact')
                            : '-'))
                        )}
                      </Table.Td>
                      <Table.Td>
                        <AssigneeName assignee={item.assignee} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {format.compact(item.sla.targetAt ?? item.dueAt)}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {left.tone === 'overdue' ? (
                          <Badge color="red" variant="filled">
                            {t('transfers.queue.overdue')} · {left.text}
                          </Badge>
                        ) : (
                          <Text
                            size="sm"
                            c={left.tone === 'soon' ? 'orange' : left.tone === 'met' ? 'dark.4' : undefined}
                          >
                            {left.text}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <TransferDrawer transferId={openId} session={session} onClose={() => open(null)} />
        <LeadDrawer
          leadId={openLeadId}
          session={session}
          onClose={() => openLead(null)}
          onOpenTransfer={(transferId) => open(transferId)}
          onOpenLead={(id) => openLead(id)}
        />
        <Affix position={{ bottom: 20, right: 20 }}>
          <Stack gap="xs">
            {notices.map((notice) => (
              <Notification
                key={notice.id}
                title={notice.title}
                onClose={() => setNotices((current) => current.filter((n) => n.id !== notice.id))}
                data-testid="transfer-notice"
              >
                {notice.text}
              </Notification>
            ))}
          </Stack>
        </Affix>
      </AppShell.Main>
    </AppShell>
  );
}
