import {
  Alert,
  Badge,
  Button,
  Group,
  Kbd,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CallbackHolder } from '../../../contract/cti/callbackHolderSchema.ts';
import { listMissedCallsQuerySchema } from '../../../contract/cti/listMissedCallsQuerySchema.ts';
import { missedCallListSchema } from '../../../contract/cti/missedCallListSchema.ts';
import type { MissedCall } from '../../../contract/cti/missedCallSchema.ts';
import { missedCallSchema } from '../../../contract/cti/missedCallSchema.ts';
import { revealCallerNumberSchema } from '../../../contract/cti/revealCallerNumberSchema.ts';
import { revealedCallerNumberSchema } from '../../../contract/cti/revealedCallerNumberSchema.ts';
import { requestJson } from '../../api/requestJson.ts';
import { useLiveRefresh } from '../../api/useLiveRefresh.ts';
import { TableWithActionsColumn } from '../../components/TableWithActionsColumn.tsx';
import { addMessages, type MessageKey } from '../../i18n/catalogue.ts';
import { missedCallsMessages } from '../../i18n/messages/missedCalls.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { type Translate, useT } from '../../i18n/useT.ts';
import { useListKeyboard } from '../../lib/useListKeyboard.ts';

// The tab's words come with it, wherever the queue shows it.
addMessages(missedCallsMessages);

const missedCallKeys = { all: ['missed-calls'] as const };
const callPath = (id: string) => `/api/v1/cti/missed-calls/${encodeURIComponent(id)}`;

/** Calls of the missed-calls view (business queue). */
export const missedCallApi = {
  list: (signal?: AbortSignal) => {
    const query = listMissedCallsQuerySchema.parse({ status: 'open' });
    return requestJson({
      path: `/api/v1/cti/missed-calls?status=${query.status}&limit=${query.limit}`,
      schema: missedCallListSchema,
      signal,
    });
  },
  done: (id: string) =>
    requestJson({ method: 'POST', path: `${callPath(id)}/done`, schema: missedCallSchema }),
  reveal: (id: string, reason: string) =>
    requestJson({
      method: 'POST',
      path: `${callPath(id)}/reveal`,
      bodySchema: revealCallerNumberSchema,
      body: { reason },
      schema: revealedCallerNumberSchema,
    }),
};

// A callback appears when a call is missed and goes when it is made, or when its number is erased;
// someone revealing its number to call back shows on it as calling; a closure added or removed
// moves the due times (the server re-times them in the closure's transaction).
const missedCallEvents = [
  'call.missed',
  'call.callback-taken',
  'call.callback-done',
  'call.callback-erased',
  'closure.changed',
] as const;

/** The missed calls waiting for a callback, for the tab's badge; live like the list. */
export function useMissedCalls(enabled: boolean) {
  useLiveRefresh(missedCallKeys.all, missedCallEvents, enabled);
  // Who each caller is comes worded by the server: another language reads the list again.
  const locale = useLocale();
  return useQuery({
    queryKey: [...missedCallKeys.all, locale],
    queryFn: ({ signal }) => missedCallApi.list(signal),
    enabled,
  });
}

/**
 * 부재중 전화: inbound calls nobody answered (the PBX's hangup with cause cancel, noAnswer or busy),
 * each a callback due in business hours, due first. The number is masked, with who it is by the
 * directory as the screen pop says it ("등록된 관리책임자 · 김*수 · (주)누리테크"); the business team
 * reveals it with a reason (logged) to call back, then marks the callback made. J/K (or the arrows)
 * move through the calls while `keysEnabled`: the selected row takes focus, so Tab goes on to its
 * reveal reason and buttons, where Enter presses the focused button.
 */
export function MissedCallsPanel({
  canWork,
  now,
  userId,
  keysEnabled = true,
}: {
  canWork: boolean;
  now: Date;
  /** The signed-in user: their own hold on a callback reads "you are calling back". */
  userId: string;
  keysEnabled?: boolean;
}) {
  const t = useT();
  const calls = useMissedCalls(true);
  const items = calls.data?.items ?? [];
  // No onEnter: the rows hold their own field and buttons, and Enter stays theirs.
  const [cursor] = useListKeyboard({ enabled: keysEnabled, items });
  // Focus follows the keys (not the list's live updates, which would pull it out of a field).
  const focusedCursor = useRef(cursor);
  useEffect(() => {
    if (focusedCursor.current === cursor) return;
    focusedCursor.current = cursor;
    const id = items[cursor]?.id;
    if (id) document.querySelector<HTMLElement>(`tr[data-call-id="${CSS.escape(id)}"]`)?.focus();
  }, [cursor, items]);
  if (calls.isPending) return <Loader aria-label={t('missedCalls.loading')} />;
  if (calls.isError) return <Alert color="red">{calls.error.message}</Alert>;
  if (calls.data.items.length === 0)
    return (
      <Text c="dark.4" data-testid="missed-calls-empty">
        {t('missedCalls.empty')}
      </Text>
    );
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dark.4" mb={6}>
        <Kbd>J</Kbd>/<Kbd>K</Kbd> {t('transfers.queue.keyMove')} · <Kbd>Tab</Kbd> {t('missedCalls.keyWork')}
      </Text>
      <TableWithActionsColumn
        striped
        data-testid="missed-calls"
        columns={[
          t('missedCalls.column.startedAt'),
          t('missedCalls.column.number'),
          t('missedCalls.column.queue'),
          t('missedCalls.column.cause'),
          t('missedCalls.column.due'),
        ]}
      >
        {calls.data.items.map((call, index) => (
          <MissedCallRow
            key={call.id}
            call={call}
            canWork={canWork}
            now={now}
            userId={userId}
            selected={index === cursor}
          />
        ))}
      </TableWithActionsColumn>
    </Paper>
  );
}

// Why the PBX says the call was not answered; another cause is shown as the PBX named it.
const causeLabels: Record<string, MessageKey> = {
  cancel: 'missedCalls.cause.cancel',
  noAnswer: 'missedCalls.cause.noAnswer',
  busy: 'missedCalls.cause.busy',
};

function describeCause(cause: string | null | undefined, t: Translate): string {
  const key = causeLabels[cause ?? ''];
  return key ? t(key) : (cause ?? '—');
}

/**
 * Who is calling the customer back, on the row: "calling back" for oneself; for a colleague their
 * name and since when, so nobody calls the same customer twice.
 */
function CallbackHolderNote({ holder, userId }: { holder: CallbackHolder; userId: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <Badge
      color={holder.id === userId ? 'indigo' : 'grape'}
      variant="light"
      size="sm"
      data-testid="callback-holder"
    >
      {holder.id === userId
        ? t('missedCalls.heldByMe', { time: format.time(holder.since) })
        : t('missedCalls.heldBy', { name: holder.name, time: format.time(holder.since) })}
    </Badge>
  );
}

function MissedCallRow({
  call,
  canWork,
  now,
  userId,
  selected,
}: {
  call: MissedCall;
  canWork: boolean;
  now: Date;
  userId: string;
  selected: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  // A colleague who holds the callback, as the reveal answered: said beside the number just shown.
  const [heldByOther, setHeldByOther] = useState<CallbackHolder | null>(null);
  const reveal = useMutation({
    mutationFn: () => missedCallApi.reveal(call.id, reason.trim()),
    onSuccess: (revealed) => {
      setNumber(revealed.callerNumber);
      setHeldByOther(
        revealed.callbackHeldBy && revealed.callbackHeldBy.id !== userId ? revealed.callbackHeldBy : null,
      );
      void queryClient.invalidateQueries({ queryKey: missedCallKeys.all });
    },
  });
  const done = useMutation({
    mutationFn: () => missedCallApi.done(call.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: missedCallKeys.all }),
  });
  const overdue = new Date(call.callbackDueAt) <= now;
  return (
    <Table.Tr
      data-testid="missed-call"
      data-call-id={call.id}
      aria-selected={selected}
      // Focusable by script only: J/K put focus on the selected call.
      tabIndex={-1}
      style={{ outline: selected ? '2px solid var(--mantine-color-indigo-5)' : undefined }}
    >
      <Table.Td>{format.dateTime(call.startedAt)}</Table.Td>
      <Table.Td>
        <Text size="sm">{number ?? call.callerNumber ?? t('missedCalls.noNumber')}</Text>
        {call.callbackHeldBy && <CallbackHolderNote holder={call.callbackHeldBy} userId={userId} />}
        {heldByOther && (
          <Text size="xs" c="grape.9" role="status" data-testid="callback-held-warning">
            {t('missedCalls.heldByOtherWarning', {
              name: heldByOther.name,
              time: format.time(heldByOther.since),
            })}
          </Text>
        )}
        {/* Who it is by the directory, as the screen pop says it: a registered contact, or whose it
            was (an ended account); a number nobody lists needs no second line. */}
        {call.caller && (call.caller.registered || call.caller.contacts.length > 0) && (
          <Text
            size="xs"
            c={call.caller.registered ? 'teal.9' : 'dark.5'}
            fw={call.caller.registered ? 600 : undefined}
            data-testid="missed-call-caller"
          >
            {call.caller.label}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{call.queue ?? '—'}</Table.Td>
      <Table.Td>{describeCause(call.cause, t)}</Table.Td>
      <Table.Td>
        <Group gap={6}>
          {format.dateTime(call.callbackDueAt)}
          {overdue && (
            <Badge color="orange" size="sm">
              {t('missedCalls.overdue')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {canWork && (
          <Stack gap={4}>
            {number === null && (
              <Group gap={4} wrap="nowrap">
                <TextInput
                  size="xs"
                  placeholder={t('missedCalls.revealReason')}
                  aria-label={t('missedCalls.revealReasonLabel')}
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                  // Enter in the reason reveals, as in transfers and leads (QA-10 M8); the list's
                  // own keys leave a focused field alone.
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
                    event.preventDefault();
                    if (reason.trim().length >= 2 && !reveal.isPending) reveal.mutate();
                  }}
                  error={reveal.error?.message}
                  data-testid="missed-call-reason"
                />
                <Button
                  size="xs"
                  variant="light"
                  disabled={reason.trim().length < 2}
                  onClick={() => reveal.mutate()}
                >
                  {t('missedCalls.reveal')}
                </Button>
              </Group>
            )}
            <Button size="xs" onClick={() => done.mutate()} loading={done.isPending}>
              {t('missedCalls.done')}
            </Button>
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
