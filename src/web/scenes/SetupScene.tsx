import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { completeSetupSchema } from '../../contract/auth/completeSetupSchema.ts';
import { sessionSchema } from '../../contract/auth/sessionSchema.ts';
import { MIN_PASSWORD_LENGTH } from '../../contract/users/passwordRules.ts';
import { csrfTokenStore } from '../api/csrfTokenStore.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { requestJson } from '../api/requestJson.ts';
import { useSetupStatus } from '../api/useSetupStatus.ts';
import { CenteredCard } from '../components/CenteredCard.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { addMessages } from '../i18n/catalogue.ts';
import { localeStore } from '../i18n/localeStore.ts';
import { loginMessages } from '../i18n/messages/login.ts';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../lib/useLocation.ts';

// This screen's words load with it (catalogue.ts: addMessages).
addMessages(loginMessages);

/** `/setup?token=…`: the first admin sets name, email and password from the one-time link. */
export function SetupScene({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const needsSetup = useSetupStatus();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const t = useT();

  const tooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== password;

  const setup = useMutation({
    mutationFn: () =>
      requestJson({
        method: 'POST',
        path: '/api/v1/setup',
        bodySchema: completeSetupSchema,
        body: { token, email: email.trim(), name: name.trim(), password, locale: localeStore.get() },
        schema: sessionSchema,
        expectUnauthorized: true,
      }),
    onSuccess: (session) => {
      csrfTokenStore.set(session.csrfToken);
      localeStore.set(session.preferences.locale);
      queryClient.setQueryData(queryKeys.session, session);
      queryClient.setQueryData(queryKeys.setup, { needsSetup: false });
      // The first admin goes on to the first-run checklist (accounts, assignees, SMTP, brochure, closures).
      navigate('/first-run', { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim() || !email.trim() || tooShort || mismatch || !password || confirm !== password) return;
    setup.mutate();
  };

  if (needsSetup.data === false) {
    return (
      <CenteredCard title={t('login.setup.doneTitle')}>
        <Alert color="blue">{t('login.setup.alreadyDone')}</Alert>
        <Anchor href="/login">{t('login.setup.toLogin')}</Anchor>
      </CenteredCard>
    );
  }

  return (
    <CenteredCard title={t('login.setup.title')} aside={<LanguageSwitch />}>
      {!token && (
        <Alert color="red" role="alert">
          {t('login.setup.noToken')}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('login.setup.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('login.setup.name')}
            required
            autoFocus
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={touched && !name.trim() ? t('login.setup.nameRequired') : undefined}
          />
          <TextInput
            label={t('login.email')}
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={touched && !email.trim() ? t('login.setup.emailRequired') : undefined}
          />
          <PasswordField
            label={t('login.password')}
            required
            autoComplete="new-password"
            description={t('login.setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={tooShort ? t('login.setup.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) : undefined}
          />
          <PasswordField
            label={t('login.setup.confirm')}
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={mismatch ? t('login.setup.mismatch') : undefined}
          />
          {setup.isError && (
            <Alert color="red" role="alert" title={t('login.setup.failed')}>
              <Stack gap={4}>
                <Text size="sm">{setup.error.message}</Text>
              </Stack>
            </Alert>
          )}
          <Button type="submit" size="md" loading={setup.isPending} disabled={!token}>
            {t('login.setup.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
