import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../search/normalizeText.ts';
import { suggestionExamplesSchema } from './suggestionExamplesSchema.ts';

const read = (name: string) =>
  suggestionExamplesSchema.parse(
    JSON.parse(readFileSync(new URL(`../../../content/guides/${name}`, import.meta.url), 'utf8')),
  ).examples;
const training = read('business-inquiry.examples.json');
const heldOut = read('business-inquiry.heldout.json');
const countByType = (examples: typeof training) => {
  const counts = new Map<number, number>();
  for (const e of examples) counts.set(e.inquiryType, (counts.get(e.inquiryType) ?? 0) + 1);
  return counts;
};

describe('business-inquiry example utterances', () => {
  it('has at least 25 training examples for each of the nine inquiry types', () => {
    const counts = countByType(training);
    for (let type = 1; type <= 9; type++)
      expect(counts.get(type) ?? 0, `type ${type}`).toBeGreaterThanOrEqual(25);
  });

  it('has at least 10 held-out utterances for each type', () => {
    const counts = countByType(heldOut);
    for (let type = 1; type <= 9; type++)
      expect(counts.get(type) ?? 0, `type ${type}`).toBeGreaterThanOrEqual(10);
  });

  it('shares no text between the training and held-out sets, even up to case, spacing and punctuation', () => {
    const key = (text: string) => normalizeText(text).replaceAll(' ', '');
    const trainingKeys = new Set(training.map((e) => key(e.text)));
    expect(heldOut.filter((e) => trainingKeys.has(key(e.text))).map((e) => e.text)).toEqual([]);
  });

  it('has no duplicate within a set', () => {
    expect(new Set(training.map((e) => e.text)).size).toBe(training.length);
    expect(new Set(heldOut.map((e) => e.text)).size).toBe(heldOut.length);
  });
});
