/**
 * Evaluates inquiry-type suggestion: trains on content/guides/business-inquiry.examples.json,
 * scores content/guides/business-inquiry.heldout.json, prints top-1/top-3 accuracy and the 9×9
 * confusion matrix, and exits 1 below the targets (top-1 ≥ 90%, top-3 ≥ 98%).
 *
 *   npm run eval              held-out evaluation (the gate)
 *   npm run eval -- --dev     5-fold cross-validation on the training examples only; use this
 *                             while tuning so the held-out set stays unseen
 *   npm run eval -- --errors  also list every miss
 */
import { readFileSync } from 'node:fs';
import { suggestInquiryTypes } from '../src/domain/suggest/suggestInquiryTypes.ts';
import {
  type SuggestionExamples,
  suggestionExamplesSchema,
} from '../src/domain/suggest/suggestionExamplesSchema.ts';
import { type SuggestionExample, trainSuggestionModel } from '../src/domain/suggest/trainSuggestionModel.ts';

const TOP1_TARGET = 0.9;
const TOP3_TARGET = 0.98;
const TYPES = [1, 2, 3, 4, 5, 6, 7, 8, 9];

type Outcome = { example: SuggestionExample; predicted: number[] };

function readExamples(name: string): SuggestionExamples['examples'] {
  const url = new URL(`../content/guides/${name}`, import.meta.url);
  return suggestionExamplesSchema.parse(JSON.parse(readFileSync(url, 'utf8'))).examples;
}

function evaluate(train: SuggestionExample[], test: SuggestionExample[]): Outcome[] {
  const model = trainSuggestionModel(train);
  return test.map((example) => ({
    example,
    predicted: suggestInquiryTypes(model, example.text, { limit: 3 }).map((s) => s.inquiryType),
  }));
}

function printReport(
  title: string,
  outcomes: Outcome[],
  showErrors: boolean,
): { top1: number; top3: number } {
  const top1 = outcomes.filter((o) => o.predicted[0] === o.example.inquiryType).length / outcomes.length;
  const top3 = outcomes.filter((o) => o.predicted.includes(o.example.inquiryType)).length / outcomes.length;
  console.log(`\n${title} — ${outcomes.length} utterances`);
  console.log(`top-1 accuracy: ${(top1 * 100).toFixed(1)}%  (target ≥ ${TOP1_TARGET * 100}%)`);
  console.log(`top-3 accuracy: ${(top3 * 100).toFixed(1)}%  (target ≥ ${TOP3_TARGET * 100}%)`);
  console.log('\nconfusion matrix (rows: actual type, columns: top-1 suggestion)');
  console.log(`      ${TYPES.map((t) => String(t).padStart(4)).join('')}   recall`);
  for (const actual of TYPES) {
    const row = TYPES.map(
      (predicted) =>
        outcomes.filter((o) => o.example.inquiryType === actual && o.predicted[0] === predicted).length,
    );
    const total = row.reduce((a, b) => a + b, 0);
    const correct = row[actual - 1] ?? 0;
    const recall = total === 0 ? '   -' : `${((correct / total) * 100).toFixed(0).padStart(4)}%`;
    console.log(
      `  ${String(actual).padStart(2)}  ${row.map((n) => String(n === 0 ? '·' : n).padStart(4)).join('')}  ${recall}`,
    );
  }
  if (showErrors) {
    console.log('\nmisses (actual → top-3):');
    for (const o of outcomes.filter((x) => x.predicted[0] !== x.example.inquiryType)) {
      console.log(`  ${o.example.inquiryType} → ${o.predicted.join(',')}  ${o.example.text}`);
    }
  }
  return { top1, top3 };
}

function crossValidate(examples: SuggestionExample[], folds: number): Outcome[] {
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = examples.filter((_, i) => i % folds !== fold);
    const test = examples.filter((_, i) => i % folds === fold);
    outcomes.push(...evaluate(train, test));
  }
  return outcomes;
}

const args = new Set(process.argv.slice(2));
const training = readExamples('business-inquiry.examples.json');
const started = performance.now();
trainSuggestionModel(training);
console.log(`trained on ${training.length} examples in ${(performance.now() - started).toFixed(1)} ms`);

if (args.has('--dev')) {
  printReport(
    '5-fold cross-validation on the training examples (dev)',
    crossValidate(training, 5),
    args.has('--errors'),
  );
} else {
  const heldOut = readExamples('business-inquiry.heldout.json');
  const { top1, top3 } = printReport('held-out set', evaluate(training, heldOut), args.has('--errors'));
  if (top1 < TOP1_TARGET || top3 < TOP3_TARGET) {
    console.error('\nFAIL: below target');
    process.exitCode = 1;
  } else {
    console.log('\nPASS');
  }
}
