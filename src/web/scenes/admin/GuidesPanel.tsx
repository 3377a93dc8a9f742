import { Alert, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { guideVersionListSchema } from '../../../contract/guides/guideVersionListSchema.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { requestJson } from '../../api/requestJson.ts';
import { useGuides } from '../../api/useGuides.ts';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';

/** One loaded guide: what it holds, and every version kept with the calls still running on it. */
function GuideVersions({ guide, isDefault }: { guide: Guide; isDefault: boolean }) {
  const t = useT();
  const format = useFormat();
  const versions = useQuery({
    queryKey: queryKeys.guideVersions(guide.id),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/guides/${encodeURIComponent(guide.id)}/versions`,
        schema: guideVersionListSchema,
        signal,
      }),
  });
  const titleId = `guide-${guide.id}-title`;
  return (
    <SectionPaper titleId={titleId} padding="lg" data-testid={`guide-${guide.id}`}>
      <Stack gap="sm">
        <Group gap="sm">
          {/* The id (what IEUM_DEFAULT_GUIDE names) heads it; the title is the guide's own Korean data. */}
          <Title order={2} size="h4" id={titleId}>
            {guide.id}
          </Title>
          {isDefault && (
            <Badge variant="light" color="indigo">
              {t('admin.guides.default')}
            </Badge>
          )}
        </Group>
        <Text fw={600}>{guide.title}</Text>
        <Text size="sm" c="dark.6">
          {t('admin.guides.facts', {
            version: guide.version,
            types: guide.inquiryTypes.length,
            scripts: guide.scripts.length,
          })}
        </Text>
        <Title order={3} size="h5">
          {t('admin.guides.versions')}
        </Title>
        {versions.isPending && <Loader size="sm" aria-label={t('admin.guides.loading')} />}
        {versions.error && (
          <Alert color="red">{t('admin.guides.versionsFailed', { message: versions.error.message })}</Alert>
        )}
        {versions.data && (
          <Table striped data-testid={`guide-${guide.id}-versions`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.guides.column.version')}</Table.Th>
                <Table.Th>{t('admin.guides.column.state')}</Table.Th>
                <Table.Th>{t('admin.guides.column.firstLoaded')}</Table.Th>
                <Table.Th>{t('admin.guides.column.lastLoaded')}</Table.Th>
                <Table.Th ta="right">{t('admin.guides.column.open')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.items.map((item) => (
                <Table.Tr key={item.version}>
                  <Table.Td>{item.version}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.loaded ? 'teal' : 'gray'}>
                      {t(item.loaded ? 'admin.guides.state.loaded' : 'admin.guides.state.earlier')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.dateTime(item.firstLoadedAt)}</Table.Td>
                  <Table.Td>{format.dateTime(item.lastLoadedAt)}</Table.Td>
                  <Table.Td ta="right">{format.number(item.openConsultations)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionPaper>
  );
}

/**
 * The guides for admins: each loaded guide (the files in IEUM_GUIDES_DIR) with its version, and the
 * versions kept with the consultations in progress on each — so an admin who deployed an edit sees
 * when the calls begun on the one before have ended.
 */
export function GuidesPanel() {
  const t = useT();
  const catalog = useGuides();
  if (catalog.isPending) return <Loader aria-label={t('admin.guides.loading')} />;
  if (catalog.error) return <Alert color="red">{catalog.error.message}</Alert>;
  return (
    <Stack gap="md">
      <Text size="sm">{t('admin.guides.hint')}</Text>
      {(catalog.guides ?? []).map((guide) => (
        <GuideVersions key={guide.id} guide={guide} isDefault={guide.id === catalog.defaultGuide?.id} />
      ))}
    </Stack>
  );
}
