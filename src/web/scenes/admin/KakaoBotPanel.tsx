import { Alert, Badge, Button, Checkbox, Code, Loader, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { kakaoSkillTokenSchema } from '../../../contract/kakao/kakaoSkillTokenSchema.ts';
import {
  type RotateKakaoSkillTokenInput,
  rotateKakaoSkillTokenSchema,
} from '../../../contract/kakao/rotateKakaoSkillTokenSchema.ts';
import { kakaoApi } from '../../api/kakaoApi.ts';
import { requestJson } from '../../api/requestJson.ts';
import { KakaoBotSummary } from '../../components/KakaoBotSummary.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { type Translate, useT } from '../../i18n/useT.ts';

const statusLabels = {
  active: 'admin.kakao.status.active',
  resolved: 'admin.kakao.status.resolved',
  'handed-off': 'admin.kakao.status.handed-off',
  expired: 'admin.kakao.status.expired',
} as const satisfies Record<string, MessageKey>;
const outcomeLabels: Record<string, MessageKey> = {
  'support-line': 'admin.kakao.outcome.support-line',
  transfer: 'admin.kakao.outcome.transfer',
  lead: 'admin.kakao.outcome.lead',
  declined: 'admin.kakao.outcome.declined',
  'company-admin': 'admin.kakao.outcome.company-admin',
  handoff: 'admin.kakao.outcome.handoff',
  'callback-refused': 'admin.kakao.outcome.callback-refused',
};

function describeOutcome(outcome: string | null | undefined, t: Translate): string {
  if (!outcome) return '—';
  const key = outcomeLabels[outcome];
  return key ? t(key) : outcome;
}

/**
 * The KakaoTalk chatbot for admins: its recent conversations (masked: the user key shortened, no
 * text) with their outcome, the week's counts, and rotating the skill token.
 */
/** How long the previous skill URL keeps working when the admin keeps it: the time to deploy. */
const PREVIOUS_URL_MINUTES = 60;

export function KakaoBotPanel() {
  const t = useT();
  const format = useFormat();
  const list = useQuery({
    queryKey: kakaoApi.conversationsKey,
    queryFn: ({ signal }) => kakaoApi.conversations(signal),
  });
  // Keeping the old URL for the hour it takes to paste the new one into Open Builder and deploy
  // keeps the chatbot answering meanwhile; after a leak the admin turns it off and it stops now.
  const [keepPrevious, setKeepPrevious] = useState(true);
  const rotate = useMutation({
    mutationFn: (body: RotateKakaoSkillTokenInput) =>
      requestJson({
        method: 'POST',
        path: '/api/v1/channels/kakao/skill-token',
        bodySchema: rotateKakaoSkillTokenSchema,
        body,
        schema: kakaoSkillTokenSchema,
      }),
  });
  if (list.isPending) return <Loader aria-label={t('admin.kakao.loading')} />;
  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  return (
    <Stack gap="md">
      <KakaoBotSummary summary={list.data.summary} />
      <SectionPanel
        titleId="kakao-conversations-title"
        title={t('admin.kakao.conversations', { count: list.data.items.length })}
        padding="lg"
      >
        <Table striped data-testid="kakao-conversations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.kakao.column.started')}</Table.Th>
              <Table.Th>{t('admin.kakao.column.user')}</Table.Th>
              <Table.Th>{t('admin.kakao.column.type')}</Table.Th>
              <Table.Th>{t('admin.kakao.column.status')}</Table.Th>
              <Table.Th>{t('admin.kakao.column.outcome')}</Table.Th>
              <Table.Th ta="right">{t('admin.kakao.column.turns')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{format.time(item.startedAt)}</Table.Td>
                <Table.Td>
                  <Code>{item.user}</Code>
                </Table.Td>
                <Table.Td>{item.inquiryTypeLabel ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(statusLabels[item.status])}</Badge>
                </Table.Td>
                <Table.Td>{describeOutcome(item.outcome, t)}</Table.Td>
                <Table.Td ta="right">{item.turns}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SectionPanel>
      <SectionPanel titleId="kakao-token-title" title={t('admin.kakao.skillTitle')} padding="lg">
        <Text size="sm">{t('admin.kakao.skillHint')}</Text>
        <Checkbox
          label={t('admin.kakao.keepPrevious')}
          checked={keepPrevious}
          onChange={(event) => setKeepPrevious(event.currentTarget.checked)}
          data-testid="kakao-keep-previous"
        />
        <Button
          variant="light"
          w="fit-content"
          loading={rotate.isPending}
          onClick={() => rotate.mutate({ previousValidMinutes: keepPrevious ? PREVIOUS_URL_MINUTES : 0 })}
        >
          {t('admin.kakao.rotate')}
        </Button>
        {rotate.data && (
          <>
            <Code block data-testid="kakao-skill-url">
              {rotate.data.skillUrl}
            </Code>
            <Text size="sm" role="status" data-testid="kakao-previous-url">
              {rotate.data.previousValidUntil
                ? t('admin.kakao.previousValidUntil', {
                    time: format.dateTime(rotate.data.previousValidUntil),
                  })
                : t('admin.kakao.previousStopped')}
            </Text>
          </>
        )}
        {rotate.error && <Alert color="red">{rotate.error.message}</Alert>}
      </SectionPanel>
    </Stack>
  );
}
