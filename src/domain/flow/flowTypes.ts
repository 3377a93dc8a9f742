import type { EdgeAnswer } from '../guide/listNodeEdges.ts';

/** What the agent can enter at an interactive node. */
export type FlowInput = 'yes' | 'no' | 'next' | 'agreed' | 'refused';

/** One step taken: the node and the answer that left it ("open"/"closed" for automatic business-hours nodes). */
export type FlowEntry = { nodeId: string; answer: EdgeAnswer };

/** Where a consultation stands in a script. Plain data: it is stored, posted and replayed. */
export type FlowState = {
  guideId: string;
  /** The guide content version the flow runs on; stored with the consultation. */
  guideVersion: string;
  scriptId: string;
  history: FlowEntry[];
  currentNodeId: string;
};

/** Facts from outside the guide that decide automatic nodes. The caller computes them (the domain has no clock). */
export type FlowContext = { businessHoursOpen: boolean };

/** Why a flow operation was refused. */
export type FlowFailureReason =
  | 'unknown-script'
  | 'guide-mismatch'
  | 'unknown-node'
  | 'flow-ended'
  | 'invalid-input'
  | 'at-start'
  | 'wrong-node'
  | 'hours-mismatch'
  | 'incomplete';

/** The result of a flow operation: expected refusals are values, not exceptions. */
export type FlowResult =
  | { ok: true; state: FlowState }
  | { ok: false; reason: FlowFailureReason; message: string };
