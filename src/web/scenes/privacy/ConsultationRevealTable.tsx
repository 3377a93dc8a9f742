import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryStates } from '../../components/QueryStates.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { describeOutcome } from '../../lib/outcomeLabels.ts';
import { privacyApi } from './privacyApi.ts';
import { RevealDialog } from './RevealDialog.tsx';

/**
 * Recent consultations of every agent, masked with the one rule; roles allowed to reveal get a
 * 열람 button per row (reason required, logged), others only the masked values.
 */
export function ConsultationRevealTable({ canReveal }: { canReveal: boolean }) {
  const t = useT();
  const format = useFormat();
  const list = useQuery({
    queryKey: ['privacy', 'consultations'],
    queryFn: ({ signal }) => privacyApi.listConsultations(signal),
    select: (data) => data.items,
  });
  const [revealing, setRevealing] = useState<string | null>(null);
  return (
    <SectionPaper titleId="records-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="records-title">
          {t('privacy.records.title')}
        </Title>
        <QueryStates
          query={list}
          loadingLabel={t('privacy.records.loading')}
          loaderSize="sm"
          empty={<Text c="dark.5">{t('privacy.records.none')}</Text>}
        />
        {list.data && list.data.length > 0 && (
          <ScrollRegion label={t('privacy.records.list')} maxHeight="calc(100vh - 260px)">
            <Table striped fz="sm" verticalSpacing={6} data-testid="privacy-consultations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.records.time')}</Table.Th>
                  <Table.Th>{t('privacy.records.agent')}</Table.Th>
                  <Table.Th>{t('privacy.records.caller')}</Table.Th>
                  <Table.Th>{t('privacy.records.titleBody')}</Table.Th>
                  <Table.Th>{t('privacy.records.outcome')}</Table.Th>
                  {canReveal && <Table.Th>{t('privacy.reveal')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((consultation) => (
                  <Table.Tr key={consultation.id} data-consultation-id={consultation.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {format.compact(consultation.completedAt ?? consultation.startedAt)}
                    </Table.Td>
                    <Table.Td>{consultation.agent?.name ?? '-'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="masked-caller">
                      {consultation.callerNumber ?? '-'}
                    </Table.Td>
                    <Table.Td>
                      {/* An erased record's title reads empty: it was deleted, not left unwritten. */}
                      <Text
                        size="sm"
                        c={consultation.personalDataErasedAt ? 'dark.4' : undefined}
                        data-testid={consultation.personalDataErasedAt ? 'record-erased' : undefined}
                      >
                        {consultation.record?.title ||
                          (consultation.personalDataErasedAt
                            ? t('privacy.records.erased')
                            : t('console.recent.untitled'))}
                      </Text>
                      {consultation.record?.body && (
                        <Text size="xs" c="dark.4" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                          {consultation.record.body}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        radius="sm"
                        color={consultation.status === 'open' ? 'gray' : 'indigo'}
                      >
                        {consultation.status === 'open'
                          ? t('console.recent.open')
                          : consultation.outcome
                            ? describeOutcome(consultation.outcome, t)
                            : t('console.save.done')}
                      </Badge>
                    </Table.Td>
                    {canReveal && (
                      <Table.Td>
                        {/* Nothing left to reveal once erased (the server would refuse it). */}
                        <Button
                          disabled={consultation.personalDataErasedAt !== null}
                          size="xs"
                          variant="light"
                          color="orange"
                          onClick={() => setRevealing(consultation.id)}
                        >
                          {t('privacy.reveal')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
      {canReveal && <RevealDialog consultationId={revealing} onClose={() => setRevealing(null)} />}
    </SectionPaper>
  );
}
