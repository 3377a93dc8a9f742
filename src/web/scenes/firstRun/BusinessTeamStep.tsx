import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FirstRunStep } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import { createUserSchema } from '../../../contract/users/createUserSchema.ts';
import { MIN_PASSWORD_LENGTH } from '../../../contract/users/passwordRules.ts';
import { userSchema } from '../../../contract/users/userSchema.ts';
import { requestJson } from '../../api/requestJson.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useT } from '../../i18n/useT.ts';
import { problemFieldErrors } from '../admin/problemFieldErrors.ts';
import { FirstRunStepCard } from './FirstRunStepCard.tsx';
import { firstRunKey } from './firstRunApi.ts';

type BusinessTeamStepData = Extract<FirstRunStep, { id: 'business-team' }>;

/** Step 1: a business-team account made right here (more in the admin screen's accounts tab). */
export function BusinessTeamStep({ step, position }: { step: BusinessTeamStepData; position: number }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () =>
      requestJson({
        method: 'POST',
        path: '/api/v1/users',
        bodySchema: createUserSchema,
        body: { name: name.trim(), email: email.trim(), password, role: 'backoffice' },
        schema: userSchema,
      }),
    onSuccess: async () => {
      setName('');
      setEmail('');
      setPassword('');
      // The new member is also a candidate assignee of step 2.
      await queryClient.invalidateQueries({ queryKey: firstRunKey });
      await queryClient.invalidateQueries({ queryKey: ['first-run', 'transfer-settings'] });
    },
  });
  const problems = problemFieldErrors(create.error, ['name', 'email', 'password']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <FirstRunStepCard
      step={step}
      position={position}
      title={t('firstRun.businessTeam.title')}
      facts={t('firstRun.businessTeam.facts', { count: step.activeAccounts })}
    >
      {step.state === 'to-do' && (
        <>
          <Text size="sm" c="dark.4">
            {t('firstRun.businessTeam.hint')}
          </Text>
          <form onSubmit={submit} noValidate data-testid="first-run-account-form">
            <Group align="flex-start" gap="sm">
              <TextInput
                label={t('firstRun.businessTeam.name')}
                autoComplete="off"
                required
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={problems.byField.name}
                w={180}
              />
              <TextInput
                label={t('firstRun.businessTeam.email')}
                type="email"
                autoComplete="off"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={problems.byField.email}
                w={240}
              />
              <PasswordField
                label={t('firstRun.businessTeam.password')}
                autoComplete="new-password"
                required
                description={t('login.setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={problems.byField.password}
                w={240}
              />
            </Group>
            <Group mt="sm">
              <Button type="submit" loading={create.isPending}>
                {t('firstRun.businessTeam.create')}
              </Button>
            </Group>
          </form>
        </>
      )}
      {create.isSuccess && (
        <Alert color="teal" variant="light" data-testid="first-run-account-created">
          {t('firstRun.businessTeam.created', { name: create.data.name })}
        </Alert>
      )}
      {problems.general && (
        <Alert color="red" role="alert">
          {problems.general}
        </Alert>
      )}
    </FirstRunStepCard>
  );
}
