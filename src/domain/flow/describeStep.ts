import type { EndOutcome, Guide, GuideNode, Policy, TransferMethod } from '../guide/guideSchema.ts';
import { renderTemplate } from '../guide/renderTemplate.ts';
import { resolveGuideVariable } from '../guide/resolveGuideVariable.ts';
import { endOutcomeOf } from './endOutcomeOf.ts';
import { findFlowNode } from './findFlowNode.ts';
import type { FlowInput, FlowState } from './flowTypes.ts';
import { labelFlowEntry } from './labelFlowEntry.ts';

/** A button and its key binding. */
export type StepChoice = { input: FlowInput; label: string; key: 'y' | 'n' | 'Enter' };

/** Something the agent can hand over at this step, e.g. the chat-link message to copy. */
export type StepOffer = { id: 'chat-link'; label: string; text: string; url: string };

/** Everything the console shows for the current step. */
export type StepView = {
  script: { id: string; number: number; title: string };
  node: GuideNode;
  /** The sentences to say, templates resolved. */
  lines: string[];
  choices: StepChoice[];
  /** Values to take down at a collect node. */
  fields: Array<{ key: string; label: string }>;
  /** The notice being read at a consent node (its version is stored with the consent). */
  consentNotice: { id: string; version: string } | null;
  policies: Policy[];
  offers: StepOffer[];
  /** The support line's "unregistered numbers cannot be connected" caveat, where the line is given. */
  supportLineCaveat: string | null;
  /** The business-hours decision taken on the way here and the transfer method it implies. */
  routing: { open: boolean; method: TransferMethod } | null;
  outcome: EndOutcome | null;
  /** Human-readable path so far, e.g. ["Q1", "관리책임자·운영담당자 맞음(Y)", "업무시간"]. */
  pathLabels: string[];
  canStepBack: boolean;
};

function choicesOf(node: GuideNode): StepChoice[] {
  switch (node.type) {
    case 'ask':
      return [
        { input: 'yes', label: node.answerLabels.yes, key: 'y' },
        { input: 'no', label: node.answerLabels.no, key: 'n' },
      ];
    case 'consent':
      return [
        { input: 'agreed', label: '동의함', key: 'y' },
        { input: 'refused', label: '동의하지 않음', key: 'n' },
      ];
    case 'say':
    case 'collect':
      return [{ input: 'next', label: '다음', key: 'Enter' }];
    default:
      return [];
  }
}

/**
 * Describes the current step for the console: rendered lines, choices with their keys, fields,
 * policies that apply, offers, the support-line caveat, the business-hours routing, the outcome
 * at an end, and the path so far. Throws only when the state does not belong to the guide (a
 * fault: states come from startFlow/advanceFlow/replayFlow).
 */
export function describeStep(guide: Guide, state: FlowState): StepView {
  const found = findFlowNode(guide, state.scriptId, state.currentNodeId);
  if (!found)
    throw new Error(
      `flow state points at ${state.scriptId}/${state.currentNodeId}, which guide ${guide.id}@${guide.version} lacks`,
    );
  const { script, node } = found;
  const render = (line: string): string =>
    renderTemplate(line, (name) => resolveGuideVariable(guide, name)).text;

  const rawLines =
    node.type === 'consent' ? guide.consentNotice.text.split('\n') : 'lines' in node ? node.lines : [];
  const lines = rawLines.map(render).filter((line) => line.trim() !== '');

  const policyIds = [...new Set([...script.policyIds, ...node.policyIds])];
  const policies = policyIds.flatMap((id) => guide.policies.filter((policy) => policy.id === id));

  const offers: StepOffer[] =
    node.type === 'end'
      ? node.offers.map((id) => ({
          id,
          label: guide.chat.offerLabel,
          text: guide.chat.message,
          url: guide.chat.url,
        }))
      : [];

  let routing: StepView['routing'] = null;
  for (const entry of state.history) {
    const hoursNode = script.nodes.find((candidate) => candidate.id === entry.nodeId);
    if (hoursNode?.type !== 'businessHours') continue;
    const open = entry.answer === 'open';
    const method = guide.transferMethods.find(
      (candidate) => candidate.id === (open ? hoursNode.openMethod : hoursNode.closedMethod),
    );
    if (method) routing = { open, method };
  }

  return {
    script: { id: script.id, number: script.number, title: script.title },
    node,
    lines,
    choices: choicesOf(node),
    fields:
      node.type === 'collect' ? node.fields.map((field) => ({ key: field.key, label: field.label })) : [],
    consentNotice:
      node.type === 'consent' ? { id: guide.consentNotice.id, version: guide.consentNotice.version } : null,
    policies,
    offers,
    supportLineCaveat: node.type === 'end' && node.showSupportLineCaveat ? guide.supportLine.caveat : null,
    routing,
    outcome: node.type === 'end' ? endOutcomeOf(node, state.history) : null,
    pathLabels: [
      `Q${script.number}`,
      ...state.history.map((entry) =>
        labelFlowEntry(
          script.nodes.find((candidate) => candidate.id === entry.nodeId),
          entry,
        ),
      ),
    ],
    canStepBack: state.history.some((entry) => entry.answer !== 'open' && entry.answer !== 'closed'),
  };
}
