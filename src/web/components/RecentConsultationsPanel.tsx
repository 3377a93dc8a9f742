import { Alert, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { useRecentConsultations } from '../api/useRecentConsultations.ts';
import { consoleApi } from '../console/consoleApi.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useT } from '../i18n/useT.ts';
import { describeGuideChannel } from '../lib/describeGuideChannel.ts';
import { describeOutcome } from '../lib/outcomeLabels.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import { SectionPaper } from './SectionPaper.tsx';

/**
 * The agent's last 20 consultations: time, channel, type, title, outcome and masked number. Labels
 * come from each consultation's guide; with several guides the type shows its guide too. A call
 * still in progress has no record yet: its type is the one its draft has chosen, as 이어서 진행
 * shows it (the same cached list of the agent's open consultations).
 */
export function RecentConsultationsPanel({ guides }: { guides: readonly Guide[] | undefined }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const recent = useRecentConsultations();
  const open = useQuery({
    queryKey: consoleApi.openConsultationsKey,
    queryFn: ({ signal }) => consoleApi.openConsultations(signal),
  });
  const guideOf = (id: string) => guides?.find((guide) => guide.id === id);
  const typeLabel = (guideId: string, number: number | null | undefined): string => {
    const guide = guideOf(guideId);
    const label =
      guide?.inquiryTypes.find((type) => type.number === number)?.label ??
      (number ? t('console.recent.typeNumber', { number }) : '-');
    return guides && guides.length > 1 && guide && number ? `${guide.heading} · ${label}` : label;
  };
  const channelLabel = (guideId: string, channel: string): string =>
    describeGuideChannel(guideOf(guideId), channel, locale);
  /** The type a consultation is under: its record's, or while in progress its draft's (maybe of another guide). */
  const typeOf = (consultation: { id: string; guideId: string; inquiryType?: number | null }): string => {
    if (consultation.inquiryType) return typeLabel(consultation.guideId, consultation.inquiryType);
    const draft = open.data?.items.find((item) => item.consultation.id === consultation.id)?.draft.draft;
    return typeLabel(draft?.guideId ?? consultation.guideId, draft?.inquiryType);
  };

  return (
    <SectionPaper titleId="recent-title" describedBy="recent-caption">
      <Stack gap="sm">
        {/* The caption sits beside the heading, not in it, so that the heading's and the region's
            names are the title alone (inside, the two ran together: "Recent consultationsthe ones…"). */}
        <Group gap={6} align="baseline" wrap="wrap">
          <Title order={2} size="h4" id="recent-title">
            {t('console.recent.title')}
          </Title>
          <Text size="sm" c="dark.4" id="recent-caption" data-testid="recent-caption">
            {t('console.recent.caption')}
          </Text>
        </Group>
        {recent.isPending && <Loader size="sm" aria-label={t('console.recent.loading')} />}
        {recent.isError && (
          <Alert color="red" variant="light">
            {t('console.recent.failed', { message: recent.error.message })}
          </Alert>
        )}
        {recent.data?.length === 0 && <Text c="dark.5">{t('console.recent.none')}</Text>}
        {recent.data && recent.data.length > 0 && (
          <ScrollRegion label={t('console.recent.list')} maxHeight="calc(100vh - 180px)">
            <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="recent-consultations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('console.recent.time')}</Table.Th>
                  <Table.Th>{t('console.recent.channel')}</Table.Th>
                  <Table.Th>{t('console.recent.typeTitle')}</Table.Th>
                  <Table.Th>{t('console.recent.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recent.data.map((consultation) => (
                  <Table.Tr key={consultation.id} data-consultation-id={consultation.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {format.compact(consultation.completedAt ?? consultation.startedAt)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {channelLabel(consultation.guideId, consultation.channel)}
                      {consultation.callerNumber && (
                        <Text size="xs" c="dark.4">
                          {consultation.callerNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dark.4">
                        {typeOf(consultation)}
                      </Text>
                      <Text size="sm">{consultation.record?.title ?? t('console.recent.untitled')}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {consultation.status === 'open' ? (
                        <Badge
                          color="gray"
                          variant="outline"
                          radius="sm"
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          {t('console.recent.open')}
                        </Badge>
                      ) : (
                        <Badge
                          color="indigo"
                          variant="light"
                          radius="sm"
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          {consultation.outcome
                            ? describeOutcome(consultation.outcome, t)
                            : t('console.save.done')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
    </SectionPaper>
  );
}
