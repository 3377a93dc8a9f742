import type { GuideNode } from './guideSchema.ts';

/** The answer that takes a flow along an edge; also the field of the node that names the target. */
export type EdgeAnswer = 'yes' | 'no' | 'next' | 'open' | 'closed' | 'agreed' | 'refused';

/** One outgoing edge of a node. */
export type NodeEdge = { answer: EdgeAnswer; target: string };

/**
 * Lists a node's outgoing edges in display order (Y before N). The validator and the flow engine
 * share it so that they can never disagree about which answers a node accepts.
 */
export function listNodeEdges(node: GuideNode): NodeEdge[] {
  switch (node.type) {
    case 'ask':
      return [
        { answer: 'yes', target: node.yes },
        { answer: 'no', target: node.no },
      ];
    case 'say':
    case 'collect':
      return [{ answer: 'next', target: node.next }];
    case 'businessHours':
      return [
        { answer: 'open', target: node.open },
        { answer: 'closed', target: node.closed },
      ];
    case 'consent':
      return [
        { answer: 'agreed', target: node.agreed },
        { answer: 'refused', target: node.refused },
      ];
    case 'end':
      return [];
  }
}
