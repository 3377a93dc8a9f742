import { Alert, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { seoulTime } from '../../lib/seoulTime.ts';
import { describeBrochure } from './describeBrochure.ts';
import { useLeadEmail } from './leadApi.ts';

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('ko-KR')} KB`;
}

/**
 * The brochure e-mail exactly as the outbox holds it — recipient (masked), subject, body and the
 * attached PDF — with its delivery state. Without SMTP_URL the mail never leaves the outbox, and
 * this is where the business team reads what the customer is meant to receive.
 */
export function LeadEmailPreview({ leadId }: { leadId: string }) {
  const email = useLeadEmail(leadId);
  if (email.isPending) return <Loader size="sm" aria-label="메일 불러오는 중" />;
  if (email.isError) return <Alert color="red">{email.error.message}</Alert>;
  const mail = email.data;
  const state = describeBrochure({
    status: mail.status,
    attempts: mail.attempts,
    lastError: mail.lastError,
    sentAt: mail.sentAt,
  });
  return (
    <Paper withBorder p="sm" radius="md" data-testid="lead-email">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={state.color} variant="light">
            {state.label}
          </Badge>
          <Text size="xs" c="dark.4">
            {mail.sentAt
              ? `${seoulTime.dateTime(mail.sentAt)} 발송`
              : `${seoulTime.dateTime(mail.createdAt)} 대기열 등록 · 시도 ${mail.attempts}회`}
          </Text>
        </Group>
        {state.reason && (
          <Text size="xs" c={mail.status === 'failed' ? 'red' : 'dark.5'} data-testid="lead-email-reason">
            {state.reason}
          </Text>
        )}
        <Text size="sm">
          <Text span c="dark.4">
            받는 사람:{' '}
          </Text>
          {mail.to}
        </Text>
        <Text size="sm">
          <Text span c="dark.4">
            제목:{' '}
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
            첨부: {attachment.filename} ({kilobytes(attachment.sizeBytes)})
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
