import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { LabeledValue } from '../../components/LabeledValue.tsx';
import { NumberedDrawerTitle } from '../../components/NumberedDrawerTitle.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { RevealReasonForm } from '../../components/RevealReasonForm.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { canRevealPersonalData } from '../privacy/privacyRoles.ts';
import { describeAssignee } from '../queue/describeAssignee.ts';
import { CallbackOutcomeForm } from './CallbackOutcomeForm.tsx';
import { describeLeadCallback } from './describeLeadCallback.ts';
import { LeadEmailPreview } from './LeadEmailPreview.tsx';
import { leadKeys, resendBrochureRequest, revealLeadRequest, useLeadDetail } from './leadApi.ts';
import { leadStatusColors } from './leadStatusColors.ts';
import { callbackOutcomeMessageKeys, leadStatusMessageKeys } from './leadStatusMessageKeys.ts';
import { SameCustomerLeads } from './SameCustomerLeads.tsx';

/** Props of the lead drawer. */
export type LeadDrawerProps = {
  leadId: string | null;
  session: Session;
  onClose: () => void;
  onOpenTransfer: (transferId: string) => void;
  /** Opens another lead in this drawer (one of the customer's other leads). */
  onOpenLead: (leadId: string) => void;
};

/**
 * One sign-up lead: contact fields (masked; the business team reveals them with a reason, logged,
 * shown in this drawer only), the brochure e-mail as sent or waiting in the outbox, the OB callback
 * with its due time in business hours, the outcome form (1–5, Ctrl+Enter) and every attempt so far.
 */
export function LeadDrawer({ leadId, session, onClose, onOpenTransfer, onOpenLead }: LeadDrawerProps) {
  const t = useT();
  const format = useFormat();
  const detail = useLeadDetail(leadId);
  const canWork = session.user.role === 'backoffice' || session.user.role === 'admin';
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: (id: string) => resendBrochureRequest(id),
    onSuccess: (updated) => {
      queryClient.setQueryData(leadKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    },
  });
  const reveal = useMutation({
    mutationFn: (input: { id: string; reason: string }) => revealLeadRequest(input.id, input.reason),
    onSuccess: () => {
      setAsking(false);
      setReason('');
    },
  });
  // Revealed values belong to this lead and this opening of the drawer only.
  const revealed = reveal.data && reveal.variables?.id === leadId ? reveal.data : null;
  const close = () => {
    reveal.reset();
    resend.reset();
    setAsking(false);
    setReason('');
    onClose();
  };

  const lead = detail.data;
  const callback = lead ? describeLeadCallback(lead.callback, t) : null;
  const closed = lead?.status === 'won' || lead?.status === 'lost';

  return (
    <Drawer
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={leadId !== null}
      onClose={close}
      position="right"
      size="xl"
      title={
        lead ? (
          <NumberedDrawerTitle
            number={lead.number}
            statusLabel={t(leadStatusMessageKeys[lead.status])}
            statusColor={leadStatusColors[lead.status]}
            statusTestId="lead-drawer-status"
          >
            <Badge color="grape" variant="light">
              {t('leads.filing.title')}
            </Badge>
          </NumberedDrawerTitle>
        ) : (
          t('leads.filing.title')
        )
      }
      data-testid="lead-drawer"
    >
      <QueryStates query={detail} loadingLabel={t('leads.drawer.loading')} />
      {lead && callback && (
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="sm">
            <LabeledValue label={t('leads.drawer.company')} value={lead.companyName} />
            <LabeledValue
              label={t('leads.drawer.contact')}
              value={revealed?.contactName ?? lead.contactName}
              testId="lead-contactName"
            />
            <LabeledValue
              label={t('transfers.queue.contact')}
              value={revealed?.phone ?? lead.phone}
              testId="lead-phone"
            />
            <LabeledValue
              label={t('transfers.filing.email')}
              value={revealed?.email ?? lead.email}
              testId="lead-email-address"
            />
            <LabeledValue label={t('leads.drawer.businessNumber')} value={lead.businessNumber ?? '-'} />
            <LabeledValue
              label={t('leads.drawer.assignee')}
              value={describeAssignee(lead.assignee, t)}
              color={lead.assignee?.disabled ? 'red.9' : undefined}
              testId="lead-assignee"
            />
            <LabeledValue
              label={t('leads.drawer.filed')}
              value={`${format.dateTime(lead.createdAt)} · ${lead.filedBy.name}`}
            />
            <LabeledValue
              label={t('leads.drawer.firstCall')}
              value={lead.firstCalledAt ? format.dateTime(lead.firstCalledAt) : t('leads.drawer.notYet')}
            />
          </SimpleGrid>
          <Group gap="xs">
            {lead.masked && !revealed && canRevealPersonalData(session.user.role) && !asking && (
              <Button size="xs" variant="light" onClick={() => setAsking(true)} data-testid="lead-reveal">
                {t('transfers.drawer.reveal')}
              </Button>
            )}
            <Button size="xs" variant="subtle" onClick={() => onOpenTransfer(lead.transferId)}>
              {t('leads.drawer.openTransfer', { number: lead.number })}
            </Button>
          </Group>
          {asking && (
            <RevealReasonForm
              reason={reason}
              onReasonChange={setReason}
              onReveal={(clearReason) => reveal.mutate({ id: lead.id, reason: clearReason })}
              onCancel={() => setAsking(false)}
              revealing={reveal.isPending}
              placeholder={t('leads.drawer.reasonPlaceholder')}
              // As the transfer drawer asks: the server keeps a reason of up to 500 characters, in the access log.
              description={t('transfers.drawer.reasonHint')}
              maxLength={500}
              inputTestId="lead-reveal-reason"
            />
          )}
          {revealed && (
            <Text size="xs" c="var(--mantine-color-orange-light-color)">
              {t('transfers.drawer.revealed')}
            </Text>
          )}
          {reveal.error && <Alert color="red">{reveal.error.message}</Alert>}
          {lead.repeatOf && (
            <Alert
              color="grape"
              variant="light"
              p="xs"
              title={t('leads.repeat.title', { number: lead.repeatOf.number })}
              data-testid="lead-repeat"
            >
              <Text size="sm">
                {/* Held by the open lead's holder, its callback is that lead's; else it has its own. */}
                {lead.callback.dueAt === null && lead.callback.attempts === 0
                  ? t('leads.repeat.joined')
                  : t('leads.repeat.ownCallback')}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                px={0}
                onClick={() => lead.repeatOf && onOpenLead(lead.repeatOf.id)}
                data-testid="lead-repeat-open"
              >
                {t('leads.repeat.open', { number: lead.repeatOf.number })}
              </Button>
            </Alert>
          )}
          <SameCustomerLeads leadId={lead.id} onOpen={onOpenLead} />

          <Divider label={t('leads.drawer.callbacks')} labelPosition="left" />
          <Group gap="lg">
            <LabeledValue
              label={t('leads.drawer.callbackDue')}
              value={lead.callback.dueAt ? format.dateTime(lead.callback.dueAt) : t('leads.callback.none')}
              testId="lead-callback-due"
            />
            {callback.tone !== 'none' && (
              <LabeledValue
                label={callback.label}
                value={callback.detail}
                color={callback.tone === 'overdue' ? 'red' : callback.tone === 'due' ? 'orange' : undefined}
              />
            )}
            <LabeledValue
              label={t('leads.drawer.attempts')}
              value={t('leads.drawer.attemptCount', { count: lead.callback.attempts })}
            />
            {lead.lastOutcome && (
              <LabeledValue
                label={t('leads.drawer.lastOutcome')}
                value={t(callbackOutcomeMessageKeys[lead.lastOutcome])}
              />
            )}
          </Group>
          {callback.brochureNotSent && (
            <Alert
              color="orange"
              variant="light"
              title={callback.brochureNotSent}
              data-testid="lead-brochure-not-sent"
            >
              {t('leads.drawer.brochureNotSentHint')}
            </Alert>
          )}
          {lead.status === 'new' && (
            <Text size="xs" c="dark.4">
              {t('leads.drawer.callbackAfterBrochure')}
            </Text>
          )}
          {canWork && !closed && <CallbackOutcomeForm key={lead.id} lead={lead} />}
          {closed && (
            <Text size="sm" c="dark.5">
              {lead.closedAt ? `${format.dateTime(lead.closedAt)} · ` : ''}
              {lead.status === 'won' ? t('leads.drawer.won') : t('leads.drawer.lost')}
            </Text>
          )}
          {(lead.callbacks ?? []).length > 0 && (
            <Timeline bulletSize={12} lineWidth={2} data-testid="lead-callbacks">
              {(lead.callbacks ?? []).map((entry) => (
                <Timeline.Item
                  key={entry.attempt}
                  title={t('leads.drawer.callbackEntry', {
                    n: entry.attempt,
                    outcome: t(callbackOutcomeMessageKeys[entry.outcome]),
                  })}
                >
                  <Text size="xs" c="dark.4">
                    {entry.actor?.name ?? t('transfers.drawer.system')} · {format.dateTime(entry.at)}
                    {entry.retryAt
                      ? ` · ${t('leads.drawer.retryAt', { at: format.dateTime(entry.retryAt) })}`
                      : ''}
                  </Text>
                  {entry.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="lead-callback-note">
                      {/* Masked like all free text; revealed with the contact. */}
                      {revealed?.callbacks.find((clear) => clear.attempt === entry.attempt)?.note ??
                        entry.note}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          )}

          <Divider label={t('leads.queue.brochure')} labelPosition="left" />
          {canWork &&
            lead.personalDataErasedAt === null &&
            (lead.brochure.status === 'queued' || lead.brochure.status === 'failed') && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  loading={resend.isPending}
                  onClick={() => resend.mutate(lead.id)}
                  data-testid="lead-brochure-resend"
                >
                  {t('leads.drawer.resend')}
                </Button>
                <Text size="xs" c="dark.4">
                  {resend.isSuccess && resend.variables === lead.id
                    ? t('leads.drawer.resendDone')
                    : t('leads.drawer.resendHint')}
                </Text>
              </Group>
            )}
          {resend.error && resend.variables === lead.id && <Alert color="red">{resend.error.message}</Alert>}
          {lead.brochure.sentWith ? (
            // None was queued for this lead: the customer has it from their earlier one.
            <Text size="sm" c="dark.5" data-testid="lead-brochure-sent-with">
              {t('leads.brochure.sentWithHint', { number: lead.brochure.sentWith.number })}
            </Text>
          ) : (
            <LeadEmailPreview leadId={lead.id} />
          )}
        </Stack>
      )}
    </Drawer>
  );
}
