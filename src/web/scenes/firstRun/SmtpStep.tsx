import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FirstRunStep } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { problemFieldErrors } from '../admin/problemFieldErrors.ts';
import { FirstRunStepCard } from './FirstRunStepCard.tsx';
import { firstRunApi, firstRunKey } from './firstRunApi.ts';

type SmtpStepData = Extract<FirstRunStep, { id: 'smtp' }>;

/**
 * Step 3: the SMTP server as configured (SMTP_URL, never its credentials) and a test mail sent
 * through the real outbox; the screen follows its delivery (the scene polls while it is queued).
 */
export function SmtpStep({
  step,
  position,
  defaultRecipient,
}: {
  step: SmtpStepData;
  position: number;
  defaultRecipient: string;
}) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [to, setTo] = useState(defaultRecipient);
  const send = useMutation({
    mutationFn: () => firstRunApi.sendTestMail(to.trim()),
    onSuccess: (checklist) => queryClient.setQueryData(firstRunKey, checklist),
  });
  const problems = problemFieldErrors(send.error, ['to']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const mail = step.lastTestMail;

  return (
    <FirstRunStepCard
      step={step}
      position={position}
      title={t('firstRun.smtp.title')}
      facts={step.configured && step.server ? t('firstRun.smtp.server', { server: step.server }) : null}
    >
      {!step.configured && (
        <Alert color="orange" variant="light" data-testid="first-run-smtp-missing">
          {t('firstRun.smtp.notConfigured')}
        </Alert>
      )}
      {step.configured && (
        <form onSubmit={submit} noValidate data-testid="first-run-test-mail-form">
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('firstRun.smtp.to')}
              type="email"
              autoComplete="email"
              value={to}
              onChange={(event) => setTo(event.currentTarget.value)}
              error={problems.byField.to}
              w={280}
            />
            <Button type="submit" loading={send.isPending}>
              {t('firstRun.smtp.send')}
            </Button>
          </Group>
        </form>
      )}
      {mail && (
        <Text
          size="sm"
          role="status"
          c={mail.status === 'failed' ? 'red' : mail.status === 'sent' ? 'teal.9' : undefined}
          data-testid="first-run-test-mail-status"
          data-status={mail.status}
        >
          {mail.status === 'sent'
            ? t('firstRun.smtp.status.sent', {
                to: mail.to,
                at: format.dateTime(mail.sentAt ?? mail.queuedAt),
              })
            : mail.status === 'failed'
              ? t('firstRun.smtp.status.failed', { to: mail.to, error: mail.lastError ?? '' })
              : t('firstRun.smtp.status.queued', { to: mail.to, at: format.dateTime(mail.queuedAt) })}
        </Text>
      )}
      {mail?.status === 'queued' && mail.lastError && (
        <Text size="sm" c="red">
          {t('firstRun.smtp.lastError', { error: mail.lastError })}
        </Text>
      )}
      {problems.general && (
        <Alert color="red" role="alert">
          {problems.general}
        </Alert>
      )}
    </FirstRunStepCard>
  );
}
