/**
 * Evaluates inquiry-type suggestion, for every guide in IEUM_GUIDES_DIR (default content/guides)
 * that has its examples beside it: trains on `<guide>.examples.json`, scores
 * `<guide>.heldout.json`, prints top-1/top-3 accuracy and the confusion matrix over the guide's
 * own inquiry types, and exits 1 when any guide is below the targets (top-1 ≥ 90%, top-3 ≥ 98%)
 * or none has examples.
 *
 *   npm run eval                    held-out evaluation (the gate)
 *   npm run eval -- --guide ID      only that guide
 *   npm run eval -- --dev           5-fold cross-validation on the training examples only; use this
 *                                   while tuning so the held-out set stays unseen
 *   npm run eval -- --errors        also list every miss
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseGuide } from '../src/domain/guide/parseGuide.ts';
import { suggestInquiryTypes } from '../src/domain/suggest/suggestInquiryTypes.ts';
import {
  type SuggestionExamples,
  suggestionExamplesSchema,
} from '../src/domain/suggest/suggestionExamplesSchema.ts';
import { type SuggestionExample, trainSuggestionModel } from '../src/domain/suggest/trainSuggestionModel.ts';

const TOP1_TARGET = 0.9;
const TOP3_TARGET = 0.98;

type Outcome = { example: SuggestionExample; predicted: number[] };

function readExamples(file: string): SuggestionExamples['examples'] {
  return suggestionExamplesSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).examples;
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
  types: readonly number[],
  outcomes: Outcome[],
  showErrors: boolean,
): { top1: number; top3: number } {
  const top1 = outcomes.filter((o) => o.predicted[0] === o.example.inquiryType).length / outcomes.length;
  const top3 = outcomes.filter((o) => o.predicted.includes(o.example.inquiryType)).length / outcomes.length;
  console.log(`\n${title} — ${outcomes.length} utterances`);
  console.log(`top-1 accuracy: ${(top1 * 100).toFixed(1)}%  (target ≥ ${TOP1_TARGET * 100}%)`);
  console.log(`top-3 accuracy: ${(top3 * 100).toFixed(1)}%  (target ≥ ${TOP3_TARGET * 100}%)`);
  console.log('\nconfusion matrix (rows: actual type, columns: top-1 suggestion)');
  console.log(`      ${types.map((t) => String(t).padStart(4)).join('')}   recall`);
  for (const actual of types) {
    const row = types.map(
      (predicted) =>
        outcomes.filter((o) => o.example.inquiryType === actual && o.predicted[0] === predicted).length,
    );
    const total = row.reduce((a, b) => a + b, 0);
    const correct = row[types.indexOf(actual)] ?? 0;
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

const { values: options } = parseArgs({
  options: {
    guide: { type: 'string' },
    dev: { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
  },
});
const guidesDir = process.env.IEUM_GUIDES_DIR ?? 'content/guides';

/** The guides to evaluate: each guide file with its examples and held-out set beside it. */
function guidesWithExamples(): Array<{ id: string; types: number[]; examples: string; heldOut: string }> {
  const found = [];
  for (const name of readdirSync(guidesDir).sort()) {
    if (!name.endsWith('.json') || name.endsWith('.examples.json') || name.endsWith('.heldout.json'))
      continue;
    const parsed = parseGuide(readFileSync(path.join(guidesDir, name), 'utf8'), name);
    if (!parsed.ok) throw new Error(`${name}: ${parsed.errors.map((e) => e.message).join('; ')}`);
    const { id, inquiryTypes } = parsed.guide;
    if (options.guide !== undefined && id !== options.guide) continue;
    const base = path.join(guidesDir, name.slice(0, -'.json'.length));
    const examples = `${base}.examples.json`;
    const heldOut = `${base}.heldout.json`;
    if (!existsSync(examples) || !existsSync(heldOut)) continue;
    found.push({ id, types: inquiryTypes.map((type) => type.number), examples, heldOut });
  }
  return found;
}

const guides = guidesWithExamples();
if (guides.length === 0) {
  console.error(
    `FAIL: no guide${options.guide ? ` "${options.guide}"` : ''} in ${guidesDir} has <guide>.examples.json and <guide>.heldout.json beside it`,
  );
  process.exitCode = 1;
}
for (const guide of guides) {
  const training = readExamples(guide.examples);
  const started = performance.now();
  trainSuggestionModel(training);
  console.log(
    `\n━━ ${guide.id}: trained on ${training.length} examples in ${(performance.now() - started).toFixed(1)} ms`,
  );
  if (options.dev) {
    printReport(
      '5-fold cross-validation on the training examples (dev)',
      guide.types,
      crossValidate(training, 5),
      options.errors,
    );
    continue;
  }
  const heldOut = readExamples(guide.heldOut);
  const { top1, top3 } = printReport(
    'held-out set',
    guide.types,
    evaluate(training, heldOut),
    options.errors,
  );
  if (top1 < TOP1_TARGET || top3 < TOP3_TARGET) {
    console.error(`\nFAIL: ${guide.id} below target`);
    process.exitCode = 1;
  } else {
    console.log(`\nPASS: ${guide.id}`);
  }
}
