import { Alert, Anchor, Button, Checkbox, Group, List, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FirstRunStep } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import { QueryStates } from '../../components/QueryStates.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/useT.ts';
import { navigate } from '../../lib/useLocation.ts';
import { adminApi } from '../admin/adminApi.ts';
import { FirstRunStepCard } from './FirstRunStepCard.tsx';
import { firstRunApi, firstRunKey } from './firstRunApi.ts';

type AssigneesStepData = Extract<FirstRunStep, { id: 'transfer-assignees' }>;

const roleKey = (role: string): MessageKey | null =>
  role === 'backoffice' ? 'firstRun.role.backoffice' : role === 'admin' ? 'firstRun.role.admin' : null;

/**
 * Step 2: one rotation for every inquiry type of every loaded guide in one request (or only the
 * types without anyone), instead of editing each type. Per-type SLA and order stay in the admin screen.
 */
export function AssigneesStep({ step, position }: { step: AssigneesStepData; position: number }) {
  const t = useT();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['first-run', 'transfer-settings'],
    queryFn: ({ signal }) => adminApi.transferSettings(signal),
  });
  const [picked, setPicked] = useState<string[]>([]);
  const [target, setTarget] = useState<'all' | 'unassigned'>('all');
  const [mode, setMode] = useState<'add' | 'replace'>('add');
  const [missingPick, setMissingPick] = useState(false);
  const assign = useMutation({
    mutationFn: firstRunApi.assignAllTypes,
    onSuccess: async (updated) => {
      queryClient.setQueryData(['first-run', 'transfer-settings'], updated);
      await queryClient.invalidateQueries({ queryKey: firstRunKey });
    },
  });
  const severalGuides = new Set(settings.data?.types.map((type) => type.guideId)).size > 1;
  const candidates = settings.data?.candidates ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked.length === 0) {
      setMissingPick(true);
      return;
    }
    setMissingPick(false);
    assign.mutate({
      assignees: picked.map((userId) => ({ userId, onDuty: true })),
      mode,
      ...(target === 'unassigned' && step.unassigned.length > 0
        ? { types: step.unassigned.map(({ guideId, inquiryType }) => ({ guideId, inquiryType })) }
        : {}),
    });
  };
  // How many types the last request set: the listed ones, or every type.
  const savedCount = assign.variables?.types?.length ?? step.typesTotal;

  return (
    <FirstRunStepCard
      step={step}
      position={position}
      title={t('firstRun.assignees.title')}
      facts={t('firstRun.assignees.facts', { assigned: step.typesAssigned, total: step.typesTotal })}
    >
      {step.unassigned.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('firstRun.assignees.unassigned')}
          </Text>
          <List size="sm" data-testid="first-run-unassigned">
            {step.unassigned.map((type) => (
              <List.Item key={`${type.guideId}:${type.inquiryType}`}>
                {severalGuides ? `${type.guideLabel} · ` : ''}
                {type.inquiryType}. {type.label}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <QueryStates query={settings} loadingLabel={t('common.loading')} loaderSize="sm" />
      {settings.data && candidates.length === 0 && (
        <Text size="sm" c="red">
          {t('firstRun.assignees.noCandidates')}
        </Text>
      )}
      {settings.data && candidates.length > 0 && (
        <form onSubmit={submit} noValidate data-testid="first-run-assignees-form">
          <Stack gap="sm">
            <Checkbox.Group
              label={t('firstRun.assignees.people')}
              value={picked}
              onChange={(next) => {
                // Keep the order people were ticked in: it is the rotation order.
                setPicked([
                  ...picked.filter((id) => next.includes(id)),
                  ...next.filter((id) => !picked.includes(id)),
                ]);
              }}
              error={missingPick ? t('firstRun.assignees.pickSomeone') : undefined}
            >
              <Group gap="md" mt={4}>
                {candidates.map((person) => {
                  const role = roleKey(person.role);
                  return (
                    <Checkbox
                      key={person.id}
                      value={person.id}
                      label={role ? `${person.name} (${t(role)})` : person.name}
                    />
                  );
                })}
              </Group>
            </Checkbox.Group>
            <Group gap="xl" align="flex-start">
              <Radio.Group
                label={t('firstRun.assignees.target')}
                value={target}
                onChange={(value) => setTarget(value === 'unassigned' ? 'unassigned' : 'all')}
              >
                <Group gap="md" mt={4}>
                  <Radio value="all" label={t('firstRun.assignees.target.all')} />
                  <Radio
                    value="unassigned"
                    label={t('firstRun.assignees.target.unassigned')}
                    disabled={step.unassigned.length === 0}
                  />
                </Group>
              </Radio.Group>
              <Radio.Group
                label={t('firstRun.assignees.mode')}
                value={mode}
                onChange={(value) => setMode(value === 'replace' ? 'replace' : 'add')}
              >
                <Group gap="md" mt={4}>
                  <Radio value="add" label={t('firstRun.assignees.mode.add')} />
                  <Radio value="replace" label={t('firstRun.assignees.mode.replace')} />
                </Group>
              </Radio.Group>
            </Group>
            <Group>
              <Button type="submit" loading={assign.isPending}>
                {t('firstRun.assignees.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {assign.isSuccess && (
        <Alert color="teal" variant="light" data-testid="first-run-assignees-saved">
          {t('firstRun.assignees.saved', { count: savedCount })}
        </Alert>
      )}
      {assign.error && (
        <Alert color="red" role="alert">
          {assign.error.message}
        </Alert>
      )}
      <Text size="xs" c="dark.4">
        {t('firstRun.assignees.perType')}{' '}
        <Anchor
          href="/admin"
          size="xs"
          underline="always"
          onClick={(event) => {
            event.preventDefault();
            navigate('/admin');
          }}
        >
          {t('firstRun.assignees.toAdmin')}
        </Anchor>
      </Text>
    </FirstRunStepCard>
  );
}
