import { Alert, Center, Grid, Loader, Stack, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Session } from '../../contract/auth/sessionSchema.ts';
import { type Channel, channelSchema } from '../../contract/common/channelSchema.ts';
import { finishConsultationRequestSchema } from '../../contract/consultations/finishConsultationRequestSchema.ts';
import { finishConsultationResponseSchema } from '../../contract/consultations/finishConsultationResponseSchema.ts';
import { startConsultationSchema } from '../../contract/consultations/startConsultationSchema.ts';
import {
  type StartedConsultation,
  startedConsultationSchema,
} from '../../contract/consultations/startedConsultationSchema.ts';
import { barsOffScriptTransfer } from '../../domain/consultation/barsOffScriptTransfer.ts';
import { describeStep, type StepChoice } from '../../domain/flow/describeStep.ts';
import { summarizeFlow } from '../../domain/flow/summarizeFlow.ts';
import type { Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import { listGuideChannels } from '../../domain/guide/listGuideChannels.ts';
import { isLeadIntakeStep } from '../../domain/lead/isLeadIntakeStep.ts';
import { fieldsWithheldByRefusal } from '../../domain/privacy/fieldsWithheldByRefusal.ts';
import { draftRecordFields } from '../../domain/record/draftRecordFields.ts';
import type { RecordFields } from '../../domain/record/renderConsultationRecord.ts';
import { ApiError } from '../api/ApiError.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { requestJson } from '../api/requestJson.ts';
import { useGuides } from '../api/useGuides.ts';
import { useGuidesBusinessHours } from '../api/useGuidesBusinessHours.ts';
import { useLogout } from '../api/useLogout.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { AppShell } from '../components/AppShell.tsx';
import { CallPopPanel } from '../components/CallPopPanel.tsx';
import { DraftStatusNote } from '../components/DraftStatusNote.tsx';
import { KakaoHandoffsPanel } from '../components/KakaoHandoffsPanel.tsx';
import { ResumeCallsPanel } from '../components/ResumeCallsPanel.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { StartConsultationPanel } from '../components/StartConsultationPanel.tsx';
import { WaitingCallsNotice } from '../components/WaitingCallsNotice.tsx';
import { WaitingChatsNotice } from '../components/WaitingChatsNotice.tsx';
import { buildFinishRequest, type RecordSubmission } from '../console/buildFinishRequest.ts';
import { closeIfEnded } from '../console/closeIfEnded.ts';
import { consoleApi } from '../console/consoleApi.ts';
import { initialConsoleState } from '../console/consoleState.ts';
import { createConsoleStore } from '../console/consoleStore.ts';
import { describeSavedOutcome } from '../console/describeSavedOutcome.ts';
import { draftRevisionSeen } from '../console/draftRevisionSeen.ts';
import type { QueuedKey } from '../console/keyboardQueue.ts';
import { poppedCallParam } from '../console/poppedCallAddress.ts';
import { pullDraft } from '../console/pullDraft.ts';
import { useCallPops } from '../console/useCallPops.ts';
import { callParam, useCallResume } from '../console/useCallResume.ts';
import { useCallViews } from '../console/useCallViews.tsx';
import { useDraftSync } from '../console/useDraftSync.ts';
import { useKeyQueue } from '../console/useKeyQueue.ts';
import { addMessages } from '../i18n/catalogue.ts';
import { consoleMessages } from '../i18n/messages/console.ts';
import { ctiMessages } from '../i18n/messages/cti.ts';
import { kakaoMessages } from '../i18n/messages/kakao.ts';
import { leadDuplicatesMessages } from '../i18n/messages/leadDuplicates.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useT } from '../i18n/useT.ts';
import { describeChannel } from '../lib/describeChannel.ts';
import { isCollectFieldKey } from '../lib/isCollectFieldKey.ts';
import { navigate, useLocation } from '../lib/useLocation.ts';
import { leadKeys } from './leads/leadApi.ts';
import { transferKeys } from './queue/transferApi.ts';

// This screen's words load with it (catalogue.ts: addMessages); the call views add theirs.
addMessages(consoleMessages, ctiMessages, kakaoMessages, leadDuplicatesMessages);

// The side panels load beside the start screen, not before it.
const MyTransfersPanel = lazy(async () => ({
  default: (await import('./queue/MyTransfersPanel.tsx')).MyTransfersPanel,
}));
const RecentConsultationsPanel = lazy(async () => ({
  default: (await import('../components/RecentConsultationsPanel.tsx')).RecentConsultationsPanel,
}));
const ChatTranscriptPanel = lazy(async () => ({
  default: (await import('../components/ChatTranscriptPanel.tsx')).ChatTranscriptPanel,
}));

/**
 * `/`: the agent console — start, pick the inquiry type, run the script, save the record. A view
 * over the console's state machine (src/web/console): it renders the phase, sends what the agent
 * does as actions and does the requests.
 */
export function ConsoleScene({ session }: { session: Session }) {
  const t = useT();
  const queryClient = useQueryClient();
  // Loaded right after the start screen; until then the step views are stand-ins and keys are held.
  const {
    views: {
      ConsultationRecordForm,
      FlowStep,
      InquiryTypePicker,
      LeadFilingPanel,
      LeadIntakeFields,
      RecordPreviewPanel,
      SuggestPanel,
      TransferFilingPanel,
      checkLeadIntake,
      maskPhone,
    },
    ready: callViewsReady,
  } = useCallViews();
  const location = useLocation();
  // Every loaded guide: the picker, search and suggestions span them; a call runs on the guide of
  // the type picked.
  const catalog = useGuides();
  // Named in the UI language here, so the start panel's buttons and the picker's caption show the
  // same word as the recent list and the transfer form.
  const locale = useLocale();
  const channels = useMemo(
    () =>
      listGuideChannels(catalog.guides ?? []).map((channel) => ({
        ...channel,
        label: describeChannel(channel.id, channel.label, locale),
      })),
    [catalog.guides, locale],
  );
  const guideIds = useMemo(() => (catalog.guides ?? []).map((guide) => guide.id), [catalog.guides]);
  // Each guide's support line keeps its own hours: a call is routed by its guide's.
  const hours = useGuidesBusinessHours(guideIds, catalog.defaultGuide?.id);
  const [store] = useState(() => createConsoleStore(initialConsoleState()));
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { phase } = state;
  const summaryRef = useRef<HTMLInputElement>(null);
  // The POST that opened each call, awaited at save time so the agent never waits for it up front.
  const creations = useRef(new Map<string, Promise<StartedConsultation>>());
  const callCount = useRef(0);
  const callGuideId =
    phase.kind === 'flow' || phase.kind === 'record' ? phase.progress.guide.id : catalog.defaultGuide?.id;
  const hoursOpen = hours.of(callGuideId)?.open ?? null;
  const guides = catalog.guides;

  const initialCaller = location.search.get('caller') ?? '';
  // A chat agent handles chat after chat: the next start offers the channel of the last one,
  // unless the screen pop says otherwise (?channel=chat|call).
  // Before any call: the guides' first channel.
  const requestedChannel = channelSchema.safeParse(location.search.get('channel'));
  const initialChannel: Channel | undefined = requestedChannel.success
    ? requestedChannel.data
    : (state.lastChannel ?? channels[0]?.id);

  const logout = useLogout();

  const start = (
    { channel, callerNumber }: { channel: Channel; callerNumber: string },
    handOn?: QueuedKey,
  ) => {
    callCount.current += 1;
    const callKey = `call-${callCount.current}`;
    // The default guide, or the first serving the channel (as the server picks); the type picked
    // later may move the call to another guide.
    const serves = (guide: Guide) => guide.channels.some((candidate) => candidate.id === channel);
    const guideId = (
      catalog.defaultGuide && serves(catalog.defaultGuide) ? catalog.defaultGuide : guides?.find(serves)
    )?.id;
    if (!guideId) return;
    store.dispatch({ type: 'start', callKey, channel, callerNumber, guideId, handOn });
    const created = requestJson({
      method: 'POST',
      path: '/api/v1/consultations',
      bodySchema: startConsultationSchema,
      body: { channel, guideId, ...(callerNumber ? { callerNumber } : {}) },
      schema: startedConsultationSchema,
    });
    creations.current.set(callKey, created);
    created.then(
      (consultation) => {
        store.dispatch({
          type: 'consultationCreated',
          callKey,
          consultationId: consultation.id,
          callerContact: consultation.callerContact,
        });
        void queryClient.invalidateQueries({ queryKey: queryKeys.recentConsultations });
      },
      (error: unknown) =>
        store.dispatch({
          type: 'startFailed',
          callKey,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    // A screen-pop number belongs to this call only; the next start must not reuse it.
    if (location.search.has('caller')) navigate('/', { replace: true });
  };

  const pick = (inquiryType: InquiryType, guide: Guide, callerWords = '') => {
    store.dispatch({
      type: 'pick',
      guide,
      inquiryType,
      collected: callerWords ? { inquiry: callerWords } : {},
    });
    // The business-hours decision is taken a keystroke later; make sure it is fresh.
    hours.refetch(guide.id);
  };

  // Search (Ctrl+K) opens a script at any time: mid-call it switches the type, otherwise it starts a call.
  const openFromSearch = (inquiryType: InquiryType, guide: Guide) => {
    if (store.getState().phase.kind === 'start' && initialChannel)
      start({ channel: initialChannel, callerNumber: initialCaller });
    pick(inquiryType, guide);
  };

  const progress = phase.kind === 'flow' || phase.kind === 'record' ? phase.progress : null;
  const view = useMemo(() => (progress ? describeStep(progress.guide, progress.flow) : null), [progress]);
  // While the script runs, the record as it would be drafted now, shown beside the script.
  const previewCall = phase.kind === 'flow' ? phase.call : null;
  const previewProgress = phase.kind === 'flow' ? phase.progress : null;
  const previewFields = useMemo(
    () =>
      previewProgress
        ? draftRecordFields(previewProgress.guide, previewProgress.flow, {
            callerNumber: previewCall?.callerNumber || undefined,
            directoryContact: previewCall?.callerContact ?? null,
            collected: previewProgress.collected,
            inquiryTypeNumber: previewProgress.inquiryType.number,
          })
        : null,
    [previewProgress, previewCall],
  );

  const onChoice = useCallback(
    (choice: StepChoice) =>
      // Unknown hours count as closed: a transfer is always possible, the support line may not be.
      store.dispatch({
        type: 'choose',
        input: choice.input,
        businessHoursOpen: hoursOpen ?? false,
        checkLeadIntake,
      }),
    [store, hoursOpen, checkLeadIntake],
  );
  const onBack = useCallback(() => store.dispatch({ type: 'stepBack' }), [store]);
  const onRepick = useCallback(() => store.dispatch({ type: 'repick' }), [store]);
  // The summary starts as the type's label: selected, so typing replaces it instead of appending.
  const onFinish = useCallback(() => {
    summaryRef.current?.focus();
    summaryRef.current?.select();
  }, []);
  const onCollectedChange = useCallback(
    (key: string, value: string) => {
      if (isCollectFieldKey(key)) store.dispatch({ type: 'collect', key, value });
    },
    [store],
  );
  const onRecordFieldsChange = useCallback(
    (fields: RecordFields) => store.dispatch({ type: 'recordFields', fields }),
    [store],
  );
  const onRecordTitleChange = useCallback(
    (title: string | null) => store.dispatch({ type: 'recordTitle', title }),
    [store],
  );
  const onRecordBodyChange = useCallback(
    (body: string | null) => store.dispatch({ type: 'recordBody', body }),
    [store],
  );

  const save = useMutation({
    mutationFn: async (record: RecordSubmission) => {
      const state = store.getState();
      const current = state.phase;
      if (current.kind !== 'record') throw new Error(t('console.save.nothing'));
      const created = creations.current.get(current.call.callKey);
      const consultationId = current.call.consultationId ?? (created ? (await created).id : null);
      if (!consultationId) throw new Error(t('console.save.nothing'));
      const { outcome } = summarizeFlow(current.progress.guide, current.progress.flow);
      // One request saves the record and files the transfer or lead with it, or does nothing at
      // all; keyed by the consultation, so pressing Ctrl+Enter again after a lost answer never files twice.
      const finished = await requestJson({
        method: 'POST',
        path: `/api/v1/consultations/${encodeURIComponent(consultationId)}/finish`,
        bodySchema: finishConsultationRequestSchema,
        // Made from this draft revision: a newer one stored by another tab is not overwritten.
        body: { ...buildFinishRequest(current, record, hoursOpen), draftRevision: draftRevisionSeen(state) },
        headers: { 'Idempotency-Key': `finish-${consultationId}` },
        schema: finishConsultationResponseSchema,
      });
      return { finished, outcome };
    },
    onError: (error) => {
      const current = store.getState().phase;
      const id = current.kind === 'start' ? null : current.call.consultationId;
      if (!id || !(error instanceof ApiError)) return;
      // Another tab stored a newer draft (a correction) first: the call is still open. Its draft is
      // taken here, and the server's message asks the agent to check it and save again.
      if (error.status === 409 && error.errors.some((detail) => detail.where === '/draftRevision')) {
        void pullDraft(store, queryClient, id, true).catch(() => undefined);
        return;
      }
      // Saved or abandoned elsewhere meanwhile (409, or 422 for the other tab's body under the same
      // Idempotency-Key): this tab's record was not kept; closeIfEnded says so once the call is closed.
      if (error.status === 409 || error.status === 422)
        void closeIfEnded(store, id, true).catch(() => undefined);
    },
    onSuccess: ({ finished, outcome }) => {
      const { consultation, transfer, lead } = finished;
      const said = describeSavedOutcome(finished, outcome, t);
      if (transfer || lead) void queryClient.invalidateQueries({ queryKey: transferKeys.all });
      if (lead) void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      // A saved call's pop is no longer news (a call still waiting keeps its own).
      forgetPop(consultation.id);
      store.dispatch({ type: 'finished', saved: { title: consultation.record?.title ?? '', outcome: said } });
      save.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.recentConsultations });
      void queryClient.invalidateQueries({ queryKey: consoleApi.openConsultationsKey });
    },
  });

  const draftStatus = useDraftSync(store, state, save.isPending);
  const requestedCallId = location.search.get(callParam);
  const resume = useCallResume(store, state, requestedCallId);
  // A call answered at this agent's extension (CTI) opens at once when no call is on screen (and
  // is not already being resumed from the address, after a reload just after the answer). Each
  // call keeps its own pop: one answered while another is on screen waits beside it.
  const { pops, forget: forgetPop } = useCallPops((answered) => {
    if (
      answered.consultationId &&
      store.getState().phase.kind === 'start' &&
      answered.consultationId !== requestedCallId
    )
      resume.open(answered.consultationId);
  }, location.search.get(poppedCallParam));
  const activeCallId = phase.kind === 'start' ? null : phase.call.consultationId;
  // The call on screen, or the one loading from the address: its own pop, never another call's.
  const shownCallId = activeCallId ?? (resume.resuming ? requestedCallId : null);
  const currentPop =
    (shownCallId && pops.find((held) => held.pop.consultationId === shownCallId)?.pop) || null;
  // The other calls announced here whose consultation is still open: a list read after a pop came
  // and not holding its call means it was saved or abandoned (in another tab, on another PC).
  const openCalls = useQuery({
    queryKey: consoleApi.openConsultationsKey,
    queryFn: ({ signal }) => consoleApi.openConsultations(signal),
    enabled: pops.length > 0,
  });
  const openCallIds = new Set(openCalls.data?.items.map((item) => item.consultation.id));
  const waitingPops = pops.flatMap(({ pop, receivedAt, announced }) =>
    announced &&
    pop.consultationId !== null &&
    pop.consultationId !== shownCallId &&
    !(openCalls.data && openCalls.dataUpdatedAt > receivedAt && !openCallIds.has(pop.consultationId))
      ? [{ ...pop, consultationId: pop.consultationId }]
      : [],
  );
  // Keys wait for the step's view: the start panel needs the guides (its channels) and no call
  // being resumed — an Enter typed right after login must start the call, not hit the page body;
  // the picker needs the guides; a call's script carries its own.
  const startPanelShown = !resume.resuming && initialChannel !== undefined;
  const pickerShown = guides !== undefined;
  useKeyQueue(
    store,
    state,
    catalog.error !== null ||
      (phase.kind === 'start'
        ? startPanelShown
        : phase.kind === 'pick'
          ? pickerShown && callViewsReady
          : callViewsReady),
  );

  // During a call the record and the transfer or lead form stand beside the script (script |
  // record | filing), so everything that will be saved is in sight at 1440×900 without scrolling.
  const inCall = phase.kind === 'flow' || phase.kind === 'record';
  // One object per failed save: the form moves focus to the field it names once per refusal.
  const saveError = useMemo(
    () =>
      save.error
        ? { message: save.error.message, errors: save.error instanceof ApiError ? save.error.errors : [] }
        : null,
    [save.error],
  );
  const stepKey = String(state.step);

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader
          user={session.user}
          onLogout={() => logout.mutate()}
          loggingOut={logout.isPending}
          search={<SearchBox guides={guides} onOpen={openFromSearch} />}
          // A call on another guide is routed by that guide's line: the header says which, and its state.
          hoursGuideId={callGuideId === catalog.defaultGuide?.id ? undefined : callGuideId}
        />
      </AppShell.Header>
      <AppShell.Main aria-label={t('console.main')}>
        {/* Named for screen readers; on screen the space is the agents'. Mantine's VisuallyHidden
            styles, on the heading itself (the component renders a span, which cannot hold an h1). */}
        <Title order={1} className={VisuallyHidden.classes.root}>
          {t('console.main')}
        </Title>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: inCall ? 5 : 8 }}>
            <Stack gap="md">
              {catalog.error && (
                <Alert color="red" role="alert" title={t('console.guidesFailed')}>
                  {catalog.error.message}
                </Alert>
              )}
              {catalog.isPending && (
                <Center py="xl">
                  <Loader aria-label={t('console.guidesLoading')} />
                </Center>
              )}
              {state.flowError && (
                <Alert
                  color="red"
                  role="alert"
                  data-testid="console-error"
                  withCloseButton
                  onClose={() => store.dispatch({ type: 'dismissFlowError' })}
                >
                  {state.flowError}
                </Alert>
              )}
              {resume.problem && phase.kind === 'start' && (
                <Alert color="orange" variant="light" data-testid="resume-problem">
                  {resume.problem}
                </Alert>
              )}
              {resume.resuming && (
                <Center py="xl">
                  <Loader aria-label={t('console.resumeLoading')} />
                </Center>
              )}
              {!resume.resuming && (
                <WaitingCallsNotice
                  pops={waitingPops}
                  onOpen={phase.kind === 'start' ? resume.open : undefined}
                />
              )}
              {currentPop && <CallPopPanel pop={currentPop} />}
              {phase.kind !== 'start' && <WaitingChatsNotice />}
              {phase.kind !== 'start' && <DraftStatusNote status={draftStatus} />}
              {phase.kind === 'start' && !resume.resuming && initialChannel && (
                <StartConsultationPanel
                  key={initialCaller}
                  channels={channels}
                  guideCount={guides?.length ?? 1}
                  highestTypeNumber={Math.max(
                    0,
                    ...(guides ?? []).flatMap((guide) => guide.inquiryTypes.map((type) => type.number)),
                  )}
                  initialChannel={initialChannel}
                  initialCallerNumber={initialCaller}
                  onStart={start}
                  error={state.startError}
                  saved={state.saved}
                />
              )}
              {phase.kind === 'start' && !resume.resuming && (
                <ResumeCallsPanel guides={guides} onResume={resume.open} maskNumber={maskPhone} />
              )}
              {phase.kind === 'start' && !resume.resuming && <KakaoHandoffsPanel onPickUp={resume.open} />}
              {phase.kind === 'pick' && guides && (
                <SuggestPanel
                  guides={guides}
                  channel={phase.call.channel}
                  onPick={(type, guide, callerWords) => pick(type, guide, callerWords)}
                />
              )}
              {phase.kind === 'pick' && guides && (
                <InquiryTypePicker
                  guides={guides}
                  channel={phase.call.channel}
                  channelLabel={
                    channels.find((channel) => channel.id === phase.call.channel)?.label ??
                    describeChannel(phase.call.channel, undefined, locale)
                  }
                  callerNumber={phase.call.callerNumber}
                  onPick={(type, guide) => pick(type, guide)}
                />
              )}
              {(phase.kind === 'flow' || phase.kind === 'record') && view && (
                <FlowStep
                  guide={phase.progress.guide}
                  view={view}
                  stepKey={stepKey}
                  hoursOpen={hoursOpen}
                  collected={phase.progress.collected}
                  onCollectedChange={onCollectedChange}
                  onChoice={onChoice}
                  onBack={onBack}
                  onRepick={onRepick}
                  onFinish={onFinish}
                  directory={currentPop?.caller ?? null}
                  collectSlot={
                    isLeadIntakeStep(phase.progress.guide, phase.progress.flow) ? (
                      <LeadIntakeFields
                        key={`intake-${stepKey}`}
                        fields={view.fields}
                        values={phase.progress.collected}
                        onChange={onCollectedChange}
                        businessNumber={phase.progress.businessNumber}
                        onBusinessNumberChange={(value) => store.dispatch({ type: 'businessNumber', value })}
                        attempts={phase.progress.intakeAttempts}
                        onDone={() => {
                          const next = view.choices.find((choice) => choice.key === 'Enter');
                          if (next) onChoice(next);
                        }}
                      />
                    ) : undefined
                  }
                />
              )}
              {inCall && activeCallId && phase.call.channel === 'chat' && (
                <Suspense fallback={null}>
                  <ChatTranscriptPanel consultationId={activeCallId} />
                </Suspense>
              )}
            </Stack>
          </Grid.Col>
          {phase.kind === 'flow' && previewFields && (
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <RecordPreviewPanel guide={phase.progress.guide} fields={previewFields} />
            </Grid.Col>
          )}
          {phase.kind === 'record' && (
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <ConsultationRecordForm
                key={stepKey}
                guide={phase.progress.guide}
                value={phase.record}
                onFieldsChange={onRecordFieldsChange}
                onTitleChange={onRecordTitleChange}
                onBodyChange={onRecordBodyChange}
                onSave={(record) => save.mutate(record)}
                saving={save.isPending}
                error={saveError}
                summaryRef={summaryRef}
                withheld={fieldsWithheldByRefusal(phase.progress.guide, phase.progress.flow)}
                directoryContactName={phase.call.callerContact?.contactName ?? null}
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, lg: inCall ? 3 : 4 }}>
            <Stack gap="md">
              {phase.kind === 'pick' && activeCallId && phase.call.channel === 'chat' && (
                <Suspense fallback={null}>
                  <ChatTranscriptPanel consultationId={activeCallId} />
                </Suspense>
              )}
              {phase.kind === 'record' && view?.outcome === 'lead' && (
                <LeadFilingPanel
                  companyName={phase.progress.collected.companyName ?? ''}
                  contactName={phase.progress.collected.contactName ?? ''}
                  phone={phase.progress.collected.phone ?? ''}
                  email={phase.progress.collected.email ?? ''}
                  businessNumber={phase.progress.businessNumber}
                />
              )}
              {phase.kind === 'record' &&
                view?.outcome !== 'lead' &&
                // The caller declined (contact, sign-up or consent): no transfer to offer.
                !barsOffScriptTransfer(
                  view?.outcome ?? null,
                  fieldsWithheldByRefusal(phase.progress.guide, phase.progress.flow),
                ) && (
                  <TransferFilingPanel
                    key={`transfer-${stepKey}`}
                    guide={phase.progress.guide}
                    inquiryType={phase.progress.inquiryType}
                    channel={phase.call.channel}
                    fields={phase.record.fields}
                    reachVia={summarizeFlow(phase.progress.guide, phase.progress.flow).reachVia}
                    choice={phase.transfer}
                    onChoiceChange={(choice) => store.dispatch({ type: 'transferChoice', choice })}
                  />
                )}
              <Suspense fallback={null}>
                <MyTransfersPanel session={session} />
              </Suspense>
              {/* Mid-call the narrow column keeps to the call; the history is back at the start. */}
              {!inCall && (
                <Suspense fallback={null}>
                  <RecentConsultationsPanel guides={guides} />
                </Suspense>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </AppShell.Main>
    </AppShell>
  );
}
