import { Alert, AppShell, Center, Grid, Loader, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { type Channel, channelSchema } from '../../contract/common/channelSchema.ts';
import { completeConsultationSchema } from '../../contract/consultations/completeConsultationSchema.ts';
import { type Consultation, consultationSchema } from '../../contract/consultations/consultationSchema.ts';
import { startConsultationSchema } from '../../contract/consultations/startConsultationSchema.ts';
import { advanceFlow } from '../../domain/flow/advanceFlow.ts';
import { describeStep, type StepChoice } from '../../domain/flow/describeStep.ts';
import type { FlowState } from '../../domain/flow/flowTypes.ts';
import { startFlow } from '../../domain/flow/startFlow.ts';
import { stepBackFlow } from '../../domain/flow/stepBackFlow.ts';
import { summarizeFlow } from '../../domain/flow/summarizeFlow.ts';
import type { CollectFieldKey, InquiryType } from '../../domain/guide/guideSchema.ts';
import { isLeadIntakeStep } from '../../domain/lead/isLeadIntakeStep.ts';
import { validateLeadIntake } from '../../domain/lead/validateLeadIntake.ts';
import { draftRecordFields } from '../../domain/record/draftRecordFields.ts';
import type { RecordFields } from '../../domain/record/renderConsultationRecord.ts';
import { ApiError } from '../api/ApiError.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { requestJson } from '../api/requestJson.ts';
import type { Session } from '../api/sessionSchema.ts';
import { useBusinessHours } from '../api/useBusinessHours.ts';
import { useGuide } from '../api/useGuide.ts';
import { useLogout } from '../api/useLogout.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConsultationRecordForm, type RecordSubmission } from '../components/ConsultationRecordForm.tsx';
import { FlowStep } from '../components/FlowStep.tsx';
import { InquiryTypePicker } from '../components/InquiryTypePicker.tsx';
import { RecentConsultationsPanel } from '../components/RecentConsultationsPanel.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { StartConsultationPanel } from '../components/StartConsultationPanel.tsx';
import { SuggestPanel } from '../components/SuggestPanel.tsx';
import { isCollectFieldKey } from '../lib/isCollectFieldKey.ts';
import { outcomeLabels } from '../lib/outcomeLabels.ts';
import { navigate, useLocation } from '../lib/useLocation.ts';
import { LeadFilingPanel } from './leads/LeadFilingPanel.tsx';
import { LeadIntakeFields } from './leads/LeadIntakeFields.tsx';
import { fileLeadRequest, leadKeys } from './leads/leadApi.ts';
import { useLeadIntake } from './leads/useLeadIntake.ts';
import { MyTransfersPanel } from './queue/MyTransfersPanel.tsx';
import { type TransferChoice, TransferFilingPanel } from './queue/TransferFilingPanel.tsx';
import { fileTransferRequest, transferKeys } from './queue/transferApi.ts';

/** The one guide this console runs (issue 2); more guides come with the guide list. */
const guideId = 'business-inquiry';

type ActiveConsultation = {
  channel: Channel;
  callerNumber: string;
  /** The POST that opened it; awaited at save time so the agent never waits for it up front. */
  created: Promise<Consultation>;
};

type Phase =
  | { kind: 'start' }
  | { kind: 'pick'; active: ActiveConsultation }
  | {
      kind: 'flow';
      active: ActiveConsultation;
      inquiryType: InquiryType;
      flow: FlowState;
      collected: Partial<Record<CollectFieldKey, string>>;
      /** Counts transitions so that focus moves even when a node is reached again. */
      step: number;
    };

const channelLabels: Record<Channel, string> = { call: '전화', chat: '채팅' };

/** `/`: the agent console — start, pick the inquiry type, run the script, save the record. */
export function ConsoleScene({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const location = useLocation();
  const guide = useGuide(guideId);
  const hours = useBusinessHours();
  const [phase, setPhase] = useState<Phase>({ kind: 'start' });
  const [startError, setStartError] = useState<string | null>(null);
  const [flowError, setFlowError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ title: string; outcome: string } | null>(null);
  const summaryRef = useRef<HTMLInputElement>(null);
  // Q4-Y: the optional 사업자등록번호 and the intake's validation attempts (see scenes/leads).
  const leadIntake = useLeadIntake();
  const { businessNumber, markAttempt } = leadIntake;
  // The transfer (이관) filed together with the record when the flow ends in a transfer or a lead.
  const [transferChoiceState, setTransferChoiceState] = useState<{
    at: string;
    choice: TransferChoice;
  } | null>(null);
  const [liveRecord, setLiveRecord] = useState<RecordFields | null>(null);
  const hoursOpen = hours.data?.open ?? null;

  const initialCaller = location.search.get('caller') ?? '';
  // A chat agent handles chat after chat: the next start offers the channel of the last one,
  // unless the screen pop says otherwise (?channel=chat|call).
  const [lastChannel, setLastChannel] = useState<Channel>('call');
  const requestedChannel = channelSchema.safeParse(location.search.get('channel'));
  const initialChannel: Channel = requestedChannel.success ? requestedChannel.data : lastChannel;

  const logout = useLogout();

  const start = ({
    channel,
    callerNumber,
  }: {
    channel: Channel;
    callerNumber: string;
  }): ActiveConsultation => {
    setLastChannel(channel);
    setStartError(null);
    setSaved(null);
    leadIntake.reset();
    const created = requestJson({
      method: 'POST',
      path: '/api/v1/consultations',
      bodySchema: startConsultationSchema,
      body: { channel, guideId, ...(callerNumber ? { callerNumber } : {}) },
      schema: consultationSchema,
    });
    const active: ActiveConsultation = { channel, callerNumber, created };
    created.then(
      () => queryClient.invalidateQueries({ queryKey: queryKeys.recentConsultations }),
      (error: unknown) => {
        setStartError(error instanceof Error ? error.message : String(error));
        setPhase((current) =>
          current.kind !== 'start' && current.active === active ? { kind: 'start' } : current,
        );
      },
    );
    // A screen-pop number belongs to this call only; the next start must not reuse it.
    if (location.search.has('caller')) navigate('/', { replace: true });
    setPhase({ kind: 'pick', active });
    return active;
  };

  // `active` is passed when the consultation was started in the same event (search with none active).
  const pick = (
    inquiryType: InquiryType,
    active = phase.kind === 'start' ? null : phase.active,
    collected: Partial<Record<CollectFieldKey, string>> = {},
  ) => {
    if (!active || !guide.data) return;
    const started = startFlow(guide.data, inquiryType.scriptId);
    if (!started.ok) {
      setFlowError(started.message);
      return;
    }
    setFlowError(null);
    // The business-hours decision is taken a keystroke later; make sure it is fresh.
    void hours.refetch();
    setPhase({
      kind: 'flow',
      active,
      inquiryType,
      flow: started.state,
      collected,
      step: 0,
    });
  };

  // Search (Ctrl+K) opens a script at any time: mid-call it switches the type, otherwise it starts a call.
  const openFromSearch = (inquiryType: InquiryType) =>
    pick(
      inquiryType,
      phase.kind === 'start' ? start({ channel: initialChannel, callerNumber: initialCaller }) : undefined,
    );

  const guideData = guide.data;
  const view = useMemo(
    () => (phase.kind === 'flow' && guideData ? describeStep(guideData, phase.flow) : null),
    [phase, guideData],
  );

  // At each end of a flow the transfer defaults to on when the guide promises a callback
  // (outcome transfer); the agent can still turn it off. A sign-up lead files its own transfer.
  const endAt = phase.kind === 'flow' && view?.outcome ? `${phase.flow.currentNodeId}-${phase.step}` : '';
  const transferChoice: TransferChoice =
    transferChoiceState?.at === endAt
      ? transferChoiceState.choice
      : {
          file: view?.outcome === 'transfer',
          email: phase.kind === 'flow' ? (phase.collected.email ?? '') : '',
        };
  const setTransferChoice = (choice: TransferChoice) => setTransferChoiceState({ at: endAt, choice });

  const onChoice = useCallback(
    (choice: StepChoice) => {
      if (!guideData) return;
      setPhase((current) => {
        if (current.kind !== 'flow') return current;
        // The sign-up intake moves on only with values the server will accept (inline messages show).
        if (
          choice.input === 'next' &&
          isLeadIntakeStep(guideData, current.flow) &&
          !validateLeadIntake({ ...current.collected, businessNumber }).ok
        ) {
          markAttempt();
          return current;
        }
        // Unknown hours count as closed: a transfer is always possible, the support line may not be.
        const result = advanceFlow(guideData, current.flow, choice.input, {
          businessHoursOpen: hoursOpen ?? false,
        });
        if (!result.ok) {
          setFlowError(result.message);
          return current;
        }
        setFlowError(null);
        return { ...current, flow: result.state, step: current.step + 1 };
      });
    },
    [guideData, hoursOpen, businessNumber, markAttempt],
  );

  const onBack = useCallback(() => {
    if (!guideData) return;
    setPhase((current) => {
      if (current.kind !== 'flow') return current;
      const result = stepBackFlow(guideData, current.flow);
      if (!result.ok) return current;
      setFlowError(null);
      return { ...current, flow: result.state, step: current.step + 1 };
    });
  }, [guideData]);

  const onRepick = useCallback(() => {
    setFlowError(null);
    setPhase((current) => (current.kind === 'flow' ? { kind: 'pick', active: current.active } : current));
  }, []);

  // The summary starts as the type's label: selected, so typing replaces it instead of appending.
  const onFinish = useCallback(() => {
    summaryRef.current?.focus();
    summaryRef.current?.select();
  }, []);

  const onCollectedChange = useCallback((key: string, value: string) => {
    if (!isCollectFieldKey(key)) return;
    setPhase((current) =>
      current.kind === 'flow' ? { ...current, collected: { ...current.collected, [key]: value } } : current,
    );
  }, []);

  const save = useMutation({
    mutationFn: async (record: RecordSubmission) => {
      if (phase.kind !== 'flow' || !guideData) throw new Error('저장할 상담이 없습니다');
      // A sign-up lead files its own transfer (POST /leads), together with the brochure e-mail.
      const isLead = summarizeFlow(guideData, phase.flow).outcome === 'lead';
      if (
        !isLead &&
        transferChoice.file &&
        (!record.inquiry.trim() || (!record.phone.trim() && !transferChoice.email.trim()))
      ) {
        throw new Error('이관하려면 연락처와 문의 내용을 입력하세요.');
      }
      const consultation = await phase.active.created;
      const summary = summarizeFlow(guideData, phase.flow);
      const businessHoursOpen =
        summary.businessHours === null ? (hoursOpen ?? false) : summary.businessHours === 'open';
      const completed = await requestJson({
        method: 'POST',
        path: `/api/v1/consultations/${encodeURIComponent(consultation.id)}/complete`,
        bodySchema: completeConsultationSchema,
        body: {
          scriptId: phase.flow.scriptId,
          inquiryType: phase.inquiryType.number,
          history: phase.flow.history,
          businessHoursOpen,
          record,
        },
        schema: consultationSchema,
      });
      if (isLead) {
        const lead = await fileLeadRequest(consultation.id, {
          companyName: phase.collected.companyName ?? record.companyName,
          contactName: phase.collected.contactName ?? record.contactName,
          phone: phase.collected.phone ?? record.phone,
          email: phase.collected.email ?? '',
          ...(businessNumber.trim() ? { businessNumber: businessNumber.trim() } : {}),
        });
        return { consultation: completed, transfer: null, lead };
      }
      if (!transferChoice.file) return { consultation: completed, transfer: null, lead: null };
      // Keyed by the consultation: pressing Ctrl+Enter again after a failure never files twice.
      const transfer = await fileTransferRequest(
        {
          consultationId: consultation.id,
          inquiryType: phase.inquiryType.number,
          channel: phase.active.channel,
          companyName: record.companyName,
          contactName: record.contactName,
          phone: record.phone,
          inquiry: record.inquiry,
          ...(transferChoice.email.trim() ? { email: transferChoice.email.trim() } : {}),
        },
        `consultation-${consultation.id}`,
      );
      return { consultation: completed, transfer, lead: null };
    },
    onSuccess: ({ consultation, transfer, lead }) => {
      const label = view?.outcome ? outcomeLabels[view.outcome] : '완료';
      const outcome = lead
        ? `${label} · 가입 리드 ${lead.number} 접수 · 가입 소개서 메일 ${lead.brochure.status === 'sent' ? '발송됨' : '발송 대기'}`
        : transfer
          ? `${label} · 이관 ${transfer.number} 접수${transfer.assignee ? ` (@${transfer.assignee.name})` : ''}`
          : label;
      if (transfer || lead) void queryClient.invalidateQueries({ queryKey: transferKeys.all });
      if (lead) void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      setSaved({ title: consultation.record?.title ?? '', outcome });
      setPhase({ kind: 'start' });
      save.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.recentConsultations });
    },
  });

  const draft = useMemo(() => {
    if (phase.kind !== 'flow' || !guideData) return null;
    return draftRecordFields(guideData, phase.flow, {
      callerNumber: phase.active.callerNumber || undefined,
      collected: phase.collected,
      inquiryTypeNumber: phase.inquiryType.number,
    });
  }, [phase, guideData]);

  const saveError = save.error
    ? { message: save.error.message, errors: save.error instanceof ApiError ? save.error.errors : [] }
    : null;

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader
          user={session.user}
          onLogout={() => logout.mutate()}
          loggingOut={logout.isPending}
          search={<SearchBox guide={guideData} onOpen={openFromSearch} />}
        />
      </AppShell.Header>
      <AppShell.Main>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md" component="main" aria-label="상담 진행">
              {guide.isError && (
                <Alert color="red" role="alert" title="가이드를 불러오지 못했습니다">
                  {guide.error.message}
                </Alert>
              )}
              {guide.isPending && (
                <Center py="xl">
                  <Loader aria-label="가이드 불러오는 중" />
                </Center>
              )}
              {flowError && (
                <Alert color="red" role="alert" withCloseButton onClose={() => setFlowError(null)}>
                  {flowError}
                </Alert>
              )}
              {phase.kind === 'start' && (
                <StartConsultationPanel
                  key={initialCaller}
                  initialChannel={initialChannel}
                  initialCallerNumber={initialCaller}
                  onStart={start}
                  error={startError}
                  saved={saved}
                />
              )}
              {phase.kind === 'pick' && guideData && (
                <SuggestPanel
                  guide={guideData}
                  onPick={(type, callerWords) =>
                    pick(type, undefined, callerWords ? { inquiry: callerWords } : {})
                  }
                />
              )}
              {phase.kind === 'pick' && guideData && (
                <InquiryTypePicker
                  guide={guideData}
                  channelLabel={channelLabels[phase.active.channel]}
                  callerNumber={phase.active.callerNumber}
                  onPick={pick}
                />
              )}
              {phase.kind === 'flow' && guideData && view && (
                <FlowStep
                  guide={guideData}
                  view={view}
                  stepKey={`${phase.flow.currentNodeId}-${phase.step}`}
                  hoursOpen={hoursOpen}
                  collected={phase.collected}
                  onCollectedChange={onCollectedChange}
                  onChoice={onChoice}
                  onBack={onBack}
                  onRepick={onRepick}
                  onFinish={onFinish}
                  collectSlot={
                    isLeadIntakeStep(guideData, phase.flow) ? (
                      <LeadIntakeFields
                        key={`intake-${phase.flow.currentNodeId}-${phase.step}`}
                        fields={view.fields}
                        values={phase.collected}
                        onChange={onCollectedChange}
                        businessNumber={businessNumber}
                        onBusinessNumberChange={leadIntake.setBusinessNumber}
                        attempts={leadIntake.attempts}
                        onDone={() => {
                          const next = view.choices.find((choice) => choice.key === 'Enter');
                          if (next) onChoice(next);
                        }}
                      />
                    ) : undefined
                  }
                >
                  {view.outcome && draft && (
                    <ConsultationRecordForm
                      key={`${phase.flow.currentNodeId}-${phase.step}`}
                      guide={guideData}
                      draft={draft}
                      onSave={(record) => save.mutate(record)}
                      saving={save.isPending}
                      error={saveError}
                      summaryRef={summaryRef}
                      onFieldsChange={setLiveRecord}
                    />
                  )}
                  {view.outcome === 'lead' && (
                    <LeadFilingPanel
                      companyName={phase.collected.companyName ?? ''}
                      contactName={phase.collected.contactName ?? ''}
                      phone={phase.collected.phone ?? ''}
                      email={phase.collected.email ?? ''}
                      businessNumber={businessNumber}
                    />
                  )}
                  {view.outcome && view.outcome !== 'lead' && draft && (
                    <TransferFilingPanel
                      key={`transfer-${phase.flow.currentNodeId}-${phase.step}`}
                      guide={guideData}
                      inquiryType={phase.inquiryType}
                      channel={phase.active.channel}
                      fields={liveRecord ?? draft}
                      choice={transferChoice}
                      onChoiceChange={setTransferChoice}
                    />
                  )}
                </FlowStep>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <MyTransfersPanel session={session} />
              <RecentConsultationsPanel guide={guideData} />
            </Stack>
          </Grid.Col>
        </Grid>
      </AppShell.Main>
    </AppShell>
  );
}
