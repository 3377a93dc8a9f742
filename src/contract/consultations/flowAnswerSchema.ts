import { z } from 'zod';
import type { EdgeAnswer } from '../../domain/guide/listNodeEdges.ts';

/**
 * How a step of a script was left: the agent's answer (yes / no / next, agreed / refused at the
 * consent notice) or the automatic business-hours branch (open / closed).
 */
export const flowAnswerSchema = z.enum(['yes', 'no', 'next', 'open', 'closed', 'agreed', 'refused']);

/** One answer of a posted path. */
export type FlowAnswer = z.output<typeof flowAnswerSchema>;

// Compile-time proof that the wire vocabulary and the flow engine's answers are the same set.
const sameAnswers = (answer: FlowAnswer): EdgeAnswer => answer;
const sameEdges = (answer: EdgeAnswer): FlowAnswer => answer;
void sameAnswers;
void sameEdges;
