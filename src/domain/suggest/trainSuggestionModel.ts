import { extractFeatures } from './extractFeatures.ts';

/** One labelled training utterance. */
export type SuggestionExample = {
  text: string;
  /** The number of one of the guide's inquiry types (`inquiryTypes`). */
  inquiryType: number;
};

/**
 * A trained multinomial logistic-regression model over TF-IDF character n-grams. Plain data
 * (maps and arrays), so it can be built once at load time and shared by every request.
 */
export type SuggestionModel = {
  /** The inquiry types the model knows, in the order of `weights` rows. */
  inquiryTypes: number[];
  /** Feature → column in `weights` rows, and its inverse document frequency. */
  features: Map<string, { column: number; idf: number }>;
  /** One row of weights per inquiry type. */
  weights: Float64Array[];
  /** One bias per inquiry type. */
  biases: Float64Array;
};

/** Training settings; the defaults were chosen by cross-validation on the training examples. */
export type TrainingOptions = {
  /** Passes over the examples (default 12). */
  epochs?: number;
  /** Initial step size (default 2). */
  learningRate?: number;
  /** L2 penalty per step (default 1e-4). */
  l2?: number;
};

const MIN_GRADIENT = 1e-3;

/** Sparse TF-IDF vector, L2-normalised. */
export type FeatureVector = { columns: Int32Array; values: Float64Array };

/** Builds the model's TF-IDF vector of a text; unseen features are ignored. */
export function vectorize(model: Pick<SuggestionModel, 'features'>, text: string): FeatureVector {
  return vectorizeCounts(model, extractFeatures(text));
}

function vectorizeCounts(
  model: Pick<SuggestionModel, 'features'>,
  counts: Map<string, number>,
): FeatureVector {
  const columns: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [feature, count] of counts) {
    const entry = model.features.get(feature);
    if (entry === undefined) continue;
    // Sublinear tf: a gram repeated in one utterance (ㅠㅠㅠ) should not dominate it.
    const value = (1 + Math.log(count)) * entry.idf;
    columns.push(entry.column);
    values.push(value);
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { columns: Int32Array.from(columns), values: Float64Array.from(values, (v) => v * scale) };
}

/** Softmax probabilities of each inquiry type (in `model.inquiryTypes` order) for a vector. */
export function predictProbabilities(model: SuggestionModel, vector: FeatureVector): Float64Array {
  const logits = new Float64Array(model.inquiryTypes.length);
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < logits.length; k++) {
    const row = model.weights[k];
    let sum = model.biases[k] ?? 0;
    if (row !== undefined) {
      for (let i = 0; i < vector.columns.length; i++)
        sum += (row[vector.columns[i] ?? 0] ?? 0) * (vector.values[i] ?? 0);
    }
    logits[k] = sum;
    if (sum > max) max = sum;
  }
  let total = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp((logits[k] ?? 0) - max);
    logits[k] = e;
    total += e;
  }
  for (let k = 0; k < logits.length; k++) logits[k] = (logits[k] ?? 0) / total;
  return logits;
}

// A fixed-seed shuffle keeps training deterministic: the same examples always give the same model.
function shuffledOrder(size: number, seed: number): number[] {
  const order = Array.from({ length: size }, (_, i) => i);
  let state = seed >>> 0;
  for (let i = size - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    const a = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = a;
  }
  return order;
}

/**
 * Trains the inquiry-type suggestion model from labelled utterances: TF-IDF over character and
 * jamo n-grams, then multinomial logistic regression by stochastic gradient descent. Runs in
 * tens of milliseconds for a few hundred examples, so it is trained at load time rather than
 * shipped as a file, and a guide edit takes effect without a build step.
 */
export function trainSuggestionModel(
  examples: SuggestionExample[],
  options: TrainingOptions = {},
): SuggestionModel {
  const epochs = options.epochs ?? 12;
  const learningRate = options.learningRate ?? 2;
  const l2 = options.l2 ?? 1e-4;
  const inquiryTypes = [...new Set(examples.map((example) => example.inquiryType))].sort((a, b) => a - b);
  const documentFrequency = new Map<string, number>();
  const extracted = examples.map((example) => extractFeatures(example.text));
  for (const counts of extracted) {
    for (const feature of counts.keys())
      documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  }
  const features = new Map<string, { column: number; idf: number }>();
  for (const [feature, df] of documentFrequency) {
    features.set(feature, { column: features.size, idf: Math.log((1 + examples.length) / (1 + df)) + 1 });
  }
  const weights = inquiryTypes.map(() => new Float64Array(features.size));
  const biases = new Float64Array(inquiryTypes.length);
  const model: SuggestionModel = { inquiryTypes, features, weights, biases };
  const vectors = extracted.map((counts) => vectorizeCounts(model, counts));
  const labels = examples.map((example) => inquiryTypes.indexOf(example.inquiryType));
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const n of shuffledOrder(examples.length, 0x9e3779b9 + epoch)) {
      const vector = vectors[n];
      const label = labels[n] ?? 0;
      if (vector === undefined) continue;
      const rate = learningRate / (1 + 0.01 * step);
      step += 1;
      const probabilities = predictProbabilities(model, vector);
      for (let k = 0; k < inquiryTypes.length; k++) {
        const gradient = (probabilities[k] ?? 0) - (k === label ? 1 : 0);
        // Once an example is learnt most classes have a near-zero gradient; skipping them
        // cuts training time several-fold without changing the model measurably.
        if (Math.abs(gradient) < MIN_GRADIENT) continue;
        const row = weights[k];
        if (row === undefined) continue;
        for (let i = 0; i < vector.columns.length; i++) {
          const column = vector.columns[i] ?? 0;
          row[column] = (row[column] ?? 0) * (1 - rate * l2) - rate * gradient * (vector.values[i] ?? 0);
        }
        biases[k] = (biases[k] ?? 0) - rate * gradient;
      }
    }
  }
  return model;
}
