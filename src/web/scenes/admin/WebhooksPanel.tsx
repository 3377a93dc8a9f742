import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
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
import { QueryStates } from '../../components/QueryStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { TableWithActionsColumn } from '../../components/TableWithActionsColumn.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { type Translate, useT } from '../../i18n/useT.ts';
import { adminApi, adminKeys, type NewWebhook } from './adminApi.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { problemFieldErrors } from './problemFieldErrors.ts';

const eventLabels: Record<WebhookEventType, MessageKey> = {
  'transfer.filed': 'admin.webhooks.event.transfer.filed',
  'transfer.updated': 'admin.webhooks.event.transfer.updated',
  'transfer.commented': 'admin.webhooks.event.transfer.commented',
  '*': 'admin.webhooks.event.all',
};
const isEventType = (value: string): value is WebhookEventType =>
  webhookEventTypeSchema.safeParse(value).success;
const labelOfEvent = (value: string, t: Translate): string =>
  isEventType(value) ? t(eventLabels[value]) : value;

const deliveryStatus: Record<string, { label: MessageKey; color: string }> = {
  pending: { label: 'admin.webhooks.delivery.pending', color: 'yellow' },
  delivered: { label: 'admin.webhooks.delivery.delivered', color: 'teal' },
  failed: { label: 'admin.webhooks.delivery.failed', color: 'red' },
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
  const t = useT();
  const format = useFormat();
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
    webhooks.data?.find((webhook) => webhook.id === subscriptionId)?.url ??
    t('admin.webhooks.deletedSubscription');

  return (
    <Stack gap="md">
      <SectionPanel titleId="new-webhook-title" title={t('admin.webhooks.newTitle')}>
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
                label={t('admin.webhooks.url')}
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
                label={t('admin.webhooks.description')}
                placeholder={t('admin.webhooks.descriptionExample')}
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
              label={t('admin.webhooks.events')}
              value={draft.eventTypes}
              onChange={(values) =>
                setDraft((current) => ({ ...current, eventTypes: values.filter(isEventType) }))
              }
              error={problems.byField.eventTypes}
            >
              <Group gap="md" mt={4}>
                {webhookEventTypeSchema.options.map((eventType) => (
                  <Checkbox key={eventType} value={eventType} label={t(eventLabels[eventType])} />
                ))}
              </Group>
            </Checkbox.Group>
            <Checkbox
              label={t('admin.webhooks.includePersonalData')}
              checked={draft.includePersonalData}
              onChange={(event) => {
                const includePersonalData = event.currentTarget.checked;
                setDraft((current) => ({ ...current, includePersonalData }));
              }}
            />
            <Button type="submit" w="fit-content" loading={create.isPending}>
              {t('admin.webhooks.add')}
            </Button>
          </Stack>
        </form>
        {problems.general && <Alert color="red">{problems.general}</Alert>}
        {shownSecret && (
          <Alert color="yellow" title={t('admin.webhooks.secretTitle')} data-testid="webhook-secret">
            <Stack gap="xs">
              <Text size="sm">{t('admin.webhooks.secretHint', { url: shownSecret.url })}</Text>
              <Code block data-testid="webhook-secret-value">
                {shownSecret.secret}
              </Code>
              <Group gap="xs">
                <CopyTextButton size="xs" text={shownSecret.secret}>
                  {t('admin.webhooks.copy')}
                </CopyTextButton>
                <Button size="xs" variant="default" onClick={() => setShownSecret(null)}>
                  {t('admin.webhooks.close')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </SectionPanel>

      <SectionPanel titleId="webhooks-title" title={t('admin.webhooks.listTitle')}>
        <QueryStates query={webhooks} loadingLabel={t('admin.loading')} loaderSize="sm" />
        {(update.error ?? remove.error) && (
          <Alert color="red">{(update.error ?? remove.error)?.message}</Alert>
        )}
        {webhooks.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.webhooks.empty')}
          </Text>
        )}
        {webhooks.data && webhooks.data.length > 0 && (
          <TableWithActionsColumn
            striped
            data-testid="webhooks"
            columns={[
              t('admin.webhooks.column.url'),
              t('admin.webhooks.column.events'),
              t('admin.webhooks.column.secret'),
              t('admin.webhooks.column.active'),
            ]}
          >
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
                      {t('admin.webhooks.personalData')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {webhook.eventTypes.map((eventType) => labelOfEvent(eventType, t)).join(', ')}
                </Table.Td>
                <Table.Td>
                  <Code>{webhook.secretHint}</Code>
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('admin.webhooks.activeOf', { url: webhook.url })}
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
                      label={t('admin.webhooks.rotate')}
                      confirmLabel={t('admin.webhooks.confirmRotate')}
                      onConfirm={() => update.mutate({ id: webhook.id, change: { rotateSecret: true } })}
                    />
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="gray"
                      label={t('admin.webhooks.remove')}
                      confirmLabel={t('admin.webhooks.confirmRemove')}
                      onConfirm={() => remove.mutate(webhook.id)}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </TableWithActionsColumn>
        )}
      </SectionPanel>

      <SectionPaper titleId="deliveries-title">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="deliveries-title">
              {t('admin.webhooks.deliveriesTitle')}
            </Title>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => deliveries.refetch()}
              loading={deliveries.isFetching}
            >
              {t('admin.webhooks.refresh')}
            </Button>
          </Group>
          {deliveries.isError && <Alert color="red">{deliveries.error.message}</Alert>}
          {deliveries.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('admin.webhooks.noDeliveries')}
            </Text>
          )}
          {deliveries.data && deliveries.data.length > 0 && (
            <Table striped data-testid="webhook-deliveries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.webhooks.column.at')}</Table.Th>
                  <Table.Th>{t('admin.webhooks.column.events')}</Table.Th>
                  <Table.Th>{t('admin.webhooks.column.url')}</Table.Th>
                  <Table.Th>{t('admin.webhooks.column.status')}</Table.Th>
                  <Table.Th>{t('admin.webhooks.column.attempts')}</Table.Th>
                  <Table.Th>{t('admin.webhooks.column.response')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data.map((delivery) => {
                  const known = deliveryStatus[delivery.status];
                  const status = known
                    ? { label: t(known.label), color: known.color }
                    : { label: delivery.status, color: 'gray' };
                  return (
                    <Table.Tr key={delivery.id}>
                      <Table.Td>{format.compact(delivery.createdAt)}</Table.Td>
                      <Table.Td>{labelOfEvent(delivery.eventType, t)}</Table.Td>
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
      </SectionPaper>
    </Stack>
  );
}
