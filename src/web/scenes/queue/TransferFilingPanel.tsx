import { Alert, Badge, Checkbox, Group, Kbd, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Channel } from '../../../contract/common/channelSchema.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import type { RecordFields } from '../../../domain/record/renderConsultationRecord.ts';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useT } from '../../i18n/useT.ts';
import { describeGuideChannel } from '../../lib/describeGuideChannel.ts';
import { useTransferPreview } from './transferApi.ts';

/** What the agent decided about the transfer, read when the record is saved. */
export type TransferChoice = { file: boolean; email: string };

/** Props of the transfer panel in the agent console. */
export type TransferFilingPanelProps = {
  guide: Guide;
  inquiryType: { number: number; label: string };
  channel: Channel;
  /** The record fields as they are in the record form right now (기업명, 담당자 이름, 연락처, 문의 내용). */
  fields: RecordFields;
  /**
   * 'registered-contact': the caller agreed to be called at the number the business account has
   * registered (the path's end says so) — no number is asked for, the company names the account.
   */
  reachVia: 'registered-contact' | null;
  choice: TransferChoice;
  onChoiceChange: (choice: TransferChoice) => void;
};

/**
 * The transfer form (the guide's "[ 비즈니스 ] 이관_KD로 이관") beside the record: it is filled from
 * the record fields — typed once, there — plus the inquiry type and channel, and names the assignee
 * who will be mentioned and the due time. Saving the record with Ctrl+Enter also files the transfer.
 */
export function TransferFilingPanel({
  guide,
  inquiryType,
  channel,
  fields,
  reachVia,
  choice,
  onChoiceChange,
}: TransferFilingPanelProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const preview = useTransferPreview(guide, choice.file ? inquiryType.number : null);
  const noContact = !fields.phone.trim() && !choice.email.trim();
  // Called back at the account's registered contact: the team needs the company, not a number.
  const atRegisteredContact = noContact && reachVia === 'registered-contact';
  const missing = [
    !fields.inquiry.trim() ? t('transfers.filing.missingInquiry') : null,
    atRegisteredContact && !fields.companyName.trim() ? t('transfers.filing.missingCompany') : null,
    noContact && !atRegisteredContact ? t('transfers.filing.missingContact') : null,
  ].filter((item): item is string => item !== null);
  const value = (text: string) => text.trim() || '—';
  const shown = (key: string, text: string) =>
    key === 'phone' && atRegisteredContact ? t('transfers.filing.registeredContact') : value(text);

  return (
    <SectionPaper titleId="transfer-title" data-testid="transfer-form">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="transfer-title">
            {guide.transferForm.formName}
          </Title>
          <Checkbox
            label={t('transfers.filing.toggle')}
            checked={choice.file}
            onChange={(event) => onChoiceChange({ ...choice, file: event.currentTarget.checked })}
            data-testid="transfer-toggle"
          />
        </Group>
        {choice.file && (
          <>
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
              <Labeled
                label={t('transfers.filing.type')}
                value={`${inquiryType.number}. ${inquiryType.label}`}
              />
              <Labeled
                label={t('transfers.filing.channel')}
                value={describeGuideChannel(guide, channel, locale)}
              />
              {guide.transferForm.fields.map((field) => (
                <Labeled key={field.key} label={field.label} value={shown(field.key, fields[field.key])} />
              ))}
            </SimpleGrid>
            <TextInput
              size="sm"
              label={t('transfers.filing.email')}
              description={t('transfers.filing.optional')}
              value={choice.email}
              onChange={(event) => onChoiceChange({ ...choice, email: event.currentTarget.value })}
              data-testid="transfer-email"
            />
            <Group gap="xs" data-testid="transfer-mention">
              <Text size="sm">{t('transfers.filing.mention')}</Text>
              {preview.data?.assignee ? (
                <Badge variant="light" color="indigo" size="lg">
                  @{preview.data.assignee.name}
                </Badge>
              ) : (
                <Text size="sm" c="dark.4">
                  {preview.isPending ? t('transfers.filing.checking') : t('transfers.filing.unassigned')}
                </Text>
              )}
              {preview.data && (
                <Text size="sm" c="dark.4">
                  · {t('transfers.filing.due', { at: format.dateTime(preview.data.dueAt) })}
                </Text>
              )}
            </Group>
            {missing.length > 0 && (
              <Alert color="orange" variant="light" p="xs">
                {t('transfers.filing.missing', { fields: missing.join(', ') })}
              </Alert>
            )}
            <Text size="xs" c="dark.4">
              {t('transfers.filing.hintFields')} <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>{' '}
              {t('transfers.filing.hintSave')}
            </Text>
          </>
        )}
      </Stack>
    </SectionPaper>
  );
}

function Labeled({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dark.4">
        {label}
      </Text>
      <Text size="sm" lineClamp={2}>
        {value}
      </Text>
    </div>
  );
}
