import { Alert, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { SeoulFormatters } from '../../../domain/calendar/seoulFormatters.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { describeBrochure } from './describeBrochure.ts';
import { useLeadEmail } from './leadApi.ts';

function kilobytes(bytes: number, format: SeoulFormatters): string {
  return `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/**
 * The brochure e-mail exactly as the outbox holds it — recipient (masked), subject, body and the
 * attached PDF — with its delivery state. Without SMTP_URL the mail never leaves the outbox, and
 * this is where the business team reads what the customer is meant to receive.
 */
export function LeadEmailPreview({ leadId }: { leadId: string }) {
  const t = useT();
  const format = useFormat();
  const email = useLeadEmail(leadId);
  if (email.isPending) return <Loader size="sm" aria-label={t('leads.email.loading')} />;
  if (email.isError) return <Alert color="red">{email.error.message}</Alert>;
  const mail = email.data;
  const state = describeBrochure({ status: mail.status, lastError: mail.lastError }, t);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="lead-email">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={state.color} variant="light">
            {state.label}
          </Badge>
          <Text size="xs" c="dark.4">
            {mail.sentAt
              ? t('leads.email.sentAt', { at: format.dateTime(mail.sentAt) })
              : t('leads.email.queuedAt', { at: format.dateTime(mail.createdAt), attempts: mail.attempts })}
          </Text>
        </Group>
        {state.reason && (
          <Text size="xs" c={mail.status === 'failed' ? 'red' : 'dark.5'} data-testid="lead-email-reason">
            {state.reason}
          </Text>
        )}
        <Text size="sm">
          <Text span c="dark.4">
            {t('leads.email.to')}{' '}
          </Text>
          {mail.to}
        </Text>
        <Text size="sm">
          <Text span c="dark.4">
            {t('leads.email.subject')}{' '}
          </Text>
          <Text span fw={600} data-testid="lead-email-subject">
            {mail.subject}
          </Text>
        </Text>
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap', maxHeight: 260, overflowY: 'auto' }}
          bg="gray.0"
          p="xs"
          data-testid="lead-email-body"
        >
          {mail.text}
        </Text>
        {mail.attachments.map((attachment) => (
          <Text size="xs" c="dark.5" key={attachment.filename}>
            {t('leads.email.attachment', {
              name: attachment.filename,
              size: kilobytes(attachment.sizeBytes, format),
            })}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
