import type { FlowEntry } from '../../domain/flow/flowTypes.ts';
import type { CollectedFields, ConsoleState, RecordDraft, TransferChoice } from './consoleState.ts';

/**
 * What the console saves of a call in progress so that a reload, Back or another tab resumes it:
 * the guide and type chosen, the path so far and everything typed. Without a type, the call
 * resumes at the type picker.
 */
export type ConsoleDraft = {
  guideId: string | null;
  scriptId: string | null;
  inquiryType: number | null;
  history: FlowEntry[];
  collected: CollectedFields;
  businessNumber: string;
  /** The record as written so far, once the script has reached an end. */
  record: RecordDraft | null;
  transfer: TransferChoice | null;
};

/** The draft of the call in progress, or null when there is none. */
export function toConsoleDraft(state: ConsoleState): ConsoleDraft | null {
  const { phase } = state;
  if (phase.kind === 'start') return null;
  if (phase.kind === 'pick') {
    return {
      guideId: null,
      scriptId: null,
      inquiryType: null,
      history: [],
      collected: {},
      businessNumber: '',
      record: null,
      transfer: null,
    };
  }
  const { progress } = phase;
  return {
    guideId: progress.guide.id,
    scriptId: progress.flow.scriptId,
    inquiryType: progress.inquiryType.number,
    history: progress.flow.history,
    collected: progress.collected,
    businessNumber: progress.businessNumber,
    record: phase.kind === 'record' ? phase.record : null,
    transfer: phase.kind === 'record' ? phase.transfer : null,
  };
}
