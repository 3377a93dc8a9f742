import type { Channel } from '../../contract/common/channelSchema.ts';
import type { CallerContact } from '../../contract/consultations/callerContactSchema.ts';
import type { ConsultationDraftContent } from '../../contract/consultations/consultationDraftContentSchema.ts';
import { advanceFlow } from '../../domain/flow/advanceFlow.ts';
import type { FlowInput, FlowState } from '../../domain/flow/flowTypes.ts';
import { replayFlow } from '../../domain/flow/replayFlow.ts';
import { startFlow } from '../../domain/flow/startFlow.ts';
import { stepBackFlow } from '../../domain/flow/stepBackFlow.ts';
import { summarizeFlow } from '../../domain/flow/summarizeFlow.ts';
import type { CollectFieldKey, Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import { scriptChannels } from '../../domain/guide/scriptChannels.ts';
import { isLeadIntakeStep } from '../../domain/lead/isLeadIntakeStep.ts';
import type { LeadIntakeInput } from '../../domain/lead/validateLeadIntake.ts';
import { draftRecordFields } from '../../domain/record/draftRecordFields.ts';
import { followFieldsInBody } from '../../domain/record/followFieldsInBody.ts';
import type { RecordFields } from '../../domain/record/renderConsultationRecord.ts';
import { translateNow } from '../i18n/translateNow.ts';
import { recordFromDraft } from './consoleDraft.ts';
import type {
  ActiveCall,
  CollectedFields,
  ConsolePhase,
  ConsoleState,
  RecordDraft,
  SavedNotice,
  ScriptProgress,
  TransferChoice,
} from './consoleState.ts';
import type { QueuedKey } from './keyboardQueue.ts';

/**
 * Whether a sign-up intake holds values the server accepts: validateLeadIntake, given by the one who
 * chooses. It comes with the call views (callViews.ts), so the console's first screen does not carry
 * the phone-number parser and Korea's numbering plan it needs.
 */
export type LeadIntakeCheck = (input: LeadIntakeInput) => { ok: boolean };

/** Everything that can happen to the console. */
export type ConsoleAction =
  | {
      type: 'start';
      callKey: string;
      channel: Channel;
      callerNumber: string;
      guideId: string;
      /**
       * The key that started the call (a type's number on the start panel), handed on to the
       * picker: held like any key typed while the step changes, applied once the picker has focus.
       */
      handOn?: QueuedKey;
    }
  | {
      type: 'consultationCreated';
      callKey: string;
      consultationId: string;
      callerContact: CallerContact | null;
    }
  | { type: 'startFailed'; callKey: string; message: string }
  | { type: 'pick'; guide: Guide; inquiryType: InquiryType; collected?: CollectedFields }
  | { type: 'choose'; input: FlowInput; businessHoursOpen: boolean; checkLeadIntake: LeadIntakeCheck }
  | { type: 'stepBack' }
  | { type: 'repick' }
  | { type: 'collect'; key: CollectFieldKey; value: string }
  | { type: 'businessNumber'; value: string }
  | { type: 'recordFields'; fields: RecordFields }
  | { type: 'recordTitle'; title: string | null }
  | { type: 'recordBody'; body: string | null }
  | { type: 'transferChoice'; choice: TransferChoice }
  | { type: 'finished'; saved: SavedNotice }
  | {
      type: 'resume';
      call: ActiveCall;
      guide: Guide | null;
      draft: ConsultationDraftContent | null;
      revision: number;
    }
  | {
      type: 'remoteDraft';
      consultationId: string;
      guide: Guide | null;
      draft: ConsultationDraftContent | null;
      revision: number;
      /** Take it even over unsaved local changes (the server refused ours as stale). */
      force: boolean;
    }
  | { type: 'closedElsewhere'; consultationId: string; saved: SavedNotice | null; message: string | null }
  | { type: 'dismissFlowError' }
  | { type: 'draftSaving'; consultationId: string; revision: number }
  | { type: 'draftSaved'; consultationId: string; revision: number }
  | { type: 'draftSaveEnded'; consultationId: string }
  | { type: 'keyHeld'; key: QueuedKey }
  | { type: 'keyReleased' }
  | { type: 'stepSettled'; step: number };

/** A new step: the view moves focus and holds keys until it has. */
const nextStep = (state: ConsoleState, phase: ConsolePhase): ConsoleState => ({
  ...state,
  phase,
  step: state.step + 1,
});

/** A change the draft carries. */
const edited = (state: ConsoleState): ConsoleState => ({ ...state, draftRevision: state.draftRevision + 1 });

/** The record form's starting point at an end of the script: what the flow and the phone system already know. */
function draftRecord(call: ActiveCall, progress: ScriptProgress): RecordDraft {
  return {
    fields: draftRecordFields(progress.guide, progress.flow, {
      callerNumber: call.callerNumber || undefined,
      directoryContact: call.callerContact,
      collected: progress.collected,
      inquiryTypeNumber: progress.inquiryType.number,
    }),
    titleOverride: null,
    bodyOverride: null,
  };
}

/**
 * The phase for a flow position: the record phase at an end of the script (the transfer defaults
 * to on when the guide promises a callback), else the running script.
 */
function phaseAt(call: ActiveCall, progress: ScriptProgress): ConsolePhase {
  const { outcome } = summarizeFlow(progress.guide, progress.flow);
  if (outcome === null) return { kind: 'flow', call, progress };
  return {
    kind: 'record',
    call,
    progress,
    record: draftRecord(call, progress),
    transfer: { file: outcome === 'transfer', email: progress.collected.email ?? '' },
  };
}

const withFlow = (progress: ScriptProgress, flow: FlowState): ScriptProgress => ({ ...progress, flow });

function choose(
  state: ConsoleState,
  input: FlowInput,
  businessHoursOpen: boolean,
  checkLeadIntake: LeadIntakeCheck,
): ConsoleState {
  const { phase } = state;
  if (phase.kind !== 'flow') return state;
  const { progress } = phase;
  // The sign-up intake moves on only with values the server will accept (inline messages show).
  if (
    input === 'next' &&
    isLeadIntakeStep(progress.guide, progress.flow) &&
    !checkLeadIntake({ ...progress.collected, businessNumber: progress.businessNumber }).ok
  ) {
    return {
      ...state,
      phase: { ...phase, progress: { ...progress, intakeAttempts: progress.intakeAttempts + 1 } },
    };
  }
  const result = advanceFlow(progress.guide, progress.flow, input, { businessHoursOpen });
  if (!result.ok) return { ...state, flowError: result.message };
  return edited(
    nextStep({ ...state, flowError: null }, phaseAt(phase.call, withFlow(progress, result.state))),
  );
}

function stepBack(state: ConsoleState): ConsoleState {
  const { phase } = state;
  if (phase.kind !== 'flow' && phase.kind !== 'record') return state;
  const result = stepBackFlow(phase.progress.guide, phase.progress.flow);
  if (!result.ok) return state;
  return edited(
    nextStep({ ...state, flowError: null }, phaseAt(phase.call, withFlow(phase.progress, result.state))),
  );
}

/**
 * What the agent typed in the script being left: the collect steps' values and, at the record,
 * the fields they edited there (what the record drafted itself — the caller number from the
 * phone system, a lead's inquiry line — is not carried as if typed).
 */
function typedIn(phase: Extract<ConsolePhase, { kind: 'flow' | 'record' }>): CollectedFields {
  const typed: CollectedFields = { ...phase.progress.collected };
  if (phase.kind === 'record') {
    const drafted = draftRecord(phase.call, phase.progress).fields;
    for (const key of ['companyName', 'contactName', 'phone', 'inquiry'] as const) {
      const value = phase.record.fields[key];
      if (value.trim() && value !== drafted[key]) typed[key] = value;
    }
  }
  return Object.fromEntries(Object.entries(typed).filter(([, value]) => value?.trim()));
}

function pick(
  state: ConsoleState,
  guide: Guide,
  inquiryType: InquiryType,
  collected: CollectedFields,
): ConsoleState {
  if (state.phase.kind === 'start') return state;
  // Search can reach a type whose script is not read on this channel (a chat-only script on a call).
  const { channel } = state.phase.call;
  const script = guide.scripts.find((candidate) => candidate.id === inquiryType.scriptId);
  if (script && !scriptChannels(guide, script).includes(channel)) {
    const served = scriptChannels(guide, script)
      .map((id) => guide.channels.find((candidate) => candidate.id === id)?.label ?? id)
      .join('·');
    return {
      ...state,
      flowError: translateNow('console.flow.wrongChannel', { type: inquiryType.label, channels: served }),
    };
  }
  const started = startFlow(guide, inquiryType.scriptId);
  if (!started.ok) return { ...state, flowError: started.message };
  // What was typed in the script left (by Esc, or by switching from search mid-script) carries
  // over; words given with this pick (the picker's 고객 말씀) win over it.
  const { phase } = state;
  const carried = phase.kind === 'pick' ? (phase.carried ?? {}) : typedIn(phase);
  const progress: ScriptProgress = {
    guide,
    inquiryType,
    flow: started.state,
    collected: { ...carried, ...collected },
    businessNumber: '',
    intakeAttempts: 0,
  };
  return edited(nextStep({ ...state, flowError: null }, phaseAt(state.phase.call, progress)));
}

/** The phase a saved draft stands for: the path replayed through the guide, so only a legal position is restored. */
function phaseFromDraft(
  call: ActiveCall,
  guide: Guide | null,
  draft: ConsultationDraftContent | null,
): { phase: ConsolePhase; problem: string | null } {
  const inquiryType = guide?.inquiryTypes.find((type) => type.number === draft?.inquiryType);
  if (!guide || !draft?.scriptId || !inquiryType || inquiryType.scriptId !== draft.scriptId) {
    return { phase: { kind: 'pick', call }, problem: null };
  }
  const replayed = replayFlow(guide, draft.scriptId, draft.history);
  if (!replayed.ok) {
    return {
      phase: { kind: 'pick', call },
      problem: translateNow('console.resume.replayFailed', { message: replayed.message }),
    };
  }
  const progress: ScriptProgress = {
    guide,
    inquiryType,
    flow: replayed.state,
    collected: draft.collected,
    businessNumber: draft.businessNumber ?? '',
    intakeAttempts: 0,
  };
  const phase = phaseAt(call, progress);
  if (phase.kind !== 'record') return { phase, problem: null };
  return {
    phase: {
      ...phase,
      record: recordFromDraft(draft, phase.record) ?? phase.record,
      transfer: draft.transfer ?? phase.transfer,
    },
    problem: null,
  };
}

/** Resumes a call from its saved draft (a reload, Back, another tab or machine: "이어서 진행"). */
function resume(
  state: ConsoleState,
  call: ActiveCall,
  guide: Guide | null,
  draft: ConsultationDraftContent | null,
  revision: number,
): ConsoleState {
  const { phase, problem } = phaseFromDraft(call, guide, draft);
  // What was restored is what the server holds: nothing waits to be saved, and the next change
  // goes out with the revision after the stored one — counted from it, not from what this tab
  // counted on other calls, or a tab ahead would ignore the other tabs' newer drafts as old.
  return nextStep(
    {
      ...state,
      lastChannel: call.channel,
      startError: null,
      saved: null,
      flowError: problem,
      draftRevision: revision,
      savedDraftRevision: revision,
      draftInFlight: null,
    },
    phase,
  );
}

/** Where a phase rests, to tell whether a remote change moved the call or only changed text. */
const positionOf = (phase: ConsolePhase): string =>
  phase.kind === 'flow' || phase.kind === 'record'
    ? `${phase.kind}:${phase.progress.inquiryType.number}:${phase.progress.flow.history.length}:${phase.progress.flow.currentNodeId}`
    : phase.kind;

/** The same call saved from another tab or machine: taken when newer and nothing here is unsaved (or when forced). */
function takeRemoteDraft(
  state: ConsoleState,
  action: Extract<ConsoleAction, { type: 'remoteDraft' }>,
): ConsoleState {
  const { phase } = state;
  if (phase.kind === 'start' || phase.call.consultationId !== action.consultationId) return state;
  const unsaved = state.draftRevision > state.savedDraftRevision;
  if (!action.force && (action.revision <= state.savedDraftRevision || unsaved)) return state;
  const taken = phaseFromDraft(phase.call, action.guide, action.draft);
  const saved = Math.max(state.draftRevision, action.revision);
  const next: ConsoleState = {
    ...state,
    phase: taken.phase,
    flowError: taken.problem ?? state.flowError,
    draftRevision: saved,
    savedDraftRevision: saved,
  };
  // Focus moves only when the call moved; text typed elsewhere just shows.
  return positionOf(taken.phase) === positionOf(phase) ? next : nextStep(next, taken.phase);
}

/** Changes the record phase's draft (record or transfer); nothing outside it. */
/**
 * The record with new field values; a 상담내용 edited by hand keeps what the agent wrote, its
 * "ㄴ label :" lines following the fields (the server refuses a body that contradicts them).
 */
function withRecordFields(guide: Guide, record: RecordDraft, fields: RecordFields): RecordDraft {
  return {
    ...record,
    fields,
    bodyOverride:
      record.bodyOverride === null ? null : followFieldsInBody(guide, record.bodyOverride, fields),
  };
}

function editRecord(
  state: ConsoleState,
  change: (phase: Extract<ConsolePhase, { kind: 'record' }>) => Extract<ConsolePhase, { kind: 'record' }>,
): ConsoleState {
  return state.phase.kind === 'record' ? edited({ ...state, phase: change(state.phase) }) : state;
}

/**
 * The console's state machine: start → pick → flow → record, flow steps through the pure flow
 * engine, the fields typed on the way, the transfer choice, resuming from a draft, and the keys
 * held while a step changes. Pure: the view does the requests and the focus, then reports here.
 */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  const { phase } = state;
  switch (action.type) {
    case 'start': {
      const call: ActiveCall = {
        callKey: action.callKey,
        channel: action.channel,
        callerNumber: action.callerNumber,
        callerContact: null,
        consultationId: null,
        guideId: action.guideId,
      };
      return nextStep(
        {
          ...state,
          lastChannel: action.channel,
          startError: null,
          flowError: null,
          saved: null,
          keyQueue: action.handOn ? [...state.keyQueue, action.handOn] : state.keyQueue,
          // A new consultation holds no draft: its revisions count from 0.
          draftRevision: 0,
          savedDraftRevision: 0,
          draftInFlight: null,
        },
        { kind: 'pick', call },
      );
    }
    case 'consultationCreated': {
      if (phase.kind === 'start' || phase.call.callKey !== action.callKey) return state;
      return edited({
        ...state,
        phase: {
          ...phase,
          call: { ...phase.call, consultationId: action.consultationId, callerContact: action.callerContact },
        },
      });
    }
    case 'startFailed': {
      if (phase.kind === 'start' || phase.call.callKey !== action.callKey) return state;
      return nextStep({ ...state, startError: action.message }, { kind: 'start' });
    }
    case 'pick':
      return pick(state, action.guide, action.inquiryType, action.collected ?? {});
    case 'choose':
      return choose(state, action.input, action.businessHoursOpen, action.checkLeadIntake);
    case 'stepBack':
      return stepBack(state);
    case 'repick':
      if (phase.kind !== 'flow' && phase.kind !== 'record') return state;
      return edited(
        nextStep({ ...state, flowError: null }, { kind: 'pick', call: phase.call, carried: typedIn(phase) }),
      );
    case 'collect':
      if (phase.kind !== 'flow') return state;
      return edited({
        ...state,
        phase: {
          ...phase,
          progress: {
            ...phase.progress,
            collected: { ...phase.progress.collected, [action.key]: action.value },
          },
        },
      });
    case 'businessNumber':
      if (phase.kind !== 'flow') return state;
      return edited({
        ...state,
        phase: { ...phase, progress: { ...phase.progress, businessNumber: action.value } },
      });
    case 'recordFields':
      return editRecord(state, (current) => ({
        ...current,
        record: withRecordFields(current.progress.guide, current.record, action.fields),
      }));
    case 'recordTitle':
      return editRecord(state, (current) => ({
        ...current,
        record: { ...current.record, titleOverride: action.title },
      }));
    case 'recordBody':
      return editRecord(state, (current) => ({
        ...current,
        record: { ...current.record, bodyOverride: action.body },
      }));
    case 'transferChoice':
      return editRecord(state, (current) => {
        // A transfer turned on where the path needed no callback now does: the phone system's
        // number fills an empty 연락처, as on a transfer path (still editable).
        const fields = current.record.fields;
        const needsNumber =
          action.choice.file &&
          !current.transfer.file &&
          fields.phone.trim() === '' &&
          current.call.callerNumber;
        return {
          ...current,
          transfer: action.choice,
          record: needsNumber
            ? withRecordFields(current.progress.guide, current.record, {
                ...fields,
                phone: current.call.callerNumber,
              })
            : current.record,
        };
      });
    case 'finished':
      return nextStep(
        { ...state, saved: action.saved, flowError: null, savedDraftRevision: state.draftRevision },
        { kind: 'start' },
      );
    case 'resume':
      return resume(state, action.call, action.guide, action.draft, action.revision);
    case 'remoteDraft':
      return takeRemoteDraft(state, action);
    case 'closedElsewhere':
      if (phase.kind === 'start' || phase.call.consultationId !== action.consultationId) return state;
      return nextStep(
        {
          ...state,
          saved: action.saved,
          flowError: action.message,
          savedDraftRevision: state.draftRevision,
        },
        { kind: 'start' },
      );
    case 'dismissFlowError':
      return { ...state, flowError: null };
    // Answers about the call on screen only: revisions count per call, and a save of a call this
    // tab has left (finished, closed elsewhere) may answer after the next call started.
    case 'draftSaving':
      if (phase.kind === 'start' || phase.call.consultationId !== action.consultationId) return state;
      return { ...state, draftInFlight: action.revision };
    case 'draftSaved':
      if (phase.kind === 'start' || phase.call.consultationId !== action.consultationId) return state;
      return {
        ...state,
        savedDraftRevision: Math.max(state.savedDraftRevision, action.revision),
        draftInFlight: null,
      };
    case 'draftSaveEnded':
      if (phase.kind === 'start' || phase.call.consultationId !== action.consultationId) return state;
      return { ...state, draftInFlight: null };
    case 'keyHeld':
      return { ...state, keyQueue: [...state.keyQueue, action.key] };
    case 'keyReleased':
      return { ...state, keyQueue: state.keyQueue.slice(1) };
    case 'stepSettled':
      return action.step === state.step ? { ...state, settledStep: action.step } : state;
  }
}

/**
 * Whether keys must wait: a step changed and its view has not taken focus yet, or keys held
 * earlier are still being applied (a new key must not overtake them).
 */
export function isHoldingKeys(state: ConsoleState): boolean {
  return state.settledStep !== state.step || state.keyQueue.length > 0;
}
