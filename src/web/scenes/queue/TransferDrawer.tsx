import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Kbd,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { assignTransferSchema } from '../../../contract/transfers/assignTransferSchema.ts';
import { changeTransferStatusSchema } from '../../../contract/transfers/changeTransferStatusSchema.ts';
import { commentOnTransferSchema } from '../../../contract/transfers/commentOnTransferSchema.ts';
import { postedTransferCommentSchema } from '../../../contract/transfers/postedTransferCommentSchema.ts';
import { transferSchema } from '../../../contract/transfers/transferSchema.ts';
import type { TransferStatus } from '../../../contract/transfers/transferStatusSchema.ts';
import { ApiError } from '../../api/ApiError.ts';
import { requestJson } from '../../api/requestJson.ts';
import { useGuides } from '../../api/useGuides.ts';
import { LabeledValue } from '../../components/LabeledValue.tsx';
import { NumberedDrawerTitle } from '../../components/NumberedDrawerTitle.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { RevealReasonForm } from '../../components/RevealReasonForm.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useT } from '../../i18n/useT.ts';
import { describeGuideChannel } from '../../lib/describeGuideChannel.ts';
import { isTypingTarget } from '../../lib/isTypingTarget.ts';
import { letterKeyOf } from '../../lib/letterKeyOf.ts';
import { navigate } from '../../lib/useLocation.ts';
import { canRevealPersonalData } from '../privacy/privacyRoles.ts';
import { closesWithLeadOutcome } from './closesWithLeadOutcome.ts';
import { describeAssignee } from './describeAssignee.ts';
import { describeTimeLeft } from './describeTimeLeft.ts';
import { erasureMessageKey } from './erasureMessageKey.ts';
import { MentionTextarea } from './MentionTextarea.tsx';
import { statusColors, statusMessageKeys } from './statusColors.ts';
import {
  revealTransferRequest,
  transferKeys,
  useMentionCandidates,
  useTransferDetail,
} from './transferApi.ts';

/** Shortcut key and label of each workflow move. */
const moves: Record<TransferStatus, { key: string; label: MessageKey }> = {
  'in-progress': { key: 's', label: 'transfers.move.in-progress' },
  contacted: { key: 'd', label: 'transfers.move.contacted' },
  unreachable: { key: 'u', label: 'transfers.move.unreachable' },
  closed: { key: 'x', label: 'transfers.move.closed' },
  received: { key: 'r', label: 'transfers.move.received' },
};

/** Props of the detail drawer. */
export type TransferDrawerProps = {
  transferId: string | null;
  session: Session;
  onClose: () => void;
};

/**
 * One transfer in a drawer: contact fields (masked; the business team reveals them with a reason,
 * logged, shown in this drawer only), SLA, workflow buttons with shortcuts
 * (S 처리 시작, D 연락완료, U 연락불가, X 종결, R 접수로, T 내가 담당, C 댓글; buttons and keys are the
 * server's `nextStatuses`, so an open sign-up lead's transfer offers no 종결), the full history, and
 * comments with @mentions (Ctrl+Enter posts). Updates live with the queue.
 */
export function TransferDrawer({ transferId, session, onClose }: TransferDrawerProps) {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  // Channel labels are the guide's (named from the catalogue off Korean: describeChannel); the
  // guide shows beside the type when several are loaded.
  const { guides } = useGuides();
  const queryClient = useQueryClient();
  const detail = useTransferDetail(transferId);
  const canWork = session.user.role === 'backoffice' || session.user.role === 'admin';
  const candidates = useMentionCandidates(transferId);
  const [comment, setComment] = useState('');
  // What the last posted comment's '@words' came to that named nobody (the server's answer).
  const [postedUnresolved, setPostedUnresolved] = useState<string[]>([]);
  const [retryAt, setRetryAt] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const retryRef = useRef<HTMLInputElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [revealReason, setRevealReason] = useState('');
  const [askingReason, setAskingReason] = useState(false);
  const reveal = useMutation({
    mutationFn: (input: { id: string; reason: string }) => revealTransferRequest(input.id, input.reason),
    onSuccess: () => {
      setAskingReason(false);
      setRevealReason('');
    },
  });
  // Revealed values belong to this transfer and this opening of the drawer only.
  const revealed = reveal.data && reveal.variables?.id === transferId ? reveal.data : null;
  const close = () => {
    reveal.reset();
    setPostedUnresolved([]);
    setAskingReason(false);
    setRevealReason('');
    onClose();
  };

  const refresh = () => queryClient.invalidateQueries({ queryKey: transferKeys.all });
  // A button pressed here may go away with the change it made (내가 담당 once taken, a move no
  // longer offered): focus would fall to <body>, outside the drawer. Once the refreshed drawer has
  // rendered, focus that fell out goes to the drawer itself, as after 'unreachable' (closeRetry).
  const refreshKeepingFocus = async () => {
    const dialog = contentRef.current?.closest<HTMLElement>('[role="dialog"]') ?? null;
    await refresh();
    requestAnimationFrame(() => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && dialog?.isConnected) dialog.focus();
    });
  };
  // A 409 means someone changed the transfer after this drawer last read it (a screen whose live
  // events had not arrived): read it again, so it shows what changed and offers the moves left,
  // instead of the same button refused again until the drawer is closed.
  const refreshIfChangedMeanwhile = (error: Error) => {
    if (error instanceof ApiError && error.status === 409) void refreshKeepingFocus();
  };
  const changeStatus = useMutation({
    mutationFn: (input: { status: TransferStatus; retryAt?: string }) =>
      requestJson({
        method: 'POST',
        path: `/api/v1/transfers/${transferId}/status`,
        bodySchema: changeTransferStatusSchema,
        body: { ...input, ...(detail.data ? { expectedStatus: detail.data.status } : {}) },
        schema: transferSchema,
      }),
    onSuccess: () => {
      closeRetry();
      void refreshKeepingFocus();
    },
    onError: (error) => refreshIfChangedMeanwhile(error),
  });
  // Taking sends the holder this drawer shows: one a colleague took a moment ago is refused (409,
  // naming who has it) instead of taken from them.
  const assign = useMutation({
    mutationFn: (assigneeId: string | null) =>
      requestJson({
        method: 'POST',
        path: `/api/v1/transfers/${transferId}/assign`,
        bodySchema: assignTransferSchema,
        body: {
          assigneeId,
          ...(detail.data ? { expectedAssigneeId: detail.data.assignee?.id ?? null } : {}),
        },
        schema: transferSchema,
      }),
    onSuccess: () => void refreshKeepingFocus(),
    onError: (error) => refreshIfChangedMeanwhile(error),
  });
  const postComment = useMutation({
    mutationFn: (body: string) =>
      requestJson({
        method: 'POST',
        path: `/api/v1/transfers/${transferId}/comments`,
        bodySchema: commentOnTransferSchema,
        body: { body },
        schema: postedTransferCommentSchema,
      }),
    onSuccess: (posted) => {
      setComment('');
      setPostedUnresolved(posted.unresolvedMentions);
      void refresh();
    },
  });

  // The retry field and its buttons go away when it is saved or cancelled; focus there would fall
  // to <body>, outside the drawer. It goes to the drawer itself instead: nothing is pressed by a
  // stray Enter, and its letter shortcuts and Esc keep working.
  const closeRetry = () => {
    const dialog = retryRef.current?.closest<HTMLElement>('[role="dialog"]');
    setRetryAt(null);
    if (dialog?.contains(document.activeElement)) dialog.focus();
  };

  const transfer = detail.data;
  const move = (status: TransferStatus) => {
    if (!transfer || changeStatus.isPending) return;
    if (status === 'unreachable') {
      // Empty: the server picks the default retry time in business hours.
      setRetryAt('');
      setTimeout(() => retryRef.current?.focus(), 0);
      return;
    }
    changeStatus.mutate({ status });
  };
  const confirmUnreachable = () => {
    changeStatus.mutate(
      retryAt ? { status: 'unreachable', retryAt: `${retryAt}:00+09:00` } : { status: 'unreachable' },
    );
  };

  useEffect(() => {
    if (!transfer) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
      // S, ㄴ (한글 mode) and Shift+S are one key (letterKeyOf).
      const key = letterKeyOf(event);
      if (key === null) return;
      if (key === 'c') {
        event.preventDefault();
        commentRef.current?.focus();
        return;
      }
      if (!canWork) return;
      if (key === 't' && transfer.assignee?.id !== session.user.id && transfer.status !== 'closed') {
        event.preventDefault();
        assign.mutate(session.user.id);
        return;
      }
      const next = transfer.nextStatuses.find((status) => moves[status].key === key);
      if (next) {
        event.preventDefault();
        move(next);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const error = changeStatus.error ?? assign.error ?? postComment.error;
  const timeLeft = transfer ? describeTimeLeft(transfer.sla, t) : null;
  // Erased (retention end or a data-subject request): the fields read empty and nothing is left to
  // reveal, so the drawer says why instead of offering 개인정보 보기.
  const erasedKey = transfer ? erasureMessageKey(transfer) : null;
  const erasedValue = t('transfers.erased.value');

  return (
    <Drawer
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={transferId !== null}
      onClose={close}
      position="right"
      size="xl"
      title={
        transfer ? (
          <NumberedDrawerTitle
            number={transfer.number}
            statusLabel={t(statusMessageKeys[transfer.status])}
            statusColor={statusColors[transfer.status]}
            statusTestId="drawer-status"
          >
            {transfer.kind === 'lead' && <Badge color="grape">{t('transfers.queue.leadBadge')}</Badge>}
            {transfer.leadId && (
              <Button
                size="compact-sm"
                variant="light"
                color="grape"
                onClick={() =>
                  navigate(`/queue?view=leads&lead=${encodeURIComponent(transfer.leadId ?? '')}`)
                }
                data-testid="open-lead"
              >
                {t('transfers.drawer.openLead')}
              </Button>
            )}
          </NumberedDrawerTitle>
        ) : (
          t('transfers.queue.tab')
        )
      }
      data-testid="transfer-drawer"
    >
      <QueryStates query={detail} loadingLabel={t('transfers.drawer.loading')} />
      {transfer && timeLeft && (
        <Stack gap="md" ref={contentRef}>
          <SimpleGrid cols={2} spacing="sm">
            <LabeledValue
              label={t('transfers.queue.type')}
              value={`${(guides?.length ?? 0) > 1 ? `${transfer.guideLabel} · ` : ''}${transfer.inquiryType}. ${transfer.inquiryTypeLabel}`}
            />
            <LabeledValue
              label={t('transfers.filing.channel')}
              value={describeGuideChannel(
                guides?.find((guide) => guide.id === transfer.guideId),
                transfer.channel,
                locale,
              )}
            />
            <LabeledValue label={t('transfers.drawer.company')} value={transfer.companyName || '-'} />
            <LabeledValue
              label={t('transfers.drawer.contactName')}
              value={(revealed ? revealed.contactName : transfer.contactName) || '-'}
              testId="transfer-contactName"
            />
            <LabeledValue
              label={t('transfers.queue.contact')}
              value={
                (revealed ? revealed.phone : transfer.phone) ??
                // The caller agreed to a call at the account's registered contact: no number was taken.
                (transfer.reachVia === 'registered-contact' ? t('transfers.filing.registeredContact') : '-')
              }
              testId="transfer-phone"
            />
            <LabeledValue
              label={t('transfers.drawer.email')}
              value={(revealed ? revealed.email : transfer.email) ?? '-'}
            />
          </SimpleGrid>
          <LabeledValue
            label={t('transfers.drawer.inquiry')}
            value={erasedKey ? erasedValue : revealed ? revealed.inquiry : transfer.inquiry}
          />
          <Group gap="lg">
            <LabeledValue label={t('transfers.queue.due')} value={format.dateTime(transfer.dueAt)} />
            <LabeledValue
              label={t('transfers.queue.timeLeft')}
              value={timeLeft.text}
              color={timeLeft.tone === 'overdue' ? 'red' : timeLeft.tone === 'soon' ? 'orange' : undefined}
            />
            {transfer.retryAt && (
              <LabeledValue label={t('transfers.drawer.retry')} value={format.dateTime(transfer.retryAt)} />
            )}
            <LabeledValue
              label={t('transfers.queue.assignee')}
              value={describeAssignee(transfer.assignee, t)}
              color={transfer.assignee?.disabled ? 'red.9' : undefined}
              testId="drawer-assignee"
            />
            <LabeledValue label={t('transfers.drawer.filedBy')} value={transfer.filedBy.name} />
          </Group>
          {erasedKey && (
            <Text size="sm" c="dark.5" data-testid="transfer-erased">
              {t(erasedKey)}
            </Text>
          )}
          {transfer.masked && !revealed && !erasedKey && (
            <Group gap="xs">
              <Text size="xs" c="dark.4">
                {t('transfers.drawer.masked')}
              </Text>
              {canRevealPersonalData(session.user.role) && !askingReason && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setAskingReason(true)}
                  data-testid="transfer-reveal"
                >
                  {t('transfers.drawer.reveal')}
                </Button>
              )}
            </Group>
          )}
          {askingReason && (
            <RevealReasonForm
              reason={revealReason}
              onReasonChange={setRevealReason}
              onReveal={(clearReason) => reveal.mutate({ id: transfer.id, reason: clearReason })}
              onCancel={() => setAskingReason(false)}
              revealing={reveal.isPending}
              placeholder={t('transfers.drawer.reasonPlaceholder')}
              description={t('transfers.drawer.reasonHint')}
              maxLength={500}
              inputTestId="transfer-reveal-reason"
            />
          )}
          {revealed && (
            <Text size="xs" c="orange.8" data-testid="transfer-revealed-note">
              {t('transfers.drawer.revealed')}
            </Text>
          )}
          {reveal.error && <Alert color="red">{reveal.error.message}</Alert>}
          {canWork && transfer.status !== 'closed' && (
            <Paper withBorder p="sm" radius="md">
              <Stack gap="xs">
                <Group gap="xs">
                  {transfer.nextStatuses.map((status) => (
                    <Button
                      key={status}
                      size="sm"
                      variant={status === 'received' ? 'default' : 'filled'}
                      color={statusColors[status]}
                      onClick={() => move(status)}
                      loading={changeStatus.isPending && changeStatus.variables?.status === status}
                      data-testid={`move-${status}`}
                    >
                      {t(moves[status].label)} <Kbd ml={6}>{moves[status].key.toUpperCase()}</Kbd>
                    </Button>
                  ))}
                  {transfer.assignee?.id !== session.user.id && (
                    <Button
                      size="sm"
                      variant="light"
                      onClick={() => assign.mutate(session.user.id)}
                      data-testid="take-transfer"
                    >
                      {t('transfers.drawer.take')} <Kbd ml={6}>T</Kbd>
                    </Button>
                  )}
                </Group>
                {closesWithLeadOutcome(transfer) && (
                  <Text size="xs" c="dark.4" data-testid="closes-with-lead">
                    {t('transfers.drawer.closesWithLead')}
                  </Text>
                )}
                {retryAt !== null && (
                  <Group gap="xs" align="flex-end">
                    <TextInput
                      ref={retryRef}
                      type="datetime-local"
                      label={t('transfers.drawer.retryAt')}
                      description={t('transfers.drawer.retryAtHint')}
                      value={retryAt}
                      onChange={(event) => setRetryAt(event.currentTarget.value)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') confirmUnreachable();
                      }}
                      data-testid="retry-at"
                    />
                    <Button color="orange" onClick={confirmUnreachable} data-testid="confirm-unreachable">
                      {t('transfers.drawer.saveUnreachable')}
                    </Button>
                    <Button variant="subtle" onClick={closeRetry}>
                      {t('common.cancel')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Divider label={t('transfers.drawer.comments')} labelPosition="left" />
          <Stack gap="xs" data-testid="transfer-comments">
            {transfer.comments.length === 0 && (
              <Text size="sm" c="dark.4">
                {t('transfers.drawer.noComments')}
              </Text>
            )}
            {transfer.comments.map((entry) => (
              <Paper key={entry.id} withBorder p="xs" radius="md">
                <Text size="xs" c="dark.4">
                  {entry.author.name} · {format.compact(entry.createdAt)}
                  {entry.mentions.length > 0 &&
                    ` · ${t('transfers.drawer.mentions', { names: entry.mentions.map((m) => m.name).join(', ') })}`}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="transfer-comment-body">
                  {/* Masked like all free text; revealed with the contact. */}
                  {revealed?.comments.find((clear) => clear.id === entry.id)?.body ??
                    (erasedKey && entry.body === '' ? erasedValue : entry.body)}
                </Text>
              </Paper>
            ))}
          </Stack>
          <MentionTextarea
            textareaRef={commentRef}
            placeholder={t('transfers.drawer.commentPlaceholder')}
            label={t('transfers.drawer.comments')}
            value={comment}
            onChange={(next) => {
              setComment(next);
              setPostedUnresolved([]);
            }}
            candidates={candidates.data}
            onSubmit={() => {
              if (comment.trim()) postComment.mutate(comment);
            }}
            testId="comment-input"
          />
          {postedUnresolved.length > 0 && (
            <Text size="xs" c="orange.9" role="status" data-testid="comment-unresolved-notice">
              {t('transfers.mention.postedUnresolved', {
                words: postedUnresolved.map((word) => `@${word}`).join(', '),
              })}
            </Text>
          )}
          <Group justify="space-between">
            <Group gap={4}>
              {(candidates.data ?? []).slice(0, 8).map((person) => (
                <Button
                  key={person.id}
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => {
                    setComment(
                      (current) =>
                        `${current}${current && !current.endsWith(' ') ? ' ' : ''}@${person.name} `,
                    );
                    setPostedUnresolved([]);
                    commentRef.current?.focus();
                  }}
                >
                  @{person.name}
                </Button>
              ))}
            </Group>
            <Button
              size="xs"
              onClick={() => comment.trim() && postComment.mutate(comment)}
              loading={postComment.isPending}
              data-testid="post-comment"
            >
              {t('transfers.drawer.postComment')} <Kbd ml={6}>Ctrl</Kbd>+<Kbd>Enter</Kbd>
            </Button>
          </Group>
          <Divider label={t('transfers.drawer.history')} labelPosition="left" />
          <Timeline bulletSize={12} lineWidth={2} data-testid="transfer-history">
            {transfer.history.map((entry) => (
              <Timeline.Item key={entry.id} title={entry.summary}>
                <Text size="xs" c="dark.4">
                  {entry.actor?.name ?? t('transfers.drawer.system')} · {format.dateTime(entry.at)}
                </Text>
                {revealed?.notes.some((clear) => clear.historyId === entry.id) && (
                  <Text
                    size="sm"
                    style={{ whiteSpace: 'pre-wrap' }}
                    data-testid="transfer-revealed-status-note"
                  >
                    {t('transfers.drawer.note')}{' '}
                    {revealed.notes.find((clear) => clear.historyId === entry.id)?.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Drawer>
  );
}
