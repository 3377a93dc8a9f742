import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type WebhookEventType,
  webhookEventTypeSchema,
} from '../../../contract/webhooks/webhookEventTypeSchema.ts';
import { CopyTextButton } from '../../components/CopyTextButton.tsx';
import { seoulTime } from '../../lib/seoulTime.ts';
import { adminApi, adminKeys, type NewWebhook } from './adminApi.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { problemFieldErrors } from './problemFieldErrors.ts';

const eventLabels: Record<WebhookEventType, string> = {
  'transfer.filed': '이관 접수',
  'transfer.updated': '이관 상태·담당 변경',
  'transfer.commented': '이관 댓글',
  '*': '모든 이벤트',
};
const isEventType = (value: string): value is WebhookEventType =>
  webhookEventTypeSchema.safeParse(value).success;
const labelOfEvent = (value: string): string => (isEventType(value) ? eventLabels[value] : value);

const deliveryStatus: Record<string, { label: string; color: string }> = {
  pending: { label: '대기·재시도', color: 'yellow' },
  delivered: { label: '전달됨', color: 'teal' },
  failed: { label: '실패', color: 'red' },
};

const emptyWebhook: NewWebhook = {
  url: '',
  description: '',
  eventTypes: ['transfer.filed'],
  includePersonalData: false,
};
const webhookFields = ['url', 'description', 'eventTypes', 'includePersonalData'] as const;

/**
 * Outbound webhooks: other systems subscribe to transfer events, signed with HMAC-SHA256. The
 * secret is shown only in the reply that created or rotated it, so this panel shows it once, with
 * a copy button, until the admin dismisses it. The delivery log shows what reached the receivers.
 */
export function WebhooksPanel() {
  const queryClient = useQueryClient();
  const webhooks = useQuery({
    queryKey: adminKeys.webhooks,
    queryFn: ({ signal }) => adminApi.listWebhooks(signal),
    select: (data) => data.items,
  });
  const deliveries = useQuery({
    queryKey: adminKeys.webhookDeliveries,
    queryFn: ({ signal }) => adminApi.webhookDeliveries(signal),
    select: (data) => data.items,
    refetchInterval: 30_000,
  });
  const [draft, setDraft] = useState<NewWebhook>(emptyWebhook);
  const [shownSecret, setShownSecret] = useState<{ url: string; secret: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.webhooks });
  const create = useMutation({
    mutationFn: adminApi.createWebhook,
    onSuccess: (webhook) => {
      if (webhook.secret) setShownSecret({ url: webhook.url, secret: webhook.secret });
      setDraft(emptyWebhook);
      return refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: { active?: boolean; rotateSecret?: boolean } }) =>
      adminApi.updateWebhook(id, change),
    onSuccess: (webhook) => {
      if (webhook.secret) setShownSecret({ url: webhook.url, secret: webhook.secret });
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: adminApi.removeWebhook, onSuccess: refresh });
  const problems = problemFieldErrors(create.error, webhookFields);
  const urlOf = (subscriptionId: string) =>
    webhooks.data?.find((webhook) => webhook.id === subscriptionId)?.url ?? '(삭제된 구독)';

  return (
    <Stack gap="md">
      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="new-webhook-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-webhook-title">
            웹훅 구독 추가
          </Title>
          <form
            data-testid="new-webhook-form"
            onSubmit={(event) => {
              event.preventDefault();
              setShownSecret(null);
              create.mutate({ ...draft, url: draft.url.trim(), description: draft.description.trim() });
            }}
          >
            <Stack gap="sm">
              <Group align="flex-start" gap="sm">
                <TextInput
                  label="받는 주소 (URL)"
                  placeholder="https://example.com/ieum-webhook"
                  value={draft.url}
                  onChange={(event) => {
                    const url = event.currentTarget.value;
                    setDraft((current) => ({ ...current, url }));
                  }}
                  error={problems.byField.url}
                  w={380}
                />
                <TextInput
                  label="설명"
                  placeholder="예: CRM 연동"
                  value={draft.description}
                  onChange={(event) => {
                    const description = event.currentTarget.value;
                    setDraft((current) => ({ ...current, description }));
                  }}
                  error={problems.byField.description}
                  w={260}
                />
              </Group>
              <Checkbox.Group
                label="받을 이벤트"
                value={draft.eventTypes}
                onChange={(values) =>
                  setDraft((current) => ({ ...current, eventTypes: values.filter(isEventType) }))
                }
                error={problems.byField.eventTypes}
              >
                <Group gap="md" mt={4}>
                  {webhookEventTypeSchema.options.map((eventType) => (
                    <Checkbox key={eventType} value={eventType} label={eventLabels[eventType]} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Checkbox
                label="개인정보(담당자 이름·연락처·이메일)를 가리지 않고 보냄 — 신뢰할 수 있는 수신처만"
                checked={draft.includePersonalData}
                onChange={(event) => {
                  const includePersonalData = event.currentTarget.checked;
                  setDraft((current) => ({ ...current, includePersonalData }));
                }}
              />
              <Button type="submit" w="fit-content" loading={create.isPending}>
                구독 추가
              </Button>
            </Stack>
          </form>
          {problems.general && <Alert color="red">{problems.general}</Alert>}
          {shownSecret && (
            <Alert color="yellow" title="서명 비밀키 — 지금 한 번만 표시됩니다" data-testid="webhook-secret">
              <Stack gap="xs">
                <Text size="sm">
                  {shownSecret.url} 에서 X-Ieum-Signature (HMAC-SHA256)를 검증할 때 씁니다. 닫으면 다시 볼 수
                  없습니다.
                </Text>
                <Code block data-testid="webhook-secret-value">
                  {shownSecret.secret}
                </Code>
                <Group gap="xs">
                  <CopyTextButton size="xs" text={shownSecret.secret}>
                    복사
                  </CopyTextButton>
                  <Button size="xs" variant="default" onClick={() => setShownSecret(null)}>
                    확인, 닫기
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="webhooks-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="webhooks-title">
            구독 목록
          </Title>
          {webhooks.isPending && <Loader size="sm" aria-label="불러오는 중" />}
          {webhooks.isError && <Alert color="red">{webhooks.error.message}</Alert>}
          {(update.error ?? remove.error) && (
            <Alert color="red">{(update.error ?? remove.error)?.message}</Alert>
          )}
          {webhooks.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              구독이 없습니다.
            </Text>
          )}
          {webhooks.data && webhooks.data.length > 0 && (
            <Table striped data-testid="webhooks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>주소</Table.Th>
                  <Table.Th>이벤트</Table.Th>
                  <Table.Th>비밀키</Table.Th>
                  <Table.Th>사용</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {webhooks.data.map((webhook) => (
                  <Table.Tr key={webhook.id} data-url={webhook.url}>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {webhook.url}
                      </Text>
                      {webhook.description && (
                        <Text size="xs" c="dimmed">
                          {webhook.description}
                        </Text>
                      )}
                      {webhook.includePersonalData && (
                        <Badge size="xs" color="orange" variant="light">
                          개인정보 포함
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{webhook.eventTypes.map(labelOfEvent).join(', ')}</Table.Td>
                    <Table.Td>
                      <Code>{webhook.secretHint}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`${webhook.url} 사용`}
                        checked={webhook.active}
                        onChange={(event) =>
                          update.mutate({ id: webhook.id, change: { active: event.currentTarget.checked } })
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          label="비밀키 재발급"
                          confirmLabel="한 번 더 누르면 재발급"
                          onConfirm={() => update.mutate({ id: webhook.id, change: { rotateSecret: true } })}
                        />
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          color="gray"
                          label="삭제"
                          confirmLabel="한 번 더 누르면 삭제"
                          onConfirm={() => remove.mutate(webhook.id)}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="deliveries-title">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="deliveries-title">
              전달 기록
            </Title>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => deliveries.refetch()}
              loading={deliveries.isFetching}
            >
              새로 고침
            </Button>
          </Group>
          {deliveries.isError && <Alert color="red">{deliveries.error.message}</Alert>}
          {deliveries.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              아직 전달한 이벤트가 없습니다.
            </Text>
          )}
          {deliveries.data && deliveries.data.length > 0 && (
            <Table striped data-testid="webhook-deliveries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>발생</Table.Th>
                  <Table.Th>이벤트</Table.Th>
                  <Table.Th>주소</Table.Th>
                  <Table.Th>상태</Table.Th>
                  <Table.Th>시도</Table.Th>
                  <Table.Th>응답·오류</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data.map((delivery) => {
                  const status = deliveryStatus[delivery.status] ?? { label: delivery.status, color: 'gray' };
                  return (
                    <Table.Tr key={delivery.id}>
                      <Table.Td>{seoulTime.compact(delivery.createdAt)}</Table.Td>
                      <Table.Td>{labelOfEvent(delivery.eventType)}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{urlOf(delivery.subscriptionId)}</Table.Td>
                      <Table.Td>
                        <Badge color={status.color} variant="light">
                          {status.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{delivery.attempts}</Table.Td>
                      <Table.Td>
                        {[
                          delivery.responseCode ? `HTTP ${delivery.responseCode}` : '',
                          delivery.lastError ?? '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
