import { convertQwertyToHangul } from 'es-hangul';
import type { SearchIndex } from './buildSearchIndex.ts';
import { findApproximateMatch } from './findApproximateMatch.ts';
import { normalizeText } from './normalizeText.ts';
import type { SearchMatchKind, SearchOptions, SearchResult } from './searchTypes.ts';
import { isConsonantJamo, toChoseong } from './toChoseong.ts';
import { toJamo } from './toJamo.ts';

const DEFAULT_LIMIT = 10;
// A pasted caller sentence can be long; beyond this many words each extra lookup adds latency
// without changing which entries come first.
const MAX_TERMS = 8;
const MAX_QUERY_LENGTH = 200;
// Two short syllables (서류) are one edit away from too many words to be a useful guess.
const MIN_FUZZY_JAMO = 5;

const KIND_CODES: SearchMatchKind[] = ['exact', 'spacing', 'choseong', 'jamo', 'fuzzy', 'latin'];
const EXACT = 0;
const SPACING = 1;
const CHOSEONG = 2;
const JAMO = 3;
const FUZZY = 4;
const LATIN = 5;

// Base relevance per match kind: the stricter the match, the likelier it is what the agent meant.
const KIND_BASE = [1, 0.93, 0.86, 0.82, 0.72, 0.8];
// Must equal the sentence title weight in buildSearchIndex: a text match equals a context match.
const TEXT_FIELD_WEIGHT = 0.88;
const MID_WORD_WEIGHT = 0.94;
// Words found apart rank below the same words found as one phrase; some words below all words.
const ALL_TERMS_WEIGHT = 0.9;
const SOME_TERMS_WEIGHT = 0.6;
const LATIN_WEIGHT = 0.9;

/**
 * Best match per document, in arrays indexed by document: a query touches thousands of
 * documents on its first keystroke, and objects per document would dominate the cost.
 * Offsets are local to the document's compact string.
 */
type Hits = {
  score: Float64Array;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  touched: number[];
};

// Reused buffers: allocating and zeroing arrays the size of the index on every keystroke cost
// more than the search itself. Released buffers are cleared sparsely (only touched entries).
// Safe because searchIndex is synchronous and every buffer is released before it returns.
const hitsPool: Hits[] = [];

function acquireHits(size: number): Hits {
  const pooled = hitsPool.pop();
  if (pooled !== undefined && pooled.score.length === size) return pooled;
  return {
    score: new Float64Array(size),
    kind: new Uint8Array(size),
    start: new Int32Array(size),
    end: new Int32Array(size),
    touched: [],
  };
}

function releaseHits(hits: Hits): void {
  for (const doc of hits.touched) hits.score[doc] = 0;
  hits.touched.length = 0;
  if (hitsPool.length < 16) hitsPool.push(hits);
}

function offerHit(hits: Hits, doc: number, score: number, kind: number, start: number, end: number): void {
  const previous = hits.score[doc] ?? 0;
  if (previous === 0) hits.touched.push(doc);
  if (score > previous) {
    hits.score[doc] = score;
    hits.kind[doc] = kind;
    hits.start[doc] = start;
    hits.end[doc] = end;
  }
}

function scoreMatch(
  index: SearchIndex,
  doc: number,
  kind: number,
  start: number,
  phraseLength: number,
): number {
  const titleEnd = index.titleEnds[doc] ?? 0;
  const inTitle = start < titleEnd;
  const fieldLength = inTitle ? titleEnd : (index.compacts[doc]?.length ?? 0) - titleEnd - 1;
  // Prefer entries the query covers most of: 교통유발금 is more about the type titled
  // "교통유발금 서류 요청" than about a long sentence mentioning it once.
  const coverage = Math.min(1, phraseLength / Math.max(1, fieldLength));
  const wordStart = index.compactWordStart[(index.compactStarts[doc] ?? 0) + start] === 1;
  return (
    (KIND_BASE[kind] ?? 0) *
    (inTitle ? (index.titleWeights[doc] ?? 1) : TEXT_FIELD_WEIGHT) *
    (wordStart ? 1 : MID_WORD_WEIGHT) *
    (0.8 + 0.2 * coverage) *
    (index.kindWeights[doc] ?? 1)
  );
}

function recordHit(
  index: SearchIndex,
  hits: Hits,
  doc: number,
  kind: number,
  start: number,
  end: number,
  length: number,
  weight = 1,
): void {
  offerHit(hits, doc, scoreMatch(index, doc, kind, start, length) * weight, kind, start, end);
}

/** Whether the source between two local compact offsets reads exactly like the (spaced) query. */
function isExactSpan(
  index: SearchIndex,
  doc: number,
  start: number,
  end: number,
  spacedLength: number,
): boolean {
  const base = index.compactStarts[doc] ?? 0;
  return (
    (index.compactOrigin[base + end - 1] ?? 0) - (index.compactOrigin[base + start] ?? 0) + 1 === spacedLength
  );
}

const NO_DOCS = new Int32Array(0);

function contains(list: Int32Array, doc: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = list[mid] ?? 0;
    if (value === doc) return true;
    if (value < doc) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Documents in every list: intersects ascending posting lists, shortest first. */
function intersect(lists: Int32Array[]): Int32Array {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const [shortest, ...others] = sorted;
  if (shortest === undefined || shortest.length === 0) return NO_DOCS;
  if (others.length === 0) return shortest;
  const kept: number[] = [];
  for (const doc of shortest) if (others.every((list) => contains(list, doc))) kept.push(doc);
  return Int32Array.from(kept);
}

/** Documents in any list, ascending. */
function unite(index: SearchIndex, lists: Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0] ?? NO_DOCS;
  const seen = new Uint8Array(index.docs.length);
  for (const list of lists) for (const doc of list) seen[doc] = 1;
  const docs: number[] = [];
  for (let doc = 0; doc < seen.length; doc++) if (seen[doc] === 1) docs.push(doc);
  return Int32Array.from(docs);
}

function gramLists(postings: Map<string, Int32Array>, text: string): Int32Array[] {
  if (text.length === 1) return [postings.get(text) ?? NO_DOCS];
  const lists: Int32Array[] = [];
  for (let i = 0; i + 2 <= text.length; i++) lists.push(postings.get(text.slice(i, i + 2)) ?? NO_DOCS);
  return lists;
}

function isSyllable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0xac00 && code <= 0xd7a3;
}

/**
 * Whether the keys of `typed` can be the whole `syllable` plus the start of the next one (굩 = 교 +
 * ㅌ). Only a consonant can spill over: a vowel after a syllable's own vowel combines with it on a
 * 2-beolsik keyboard (고 + ㅏ = 과), so 과 never means 고 followed by something.
 */
function spillsIntoNext(typed: string, syllable: string): boolean {
  return (
    typed.length > syllable.length &&
    typed.startsWith(syllable) &&
    isConsonantJamo(typed.charAt(syllable.length))
  );
}

/**
 * Documents that may hold a half-typed syllable: those with a syllable whose keystrokes start
 * with the typed ones (교 → 교, 굣, 굥…) or are a prefix of them (굩 = 교 + ㅌ of the next).
 */
function halfTypedCandidates(index: SearchIndex, syllable: string): Int32Array {
  const typed = toJamo(syllable);
  const lists: Int32Array[] = [];
  for (const entry of index.syllables) {
    if (entry.jamo.startsWith(typed) || spillsIntoNext(typed, entry.jamo)) {
      lists.push(index.compactPostings.get(entry.syllable) ?? NO_DOCS);
    }
  }
  return unite(index, lists);
}

/** 초성 or mixed query (ㄱㅌ유발금): find the 초성 pattern, then check the whole syllables typed. */
function matchChoseong(index: SearchIndex, term: string, docs: Int32Array, hits: Hits): void {
  const pattern = toChoseong(term);
  for (const doc of docs) {
    const choseong = index.choseongs[doc] ?? '';
    const compact = index.compacts[doc] ?? '';
    for (let at = choseong.indexOf(pattern); at >= 0; at = choseong.indexOf(pattern, at + 1)) {
      let ok = true;
      for (let i = 0; i < term.length; i++) {
        const ch = term.charAt(i);
        if (!isConsonantJamo(ch) && compact.charAt(at + i) !== ch) {
          ok = false;
          break;
        }
      }
      if (ok) {
        // The first hit is enough: titles come first, and later hits only repeat the evidence.
        recordHit(index, hits, doc, CHOSEONG, at, at + term.length, term.length);
        break;
      }
    }
  }
}

/**
 * Syllable or Latin query: search the jamo form so a half-typed last syllable (교통윱) still
 * matches, then tell whole-syllable matches (exact/spacing) from keystroke-prefix ones (jamo).
 * `mayBeHalfTyped` is false for words the agent has finished (followed by a space).
 */
function matchJamo(
  index: SearchIndex,
  term: string,
  spacedLength: number,
  docs: Int32Array,
  hits: Hits,
): void {
  const pattern = toJamo(term);
  for (const doc of docs) {
    const compact = index.compacts[doc] ?? '';
    // Whole syllables first: one search, and the usual case while typing whole words.
    let found = false;
    for (let at = compact.indexOf(term); at >= 0; at = compact.indexOf(term, at + 1)) {
      found = true;
      const exact = isExactSpan(index, doc, at, at + term.length, spacedLength);
      recordHit(index, hits, doc, exact ? EXACT : SPACING, at, at + term.length, term.length);
      if (exact) break;
    }
    if (found) continue;
    const jamo = index.jamos[doc] ?? '';
    const base = index.jamoStarts[doc] ?? 0;
    for (let at = jamo.indexOf(pattern); at >= 0; at = jamo.indexOf(pattern, at + 1)) {
      if (index.jamoCharStart[base + at] !== 1) continue;
      const start = index.jamoCompact[base + at] ?? 0;
      const end = (index.jamoCompact[base + at + pattern.length - 1] ?? start) + 1;
      recordHit(index, hits, doc, JAMO, start, end, term.length);
      break;
    }
  }
}

/** Documents that can contain the term, from posting lists alone (no string search). */
function findCandidates(index: SearchIndex, term: string, mayBeHalfTyped: boolean): Int32Array {
  if (hasConsonantJamo(term)) return intersect(gramLists(index.choseongPostings, toChoseong(term)));
  const last = term.charAt(term.length - 1);
  const halfTyped = mayBeHalfTyped && isSyllable(last);
  const settled = halfTyped ? term.slice(0, -1) : term;
  const lists = settled === '' ? [] : gramLists(index.compactPostings, settled);
  if (halfTyped) lists.push(halfTypedCandidates(index, last));
  return intersect(lists);
}

function hasConsonantJamo(term: string): boolean {
  for (let i = 0; i < term.length; i++) if (isConsonantJamo(term.charAt(i))) return true;
  return false;
}

/** Typo tolerance: compare the term's jamo with each distinct indexed word's, anchored at its start. */
function matchFuzzy(index: SearchIndex, term: string, hits: Hits): void {
  const pattern = toJamo(term);
  if (pattern.length < MIN_FUZZY_JAMO) return;
  const maxDistance = pattern.length >= 10 ? 2 : 1;
  for (const entry of index.vocabulary) {
    if (entry.jamo.length < pattern.length - maxDistance) continue;
    const match = findApproximateMatch(pattern, entry.jamo, maxDistance, { anchorStart: true });
    if (match === undefined || match.distance === 0) continue;
    // Each extra edit makes the guess less likely to be what the agent meant.
    const weight = 1 - 0.12 * (match.distance - 1);
    for (const doc of entry.docs) {
      if ((hits.score[doc] ?? 0) > 0 && (hits.kind[doc] ?? FUZZY) < FUZZY) continue;
      const start = index.compacts[doc]?.indexOf(entry.word) ?? -1;
      if (start >= 0)
        recordHit(index, hits, doc, FUZZY, start, start + entry.word.length, term.length, weight);
    }
  }
}

/**
 * One-character term, the first keystroke of every search: read first offsets straight from
 * the posting lists instead of searching thousands of strings. `allowed` restricts documents.
 */
function matchCharacter(
  index: SearchIndex,
  term: string,
  mayBeHalfTyped: boolean,
  allowed: Uint8Array | undefined,
  hits: Hits,
): void {
  const record = (
    gram: string,
    postings: Map<string, Int32Array>,
    offsets: Map<string, Int32Array>,
    kind: number,
  ): void => {
    const docs = postings.get(gram) ?? NO_DOCS;
    const firsts = offsets.get(gram) ?? NO_DOCS;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] ?? 0;
      if (allowed !== undefined && allowed[doc] !== 1) continue;
      const at = firsts[i] ?? 0;
      recordHit(index, hits, doc, kind, at, at + 1, 1);
    }
  };
  if (isConsonantJamo(term)) {
    record(term, index.choseongPostings, index.choseongFirstOffsets, CHOSEONG);
    return;
  }
  record(term, index.compactPostings, index.compactFirstOffsets, EXACT);
  if (!mayBeHalfTyped || !isSyllable(term)) return;
  const typed = toJamo(term);
  const spilled: Int32Array[] = [];
  for (const entry of index.syllables) {
    if (entry.syllable === term) continue;
    if (entry.jamo.startsWith(typed))
      record(entry.syllable, index.compactPostings, index.compactFirstOffsets, JAMO);
    // 굩 may be 교 followed by ㅌ…: those need the next character checked, by string search.
    else if (spillsIntoNext(typed, entry.jamo))
      spilled.push(index.compactPostings.get(entry.syllable) ?? NO_DOCS);
  }
  if (spilled.length === 0) return;
  const docs = unite(index, spilled).filter((doc) => allowed === undefined || allowed[doc] === 1);
  matchJamo(index, term, 1, docs, hits);
}

function matchTerm(
  index: SearchIndex,
  term: string,
  spacedLength: number,
  docs: Int32Array,
  fuzzy: boolean,
  single?: { mayBeHalfTyped: boolean; allowed: Uint8Array | undefined },
): Hits {
  const hits = acquireHits(index.docs.length);
  if (single !== undefined && term.length === 1)
    matchCharacter(index, term, single.mayBeHalfTyped, single.allowed, hits);
  else if (hasConsonantJamo(term)) matchChoseong(index, term, docs, hits);
  else matchJamo(index, term, spacedLength, docs, hits);
  if (fuzzy) matchFuzzy(index, term, hits);
  return hits;
}

/**
 * Scores one reading of the query into `results`: the words as one phrase (spaces ignored),
 * and for several words, entries holding all of them (any order), then some of them.
 */
function runQuery(
  index: SearchIndex,
  normalized: string,
  results: Hits,
  weight: number,
  kindOverride: number | undefined,
  fuzzy: boolean,
  limit: number,
): void {
  const words = normalized.split(' ').slice(0, MAX_TERMS);
  const phraseTerm = words.join('');
  const phraseDocs = phraseTerm.length === 1 ? NO_DOCS : findCandidates(index, phraseTerm, true);
  const phrase = matchTerm(index, phraseTerm, words.join(' ').length, phraseDocs, fuzzy, {
    mayBeHalfTyped: true,
    allowed: undefined,
  });
  for (const doc of phrase.touched) {
    const kind = kindOverride ?? phrase.kind[doc] ?? EXACT;
    offerHit(
      results,
      doc,
      (phrase.score[doc] ?? 0) * weight,
      kind,
      phrase.start[doc] ?? 0,
      phrase.end[doc] ?? 0,
    );
  }
  releaseHits(phrase);
  if (words.length < 2) return;
  // Only the last word can be half typed: a space ended the others.
  const candidates = words.map((word, i) => findCandidates(index, word, i === words.length - 1));
  // Entries holding every word are searched first, among the intersection only: the first
  // keystroke of a new word (비즈니스 가) matches most entries on its own.
  let docs = intersect(candidates);
  let share = ALL_TERMS_WEIGHT;
  if (docs.length + results.touched.length < limit || fuzzy) {
    docs = unite(index, candidates);
    share = SOME_TERMS_WEIGHT;
  }
  const allowed = new Uint8Array(index.docs.length);
  for (const doc of docs) allowed[doc] = 1;
  const wordHits = words.map((word, i) =>
    matchTerm(index, word, word.length, docs, fuzzy, { mayBeHalfTyped: i === words.length - 1, allowed }),
  );
  const seen = new Uint8Array(index.docs.length);
  for (const hits of wordHits) {
    for (const doc of hits.touched) {
      if (seen[doc] === 1) continue;
      seen[doc] = 1;
      let total = 0;
      let matched = 0;
      let loosest = EXACT;
      let widest: Hits | undefined;
      for (const other of wordHits) {
        const score = other.score[doc] ?? 0;
        if (score === 0) continue;
        total += score;
        matched += 1;
        loosest = Math.max(loosest, other.kind[doc] ?? EXACT);
        const span = (other.end[doc] ?? 0) - (other.start[doc] ?? 0);
        if (widest === undefined || span > (widest.end[doc] ?? 0) - (widest.start[doc] ?? 0)) widest = other;
      }
      if (widest === undefined) continue;
      offerHit(
        results,
        doc,
        (total / words.length) * (matched === words.length ? ALL_TERMS_WEIGHT : share) * weight,
        kindOverride ?? loosest,
        widest.start[doc] ?? 0,
        widest.end[doc] ?? 0,
      );
    }
  }
  for (const hits of wordHits) releaseHits(hits);
}

function ranksBefore(index: SearchIndex, results: Hits, a: number, b: number): boolean {
  const scoreA = results.score[a] ?? 0;
  const scoreB = results.score[b] ?? 0;
  if (scoreA !== scoreB) return scoreA > scoreB;
  const kindA = index.kindWeights[a] ?? 0;
  const kindB = index.kindWeights[b] ?? 0;
  if (kindA !== kindB) return kindA > kindB;
  return a < b;
}

/** The best `limit` documents, best first, without sorting every match. */
function selectTop(index: SearchIndex, results: Hits, limit: number): number[] {
  const top: number[] = [];
  for (const doc of results.touched) {
    const last = top[top.length - 1];
    if (top.length >= limit && last !== undefined && !ranksBefore(index, results, doc, last)) continue;
    let at = top.length;
    while (at > 0) {
      const previous = top[at - 1];
      if (previous === undefined || !ranksBefore(index, results, doc, previous)) break;
      at -= 1;
    }
    top.splice(at, 0, doc);
    if (top.length > limit) top.pop();
  }
  return top;
}

function cutSnippet(index: SearchIndex, results: Hits, doc: number): SearchResult['matched'] {
  const source = index.sources[doc] ?? '';
  const textOffset = index.textOffsets[doc] ?? 0;
  const base = index.compactStarts[doc] ?? 0;
  const matchStart = index.compactOrigin[base + (results.start[doc] ?? 0)] ?? 0;
  const matchEnd = Math.max(
    matchStart,
    (index.compactOrigin[base + (results.end[doc] ?? 0) - 1] ?? matchStart) + 1,
  );
  const inTitle = matchStart < textOffset;
  const fieldStart = inTitle ? 0 : textOffset;
  const fieldEnd = inTitle ? textOffset - 1 : source.length;
  const from = Math.max(fieldStart, matchStart - 20);
  const to = Math.min(fieldEnd, Math.max(matchEnd + 40, from + 60));
  const prefix = from > fieldStart ? '…' : '';
  const snippet = `${prefix}${source.slice(from, to).replace(/\s+/g, ' ')}${to < fieldEnd ? '…' : ''}`;
  // Collapsing whitespace shifts offsets; measure the highlight on the cleaned text.
  const before = `${prefix}${source.slice(from, matchStart).replace(/\s+/g, ' ')}`;
  const matched = source.slice(matchStart, matchEnd).replace(/\s+/g, ' ');
  return {
    kind: KIND_CODES[results.kind[doc] ?? FUZZY] ?? 'fuzzy',
    snippet,
    highlight: { start: before.length, end: before.length + matched.length },
  };
}

/**
 * Ranked search over an index built by `buildSearchIndex`, tolerant of how agents type Korean:
 * 초성 (ㄱㅌㅇㅂㄱ), spacing (교통 유발금), a half-typed last syllable (교통윱), wrong or missing
 * final consonants and other one-key typos (교통유바금, 졍산), upper/lower case and Latin mixed in
 * (Pc웹 택시), and the keyboard left in English mode (qlwmsltm → 비즈니스). Several words match
 * entries holding all of them in any order, then entries holding some of them.
 *
 * Typo tolerance only runs when the stricter kinds find fewer than `limit` entries, which keeps
 * the common case to a few posting-list lookups.
 */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const normalized = normalizeText(query.slice(0, MAX_QUERY_LENGTH));
  if (normalized === '' || index.docs.length === 0) return [];
  const results = acquireHits(index.docs.length);
  runQuery(index, normalized, results, 1, undefined, false, limit);
  // A query typed with the keyboard in English mode: also try it as the Korean it was meant to be.
  if (/^[a-z ]+$/.test(normalized)) {
    const converted = qwertyAsHangul(normalized);
    if (converted !== null && /[가-힣]/.test(converted))
      runQuery(index, converted, results, LATIN_WEIGHT, LATIN, false, limit);
  }
  // Strict matches are found again on this pass; keeping the best per document makes that harmless.
  if (results.touched.length < limit) runQuery(index, normalized, results, 1, undefined, true, limit);
  const ranked = selectTop(index, results, limit).flatMap((doc) => {
    const document = index.docs[doc];
    if (document === undefined) return [];
    return [
      {
        doc: document,
        score: Math.round((results.score[doc] ?? 0) * 1e4) / 1e4,
        matched: cutSnippet(index, results, doc),
      },
    ];
  });
  releaseHits(results);
  return ranked;
}

/**
 * The Korean a query typed in English keyboard mode was meant to be, or null when the keys do
 * not spell Hangul (es-hangul throws on sequences such as "hkq" that assemble to no syllable).
 */
function qwertyAsHangul(latin: string): string | null {
  try {
    return normalizeText(convertQwertyToHangul(latin));
  } catch {
    return null;
  }
}
