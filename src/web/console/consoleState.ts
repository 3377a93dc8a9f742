import type { Channel } from '../../contract/common/channelSchema.ts';
import type { CallerContact } from '../../contract/consultations/callerContactSchema.ts';
import type { FlowState } from '../../domain/flow/flowTypes.ts';
import type { CollectFieldKey, Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import type { RecordFields } from '../../domain/record/renderConsultationRecord.ts';
import type { QueuedKey } from './keyboardQueue.ts';

/** The consultation being handled: known locally at once, its server id once the POST answers. */
export type ActiveCall = {
  /** Local identity of the call, so a late answer for an earlier call is recognised and ignored. */
  callKey: string;
  channel: Channel;
  callerNumber: string;
  /**
   * Who the business directory says the caller is, once the server has answered (start, resume):
   * the record's 기업명 and 담당자 이름 start from it.
   */
  callerContact: CallerContact | null;
  /** The consultation's id on the server; null until `POST /consultations` has answered. */
  consultationId: string | null;
  /** The guide the consultation was opened on (a resumed call loads it by this id). */
  guideId: string;
};

/** Values the agent took down at collect nodes. */
export type CollectedFields = Partial<Record<CollectFieldKey, string>>;

/** The script being followed and everything typed along it. */
export type ScriptProgress = {
  /** The guide the call runs on: fixed once the type is picked (the server replays the path on it). */
  guide: Guide;
  inquiryType: InquiryType;
  flow: FlowState;
  collected: CollectedFields;
  /** Q4-Y: the optional 사업자등록번호 taken with the sign-up intake. */
  businessNumber: string;
  /** How often the agent tried to leave the sign-up intake with invalid values (each shows every message). */
  intakeAttempts: number;
};

/** The record (상담이력) as the agent is writing it; title and body follow the fields until edited by hand. */
export type RecordDraft = {
  fields: RecordFields;
  titleOverride: string | null;
  bodyOverride: string | null;
};

/** What the agent decided about the transfer (이관) filed with the record. */
export type TransferChoice = { file: boolean; email: string };

/**
 * Where the console stands: no call; a call waiting for its inquiry type; the script running; the
 * script at an end, with the record being written.
 */
export type ConsolePhase =
  | { kind: 'start' }
  | {
      kind: 'pick';
      call: ActiveCall;
      /**
       * What the agent had typed in the script left for another type (Esc): the next script's
       * collect steps start from it, so nothing is typed twice.
       */
      carried?: CollectedFields;
    }
  | { kind: 'flow'; call: ActiveCall; progress: ScriptProgress }
  | {
      kind: 'record';
      call: ActiveCall;
      progress: ScriptProgress;
      record: RecordDraft;
      transfer: TransferChoice;
    };

/** The confirmation shown on the start panel after a save. */
export type SavedNotice = { title: string; outcome: string };

/** The console's whole state: the phase plus what the screen shows around it. */
export type ConsoleState = {
  phase: ConsolePhase;
  /** Counts step changes (a new phase or a new flow node, even one reached again): the view's focus key. */
  step: number;
  /** The last step whose view has mounted and taken focus; keys wait while it lags behind `step`. */
  settledStep: number;
  /** Keys typed while a step was changing, applied in order once it has settled. */
  keyQueue: QueuedKey[];
  flowError: string | null;
  startError: string | null;
  saved: SavedNotice | null;
  /**
   * The next call starts on the channel of the last one (a chat agent handles chat after chat);
   * null before the first call, when the guides' first channel is offered.
   */
  lastChannel: Channel | null;
  /**
   * Bumped by every change a draft carries; the draft is saved when it is ahead of
   * `savedDraftRevision`. Both count per call, from the revision the server holds for it, so two
   * tabs on the same call compare the same sequence.
   */
  draftRevision: number;
  savedDraftRevision: number;
  /** The revision of the draft save out now, if one is (it may be stored before the finish is). */
  draftInFlight: number | null;
};

/** The console before the first call. */
export function initialConsoleState(lastChannel: Channel | null = null): ConsoleState {
  return {
    phase: { kind: 'start' },
    step: 0,
    settledStep: -1,
    keyQueue: [],
    flowError: null,
    startError: null,
    saved: null,
    lastChannel,
    draftRevision: 0,
    savedDraftRevision: 0,
    draftInFlight: null,
  };
}
