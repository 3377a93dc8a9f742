import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { SlaRule } from '../../../contract/transfers/slaRuleSchema.ts';
import type {
  TransferSettings,
  TransferTypeSettings,
} from '../../../contract/transfers/transferSettingsSchema.ts';
import { useBusinessHours } from '../../api/useBusinessHours.ts';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { type Translate, useT } from '../../i18n/useT.ts';
import { adminApi, adminKeys } from './adminApi.ts';
import { problemFieldErrors } from './problemFieldErrors.ts';
import { roleLabels } from './roleLabels.ts';

type Member = { userId: string; name: string; onDuty: boolean };

const isRoleKey = (role: string): role is keyof typeof roleLabels => role in roleLabels;
const labelOfRole = (role: string, t: Translate): string => (isRoleKey(role) ? t(roleLabels[role]) : role);

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * Edits one inquiry type's SLA and assignee rotation and saves it alone (PUT with that type only),
 * so two admins editing different types do not overwrite each other. The rotation order is the
 * list order; members off duty (비번: on leave, in training) are skipped without leaving it.
 */
export function TransferTypeEditor({
  type,
  candidates,
  onClose,
}: {
  type: TransferTypeSettings;
  candidates: TransferSettings['candidates'];
  onClose: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [slaKind, setSlaKind] = useState<SlaRule['kind']>(type.sla.kind);
  const [time, setTime] = useState(type.sla.kind === 'next-business-day' ? type.sla.time : '12:00');
  const [minutes, setMinutes] = useState(
    type.sla.kind === 'business-minutes' ? String(type.sla.minutes) : '',
  );
  const [members, setMembers] = useState<Member[]>(type.assignees);
  // The due time runs on the business day's hours (the default guide's line, as the header's badge
  // states them); the server refuses a time outside them, so the field says them up front.
  const line = useBusinessHours().data?.line;
  const available = candidates.filter((person) => !members.some((member) => member.userId === person.id));
  const [picked, setPicked] = useState('');
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: adminApi.updateTransferType,
    onSuccess: (settings) => {
      queryClient.setQueryData(adminKeys.transferSettings, settings);
      setSaved(true);
    },
  });
  const fields = [
    'sla/time',
    'sla/minutes',
    'sla',
    'assignees',
    ...members.map((_, index) => `assignees/${index}/userId`),
  ];
  const problems = problemFieldErrors(save.error, fields, 'types/0/');
  const changed = (update: () => void) => {
    setSaved(false);
    update();
  };
  const pickedId = available.some((person) => person.id === picked) ? picked : (available[0]?.id ?? '');
  const addMember = () => {
    const person = available.find((candidate) => candidate.id === pickedId);
    if (person)
      changed(() => setMembers([...members, { userId: person.id, name: person.name, onDuty: true }]));
  };

  return (
    <SectionPaper titleId="transfer-type-editor-title" data-testid="transfer-type-editor">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const sla: SlaRule =
            slaKind === 'next-business-day'
              ? { kind: slaKind, time: time.trim() }
              : { kind: slaKind, minutes: Number(minutes.trim()) };
          save.mutate({
            guideId: type.guideId,
            inquiryType: type.inquiryType,
            sla,
            assignees: members.map(({ userId, onDuty }) => ({ userId, onDuty })),
          });
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h5" id="transfer-type-editor-title" ref={heading} tabIndex={-1}>
            {t('admin.typeEditor.title', { type: type.inquiryType, label: type.label })}
          </Title>
          <Group align="flex-start" gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('admin.typeEditor.slaKind')}
              </Text>
              <SegmentedControl
                value={slaKind}
                onChange={(next) =>
                  changed(() =>
                    setSlaKind(next === 'business-minutes' ? 'business-minutes' : 'next-business-day'),
                  )
                }
                data={[
                  { value: 'next-business-day', label: t('admin.typeEditor.nextBusinessDay') },
                  { value: 'business-minutes', label: t('admin.typeEditor.businessMinutes') },
                ]}
              />
            </Stack>
            {slaKind === 'next-business-day' ? (
              <TextInput
                label={t('admin.typeEditor.time')}
                placeholder="12:00"
                value={time}
                onChange={(event) => changed(() => setTime(event.currentTarget.value))}
                description={
                  line
                    ? t('admin.typeEditor.timeHint', { opens: line.opens, closes: line.closes })
                    : undefined
                }
                error={problems.byField['sla/time'] ?? problems.byField.sla}
                w={220}
              />
            ) : (
              <TextInput
                label={t('admin.typeEditor.minutes')}
                placeholder={t('admin.typeEditor.minutesExample')}
                inputMode="numeric"
                value={minutes}
                onChange={(event) => changed(() => setMinutes(event.currentTarget.value))}
                error={problems.byField['sla/minutes'] ?? problems.byField.sla}
                w={200}
              />
            )}
          </Group>

          <Text size="sm" fw={500}>
            {t('admin.typeEditor.assignees')}
          </Text>
          {members.length === 0 ? (
            <Text size="sm" c="red">
              {t('admin.typeEditor.noAssignees')}
            </Text>
          ) : (
            <Table data-testid="assignees">
              <Table.Tbody>
                {members.map((member, index) => (
                  <Table.Tr key={member.userId} data-user-id={member.userId}>
                    <Table.Td>
                      <Text size="sm">{member.name}</Text>
                      {problems.byField[`assignees/${index}/userId`] && (
                        <Text size="xs" c="red">
                          {problems.byField[`assignees/${index}/userId`]}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        label={t('admin.typeEditor.onDuty')}
                        aria-label={t('admin.typeEditor.onDutyOf', { name: member.name })}
                        checked={member.onDuty}
                        onChange={(event) => {
                          const onDuty = event.currentTarget.checked;
                          changed(() =>
                            setMembers(members.map((m, i) => (i === index ? { ...m, onDuty } : m))),
                          );
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('admin.typeEditor.up', { name: member.name })}
                          disabled={index === 0}
                          onClick={() => changed(() => setMembers(move(members, index, index - 1)))}
                        >
                          ↑
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('admin.typeEditor.down', { name: member.name })}
                          disabled={index === members.length - 1}
                          onClick={() => changed(() => setMembers(move(members, index, index + 1)))}
                        >
                          ↓
                        </ActionIcon>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          onClick={() => changed(() => setMembers(members.filter((_, i) => i !== index)))}
                        >
                          {t('admin.typeEditor.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {problems.byField.assignees && (
            <Text size="xs" c="red">
              {problems.byField.assignees}
            </Text>
          )}
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('admin.typeEditor.addAssignee')}
              value={pickedId}
              onChange={(event) => setPicked(event.currentTarget.value)}
              data={
                available.length === 0
                  ? [{ value: '', label: t('admin.typeEditor.nobodyToAdd') }]
                  : available.map((person) => ({
                      value: person.id,
                      label: `${person.name} (${labelOfRole(person.role, t)})`,
                    }))
              }
              disabled={available.length === 0}
              w={260}
            />
            <Button variant="light" onClick={addMember} disabled={available.length === 0}>
              {t('admin.typeEditor.add')}
            </Button>
          </Group>

          {problems.general && <Alert color="red">{problems.general}</Alert>}
          {saved && (
            <Alert color="teal" data-testid="transfer-settings-saved">
              {t('admin.typeEditor.saved')}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {t('admin.typeEditor.save')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('admin.typeEditor.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionPaper>
  );
}
