import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { loginSchema } from '../../contract/auth/loginSchema.ts';
import { sessionSchema } from '../../contract/auth/sessionSchema.ts';
import { csrfTokenStore } from '../api/csrfTokenStore.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { requestJson } from '../api/requestJson.ts';
import { useSetupStatus } from '../api/useSetupStatus.ts';
import { CenteredCard } from '../components/CenteredCard.tsx';

/** `/login`: email and password; the server's message is shown on failure (wrong password, locked). */
export function LoginScene({ notice }: { notice: string | null }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const needsSetup = useSetupStatus();

  const login = useMutation({
    mutationFn: () =>
      requestJson({
        method: 'POST',
        path: '/api/v1/auth/login',
        bodySchema: loginSchema,
        body: { email: email.trim(), password },
        schema: sessionSchema,
        expectUnauthorized: true,
      }),
    onSuccess: (session) => {
      csrfTokenStore.set(session.csrfToken);
      queryClient.setQueryData(queryKeys.session, session);
    },
    onError: () => setPassword(''),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <CenteredCard title="로그인">
      {needsSetup.data && (
        <Alert color="blue" title="처음 설치">
          관리자 계정이 아직 없습니다. 서버를 처음 시작할 때 출력된 설정 링크(/setup?token=…)를 열어 관리자
          비밀번호를 정해 주세요.
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
            label="이메일"
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label="비밀번호"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          {login.isError && (
            <Alert color="red" role="alert" title="로그인하지 못했습니다">
              {login.error.message}
            </Alert>
          )}
          <Button type="submit" size="md" loading={login.isPending} disabled={!email.trim() || !password}>
            로그인
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
