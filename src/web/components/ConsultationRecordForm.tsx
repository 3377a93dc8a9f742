import {
  Alert,
  Button,
  Group,
  Kbd,
  List,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type Ref, useEffect } from 'react';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { type RecordFields, renderConsultationRecord } from '../../domain/record/renderConsultationRecord.ts';
import type { ApiProblemDetail } from '../api/ApiError.ts';
import type { RecordSubmission } from '../console/buildFinishRequest.ts';
import type { RecordDraft } from '../console/consoleState.ts';
import { useT } from '../i18n/useT.ts';
import { CopyTextButton } from './CopyTextButton.tsx';
import { SectionPaper } from './SectionPaper.tsx';

/**
 * The form's own name for the field a problem points at (`/record/phone` → 연락처), so the agent
 * reads the label they see, not the API's JSON pointer; null when the field is not on this form
 * (the message then stands alone).
 */
function fieldLabelOf(where: string, guide: Guide, emailLabel: string): string | null {
  const key = where.split('/').at(-1) ?? '';
  if (key === 'title') return guide.record.titleLabel;
  if (key === 'body') return guide.record.bodyLabel;
  if (key === 'email') return emailLabel;
  return guide.record.bodyFields.find((field) => field.key === key)?.label ?? null;
}

/**
 * The input a problem points at, by its test id: the record's own fields, or the e-mail of the
 * filing form beside it; null when it is on neither.
 */
function fieldTestIdOf(where: string, guide: Guide): string | null {
  const key = where.split('/').at(-1) ?? '';
  if (key === 'summary') return 'record-summary';
  if (key === 'title') return 'record-title-input';
  if (key === 'body') return 'record-body';
  if (key === 'email') return 'transfer-email';
  return guide.record.bodyFields.some((field) => field.key === key) ? `record-${key}` : null;
}

/** Props of the record form. */
export type ConsultationRecordFormProps = {
  guide: Guide;
  /** The record as written so far (it starts from what the flow and the phone system already know). */
  value: RecordDraft;
  onFieldsChange: (fields: RecordFields) => void;
  /** A hand-edited 상담제목, or null to follow the fields again. */
  onTitleChange: (title: string | null) => void;
  /** A hand-edited 상담내용, or null to follow the fields again. */
  onBodyChange: (body: string | null) => void;
  onSave: (record: RecordSubmission) => void;
  saving: boolean;
  error: { message: string; errors: ApiProblemDetail[] } | null;
  /** The summary field, focused when the agent presses Enter at the end of the flow. */
  summaryRef?: Ref<HTMLInputElement>;
  /**
   * Fields the caller refused consent for on this path (fieldsWithheldByRefusal): shown empty and
   * locked, since the record may not keep them.
   */
  withheld?: ReadonlySet<string>;
  /**
   * The registered contact the directory knows the caller as, masked (김*수): hinted in an empty
   * 담당자 이름 for the agent to confirm with the caller — agents see the directory masked.
   */
  directoryContactName?: string | null;
};

type FieldKey = keyof RecordFields;

/**
 * The consultation record (상담이력) at the end of a flow. 상담유형 is fixed by the guide; 상담제목
 * and 상담내용 are rendered from the fields and follow them until the agent edits them by hand.
 * Ctrl+Enter saves from anywhere.
 */
export function ConsultationRecordForm({
  guide,
  value,
  onFieldsChange,
  onTitleChange,
  onBodyChange,
  onSave,
  saving,
  error,
  summaryRef,
  withheld = new Set(),
  directoryContactName = null,
}: ConsultationRecordFormProps) {
  const t = useT();
  const { fields, titleOverride, bodyOverride } = value;

  const rendered = renderConsultationRecord(guide, fields);
  const title = titleOverride ?? rendered.title;
  const body = bodyOverride ?? rendered.body;
  const wholeText = [
    `■ ${guide.record.categoryLabel} : ${rendered.category}`,
    `■ ${guide.record.titleLabel} : ${title}`,
    `■ ${guide.record.bodyLabel}`,
    body,
  ].join('\n');

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
      event.preventDefault();
      if (!saving) onSave({ ...fields, title, body });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [fields, title, body, saving, onSave]);

  // A refused save puts the agent in the first field it names, ready to type: no mouse, no Tab hunt.
  useEffect(() => {
    const first = error?.errors[0];
    const testId = first ? fieldTestIdOf(first.where, guide) : null;
    if (!testId) return;
    document.querySelector<HTMLElement>(`[data-testid="${testId}"]:not(:disabled)`)?.focus();
  }, [error, guide]);

  const setField = (key: FieldKey) => (text: string) => onFieldsChange({ ...fields, [key]: text });

  return (
    <SectionPaper titleId="record-title" data-testid="record-form">
      {/* Compact, so the whole form stands beside the script at 1440×900 without scrolling. */}
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="record-title">
            {t('console.record.title')}
          </Title>
          <CopyTextButton text={wholeText} variant="default" size="xs">
            {t('console.record.copyAll')}
          </CopyTextButton>
        </Group>
        <TextInput
          size="sm"
          label={guide.record.categoryLabel}
          value={rendered.category}
          readOnly
          variant="filled"
        />
        <TextInput
          ref={summaryRef}
          size="sm"
          label={t('console.record.summary')}
          description={t('console.record.summaryHint', { placeholder: guide.record.summaryPlaceholder })}
          value={fields.summary}
          onChange={(event) => setField('summary')(event.currentTarget.value)}
          data-testid="record-summary"
        />
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          {guide.record.bodyFields.map((field) =>
            withheld.has(field.key) ? (
              <TextInput
                key={field.key}
                size="sm"
                label={field.label}
                value=""
                disabled
                description={t('console.record.withheld')}
                data-testid={`record-${field.key}`}
              />
            ) : (
              <TextInput
                key={field.key}
                size="sm"
                label={field.label}
                value={fields[field.key]}
                onChange={(event) => setField(field.key)(event.currentTarget.value)}
                placeholder={
                  field.key === 'contactName' && directoryContactName
                    ? t('console.record.directoryContact', { name: directoryContactName })
                    : undefined
                }
                data-testid={`record-${field.key}`}
              />
            ),
          )}
        </SimpleGrid>
        <TextInput
          size="sm"
          label={guide.record.titleLabel}
          value={title}
          onChange={(event) => onTitleChange(event.currentTarget.value)}
          description={
            titleOverride === null ? t('console.record.titleAuto') : t('console.record.titleEdited')
          }
          rightSectionWidth={110}
          rightSection={
            titleOverride !== null ? (
              <Button size="compact-xs" variant="subtle" onClick={() => onTitleChange(null)}>
                {t('console.record.backToAuto')}
              </Button>
            ) : null
          }
          data-testid="record-title-input"
        />
        <Textarea
          label={guide.record.bodyLabel}
          value={body}
          onChange={(event) => onBodyChange(event.currentTarget.value)}
          description={bodyOverride === null ? t('console.record.bodyAuto') : t('console.record.bodyEdited')}
          size="sm"
          autosize
          minRows={4}
          maxRows={8}
          styles={{ input: { lineHeight: 1.5 } }}
          data-testid="record-body"
        />
        {bodyOverride !== null && (
          <Group>
            <Button size="xs" variant="subtle" onClick={() => onBodyChange(null)}>
              {t('console.record.bodyBackToAuto')}
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert" title={t('console.record.saveFailed')}>
            {/* A problem about one field often says the same as the headline: said once, by field. */}
            {!error.errors.some((detail) => detail.message === error.message) && (
              <Text size="sm">{error.message}</Text>
            )}
            {error.errors.length > 0 && (
              <List size="sm" mt={4}>
                {error.errors.map((detail) => {
                  const label = fieldLabelOf(detail.where, guide, t('transfers.filing.email'));
                  return (
                    <List.Item key={`${detail.where}-${detail.message}`}>
                      {label ? `${label}: ${detail.message}` : detail.message}
                    </List.Item>
                  );
                })}
              </List>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            size="sm"
            loading={saving}
            onClick={() => onSave({ ...fields, title, body })}
            data-testid="save-record"
          >
            {t('console.record.save')} <Kbd ml="xs">Ctrl</Kbd>+<Kbd>Enter</Kbd>
          </Button>
        </Group>
      </Stack>
    </SectionPaper>
  );
}
