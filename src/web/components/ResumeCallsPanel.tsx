import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { consoleApi } from '../console/consoleApi.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useT } from '../i18n/useT.ts';
import { describeGuideChannel } from '../lib/describeGuideChannel.ts';
import { ConsultationPickRow } from './ConsultationPickRow.tsx';
import { SectionPanel } from './SectionPanel.tsx';

/** Props of the "이어서 진행" list. */
export type ResumeCallsPanelProps = {
  /** Every loaded guide, for the inquiry types' and channels' names. */
  guides: readonly Guide[] | undefined;
  onResume: (consultationId: string) => void;
  /** How a caller's number is shown: masked (the call views' maskPhone; '' until it is loaded). */
  maskNumber: (phone: string) => string;
};

/**
 * The agent's calls still in progress (on another tab or machine, or left by a closed window),
 * each with how far it got: one click reopens it at the same step with everything typed.
 */
export function ResumeCallsPanel({ guides, onResume, maskNumber }: ResumeCallsPanelProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const open = useQuery({
    queryKey: consoleApi.openConsultationsKey,
    queryFn: ({ signal }) => consoleApi.openConsultations(signal),
    refetchOnMount: 'always',
  });
  const items = open.data?.items ?? [];
  if (items.length === 0) return null;
  const guideOf = (id: string) => guides?.find((guide) => guide.id === id);
  const typeLabel = (guideId: string, number: number | null | undefined): string =>
    guideOf(guideId)?.inquiryTypes.find((type) => type.number === number)?.label ??
    (number ? t('console.recent.typeNumber', { number }) : t('console.resume.noType'));
  const channelLabel = (guideId: string, channel: string): string =>
    describeGuideChannel(guideOf(guideId), channel, locale);

  return (
    <SectionPanel
      titleId="resume-title"
      title={t('console.resume.title', { count: items.length })}
      padding="lg"
      data-testid="resume-calls"
    >
      {items.map(({ consultation, draft }) => (
        <ConsultationPickRow
          key={consultation.id}
          data-consultation-id={consultation.id}
          summary={
            <>
              {typeLabel(draft.draft?.guideId ?? consultation.guideId, draft.draft?.inquiryType)} ·{' '}
              {channelLabel(consultation.guideId, consultation.channel)}
              {/* The agent's own call holds the number in clear (its record may need it); shown masked. */}
              {consultation.callerNumber && maskNumber(consultation.callerNumber)
                ? ` · ${maskNumber(consultation.callerNumber)}`
                : ''}
            </>
          }
          when={
            <>
              {t('console.resume.started', { at: format.time(consultation.startedAt) })}
              {draft.savedAt ? ` · ${t('console.resume.lastSaved', { at: format.time(draft.savedAt) })}` : ''}
            </>
          }
          action={
            <Button variant="light" onClick={() => onResume(consultation.id)} data-testid="resume-call">
              {t('console.resume.continue')}
            </Button>
          }
        />
      ))}
    </SectionPanel>
  );
}
