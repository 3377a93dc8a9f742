import { Text } from '@mantine/core';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { type RecordFields, renderConsultationRecord } from '../../domain/record/renderConsultationRecord.ts';
import { useT } from '../i18n/useT.ts';
import { SectionPanel } from './SectionPanel.tsx';

/**
 * The record (상담이력) as it stands while the script runs, beside it: what the flow and the phone
 * system have filled in so far. At the script's end the editable record form takes its place, so
 * the agent sees what will be saved without scrolling. The labels are the guide's own.
 */
export function RecordPreviewPanel({ guide, fields }: { guide: Guide; fields: RecordFields }) {
  const t = useT();
  const record = renderConsultationRecord(guide, fields);
  return (
    <SectionPanel
      titleId="record-preview-title"
      title={t('console.preview.title')}
      gap="xs"
      data-testid="record-preview"
    >
      <Text size="xs" c="dark.5">
        {t('console.preview.hint')}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {[
          `■ ${guide.record.categoryLabel} : ${record.category}`,
          `■ ${guide.record.titleLabel} : ${record.title}`,
          `■ ${guide.record.bodyLabel}`,
          record.body,
        ].join('\n')}
      </Text>
    </SectionPanel>
  );
}
