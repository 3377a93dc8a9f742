import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
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
import { navigate } from '../lib/useLocation.ts';

/** `/setup?token=…`: the first admin sets name, email and password from the one-time link. */
export function SetupScene({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const needsSetup = useSetupStatus();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);

  const tooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== password;

  const setup = useMutation({
    mutationFn: () =>
      requestJson({
        method: 'POST',
        path: '/api/v1/setup',
        bodySchema: completeSetupSchema,
        body: { token, email: email.trim(), name: name.trim(), password },
        schema: sessionSchema,
        expectUnauthorized: true,
      }),
    onSuccess: (session) => {
      csrfTokenStore.set(session.csrfToken);
      queryClient.setQueryData(queryKeys.session, session);
      queryClient.setQueryData(queryKeys.setup, { needsSetup: false });
      navigate('/', { replace: true });
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
      <CenteredCard title="관리자 설정">
        <Alert color="blue">이미 설정이 끝났습니다.</Alert>
        <Anchor href="/login">로그인 화면으로</Anchor>
      </CenteredCard>
    );
  }

  return (
    <CenteredCard title="관리자 계정 만들기">
      {!token && (
        <Alert color="red" role="alert">
          설정 링크에 토큰이 없습니다. 서버를 시작할 때 출력된 링크를 그대로 열어 주세요.
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        처음 설치할 때 한 번만 쓰는 화면입니다. 이 계정으로 다른 사용자를 추가할 수 있습니다.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="이름"
            required
            autoFocus
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={touched && !name.trim() ? '이름을 입력해 주세요' : undefined}
          />
          <TextInput
            label="이메일"
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={touched && !email.trim() ? '이메일을 입력해 주세요' : undefined}
          />
          <PasswordInput
            label="비밀번호"
            required
            autoComplete="new-password"
            description={`${MIN_PASSWORD_LENGTH}자 이상`}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={tooShort ? `비밀번호는 ${MIN_PASSWORD_LENGTH}자 이상이어야 합니다` : undefined}
          />
          <PasswordInput
            label="비밀번호 확인"
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={mismatch ? '비밀번호가 일치하지 않습니다' : undefined}
          />
          {setup.isError && (
            <Alert color="red" role="alert" title="설정하지 못했습니다">
              <Stack gap={4}>
                <Text size="sm">{setup.error.message}</Text>
              </Stack>
            </Alert>
          )}
          <Button type="submit" size="md" loading={setup.isPending} disabled={!token}>
            관리자 계정 만들기
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
