import { describe, expect, it } from 'vitest';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { fieldsWithheldByRefusal } from '../privacy/fieldsWithheldByRefusal.ts';
import { advanceFlow } from './advanceFlow.ts';
import { describeStep } from './describeStep.ts';
import type { FlowInput, FlowResult, FlowState } from './flowTypes.ts';
import { labelFlowEntry } from './labelFlowEntry.ts';
import { recordCallbackConsent } from './recordCallbackConsent.ts';
import { replayFlow } from './replayFlow.ts';
import { startFlow } from './startFlow.ts';
import { summarizeFlow } from './summarizeFlow.ts';

const guide = shippedGuide();

function stateOf(result: FlowResult): FlowState {
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
  return result.state;
}

function play(scriptId: string, inputs: FlowInput[]): FlowState {
  return inputs.reduce(
    (state, input) => stateOf(advanceFlow(guide, state, input, { businessHoursOpen: true })),
    stateOf(startFlow(guide, scriptId)),
  );
}

// Q1-N to the transfer end: not registered, the inquiry, 네 to the registered number.
const atTransferEnd = () => play('q1', ['no', 'next', 'yes']);

describe('the callback-number consent at a transfer end', () => {
  it('is the last step of the path, a consent decision on the notice naming [연락처]', () => {
    const agreed = stateOf(recordCallbackConsent(guide, atTransferEnd(), 'agreed'));
    expect(agreed.currentNodeId).toBe('q1-transfer');
    expect(agreed.history.at(-1)).toEqual({ nodeId: 'q1-transfer', answer: 'agreed' });
    const summary = summarizeFlow(guide, agreed);
    expect(summary.complete).toBe(true);
    expect(summary.consents).toEqual([
      {
        noticeId: 'business-consultation-consent[연락처]',
        noticeVersion: '1',
        agreed: true,
        items: ['연락처'],
      },
    ]);
    expect(summary.consent).toEqual(summary.consents[0]);
    const refused = stateOf(recordCallbackConsent(guide, atTransferEnd(), 'refused'));
    expect(summarizeFlow(guide, refused).consent).toMatchObject({ agreed: false, items: ['연락처'] });
  });

  it('agreed, the transfer stands; refused, the path ends declined and keeps no number', () => {
    const agreed = stateOf(recordCallbackConsent(guide, atTransferEnd(), 'agreed'));
    expect(summarizeFlow(guide, agreed).outcome).toBe('transfer');
    expect(fieldsWithheldByRefusal(guide, agreed).size).toBe(0);
    const refused = stateOf(recordCallbackConsent(guide, atTransferEnd(), 'refused'));
    expect(summarizeFlow(guide, refused).outcome).toBe('declined');
    expect(describeStep(guide, refused).outcome).toBe('declined');
    expect([...fieldsWithheldByRefusal(guide, refused)]).toEqual(['phone']);
  });

  it('replays as recorded; the path reads the decision', () => {
    const refused = stateOf(recordCallbackConsent(guide, atTransferEnd(), 'refused'));
    const replayed = replayFlow(guide, 'q1', refused.history);
    expect(replayed.ok && replayed.state.currentNodeId).toBe('q1-transfer');
    const script = guide.scripts.find((candidate) => candidate.id === 'q1');
    const last = refused.history.at(-1);
    const node = script?.nodes.find((candidate) => candidate.id === last?.nodeId);
    expect(last && labelFlowEntry(node, last)).toBe('연락처 수집 거부(N)');
  });

  it('is taken only at a transfer end, once, and only as the last step', () => {
    expect(recordCallbackConsent(guide, play('q1', ['no']), 'agreed').ok).toBe(false);
    // The support line's end is no transfer.
    expect(recordCallbackConsent(guide, play('q1', ['yes']), 'agreed').ok).toBe(false);
    const agreed = stateOf(recordCallbackConsent(guide, atTransferEnd(), 'agreed'));
    expect(recordCallbackConsent(guide, agreed, 'refused').ok).toBe(false);
    const twice = [...agreed.history, { nodeId: 'q1-transfer', answer: 'refused' as const }];
    expect(replayFlow(guide, 'q1', twice).ok).toBe(false);
    expect(replayFlow(guide, 'q4', [{ nodeId: 'q4-signup', answer: 'agreed' }]).ok).toBe(false);
  });
});
