import { Alert, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { CopyTextButton } from '../../components/CopyTextButton.tsx';
import { adminApi } from './adminApi.ts';
import { problemFieldErrors } from './problemFieldErrors.ts';

/**
 * An API token acting as the signed-in admin, for an integration (CTI, reports). The server keeps
 * only its hash, so it is shown here once and never again.
 */
export function ApiTokenPanel() {
  const [name, setName] = useState('integration');
  const create = useMutation({ mutationFn: adminApi.createOwnToken });
  const problems = problemFieldErrors(create.error, ['name']);
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="api-token-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="api-token-title">
          내 API 토큰
        </Title>
        <Text size="sm" c="dimmed">
          연동 시스템이 내 권한으로 API를 호출할 때 씁니다 (Authorization: Bearer …).
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(name.trim());
          }}
        >
          <Group align="flex-start" gap="sm">
            <TextInput
              label="토큰 이름"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={problems.byField.name}
              w={260}
            />
            <Button type="submit" mt={25} variant="light" loading={create.isPending}>
              토큰 발급
            </Button>
          </Group>
        </form>
        {problems.general && <Alert color="red">{problems.general}</Alert>}
        {create.data && (
          <Alert color="yellow" title="지금 한 번만 표시됩니다" data-testid="api-token">
            <Stack gap="xs">
              <Code block>{create.data.token}</Code>
              <Group gap="xs">
                <CopyTextButton size="xs" text={create.data.token}>
                  복사
                </CopyTextButton>
                <Button size="xs" variant="default" onClick={() => create.reset()}>
                  확인, 닫기
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
