import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { loginSchema } from '../../contract/auth/loginSchema.ts';
import { sessionSchema } from '../../contract/auth/sessionSchema.ts';
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

// This screen's words load with it (catalogue.ts: addMessages).
addMessages(loginMessages);

/** `/login`: email and password; the server's message is shown on failure (wrong password, locked). */
export function LoginScene({ notice }: { notice: string | null }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const needsSetup = useSetupStatus();
  const t = useT();

  const login = useMutation({
    mutationFn: () =>
      requestJson({
        method: 'POST',
        path: '/api/v1/auth/login',
        bodySchema: loginSchema,
        // The page's language: an account that has never chosen one keeps it (first sign-in).
        body: { email: email.trim(), password, locale: localeStore.get() },
        schema: sessionSchema,
        expectUnauthorized: true,
      }),
    onSuccess: (session) => {
      csrfTokenStore.set(session.csrfToken);
      localeStore.set(session.preferences.locale);
      queryClient.setQueryData(queryKeys.session, session);
    },
    onError: () => setPassword(''),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <CenteredCard title={t('login.title')} aside={<LanguageSwitch />}>
      {needsSetup.data && (
        <Alert color="blue" title={t('login.firstInstallTitle')}>
          {t('login.firstInstall')}
        </Alert>
      )}
      {notice && !login.isError && (
        <Alert color="yellow" role="status">
          {notice}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordField
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          {login.isError && (
            <Alert color="red" role="alert" title={t('login.failed')}>
              {login.error.message}
            </Alert>
          )}
          <Button type="submit" size="md" loading={login.isPending} disabled={!email.trim() || !password}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
