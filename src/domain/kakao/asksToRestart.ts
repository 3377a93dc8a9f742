import { botVocabulary } from './botVocabulary.ts';

/** Whether the customer asks to start over (the 처음으로 quick reply, or the word typed). */
export function asksToRestart(utterance: string): boolean {
  const said = utterance.trim().replace(/[.!~?]+$/u, '');
  return said === botVocabulary.restart || said === '처음' || said === '처음부터';
}
