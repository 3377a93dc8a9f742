import type { FlowEntry } from '../../../domain/flow/flowTypes.ts';
import type { ReplayFlowResult } from '../../../domain/flow/replayFlow.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';

/**
 * Why a posted path is not one the script allows, from the catalogue: the domain words it in
 * Korean only and its reason ('wrong-node', 'incomplete') is a code, not a sentence. The step,
 * node and answer go in as params; the reason is told apart by the messageKey.
 */
export function wordReplayFailure(
  failure: Extract<ReplayFlowResult, { ok: false }>,
  history: readonly FlowEntry[],
): LocalisedText {
  const { index } = failure;
  const node = failure.nodeId ?? '-';
  const entry = history[index];
  switch (failure.reason) {
    case 'wrong-node':
      return msg('consultations.replayWrongNode', { index, expected: node, given: entry?.nodeId ?? '-' });
    case 'invalid-input':
      return msg('consultations.replayInvalidAnswer', { index, node, answer: entry?.answer ?? '-' });
    case 'flow-ended':
      return msg('consultations.replayPastEnd', { index, node });
    case 'unknown-node':
      return msg('consultations.replayUnknownNode', { index, node });
    case 'hours-mismatch':
      return msg('consultations.replayHoursMismatch', { index, node });
    case 'incomplete':
      return msg('consultations.replayHoursMissing', { node });
    default:
      // unknown-script and the like are refused before the replay (checkCompletion).
      return msg('consultations.replayFailed', { index });
  }
}
