import { foldCharacter, normalizeText } from './normalizeText.ts';
import type { SearchDocument, SearchDocumentKind } from './searchTypes.ts';
import { toChoseong } from './toChoseong.ts';
import { jamoOfCharacter } from './toJamo.ts';

/** Sits between title and text, so no match can span the two fields. */
export const FIELD_SEPARATOR = '\u0002';

/** A distinct word of the indexed text, for typo-tolerant matching. */
export type VocabularyWord = {
  /** The word as normalised (lower case, no punctuation). */
  word: string;
  /** Its keystrokes, compared by jamo edit distance. */
  jamo: string;
  /** Indexes of the documents containing it, ascending. */
  docs: Int32Array;
};

/**
 * A search index. Each document's title and text are normalised, stripped of spaces and kept in
 * three forms (syllables, 초성, jamo). Posting lists of 1- and 2-grams narrow a query down to the
 * few documents that can contain it, so a query costs a handful of short string searches
 * instead of a scan of all text. Global offset tables map jamo back to syllables and
 * syllables back to the original text for snippets.
 */
export type SearchIndex = {
  docs: SearchDocument[];
  /** Per document: NFC title, a newline, NFC text — what snippets are cut from. */
  sources: string[];
  /** Per document: offset in `sources` where the text starts (after the newline). */
  textOffsets: Int32Array;
  /** Per document: ranking weight of its kind. */
  kindWeights: Float64Array;
  /** Per document: weight of a match in its title relative to one in its text. */
  titleWeights: Float64Array;
  /** Per document: normalised, space-free title, FIELD_SEPARATOR, text. */
  compacts: string[];
  /** Per document: `compacts` with every syllable replaced by its initial consonant (same length). */
  choseongs: string[];
  /** Per document: `compacts` decomposed into jamo. */
  jamos: string[];
  /** Per document: offset of its first character in the global compact offset tables. */
  compactStarts: Int32Array;
  /** Per document: offset of its first jamo in the global jamo offset tables. */
  jamoStarts: Int32Array;
  /** Per document: local offset of FIELD_SEPARATOR in its compact string. */
  titleEnds: Int32Array;
  /** For each global compact offset: the offset in that document's source string. */
  compactOrigin: Int32Array;
  /** For each global compact offset: 1 when the character starts a word in the source. */
  compactWordStart: Uint8Array;
  /** For each global jamo offset: the local compact offset of the character it came from. */
  jamoCompact: Int32Array;
  /** For each global jamo offset: 1 when it is the first jamo of its character. */
  jamoCharStart: Uint8Array;
  /** Syllable 1- and 2-grams → documents containing them (ascending). */
  compactPostings: Map<string, Int32Array>;
  /** 초성 1- and 2-grams → documents containing them (ascending). */
  choseongPostings: Map<string, Int32Array>;
  /**
   * Single characters → local offset of their first occurrence in each document of the posting
   * list (same order), so a one-letter query ranks thousands of entries without a string search.
   */
  compactFirstOffsets: Map<string, Int32Array>;
  /** The same for 초성 characters. */
  choseongFirstOffsets: Map<string, Int32Array>;
  /** Every distinct Hangul syllable indexed, with its jamo, to expand a half-typed syllable. */
  syllables: Array<{ syllable: string; jamo: string }>;
  vocabulary: VocabularyWord[];
};

// A type's or script's title names what it is about, so a match there is the best evidence.
// A sentence's or note's title is only its place in the guide (Q4 › 가입 상담 접수): a match
// there would pull in every sentence of that node, so it counts no more than the text.
const TITLE_WEIGHTS: Record<SearchDocumentKind, number> = {
  'inquiry-type': 1,
  script: 1,
  message: 0.88,
  policy: 0.88,
  sentence: 0.88,
};

const KIND_WEIGHTS: Record<SearchDocumentKind, number> = {
  // Ties go to what opens a script: an agent wants the type or script, not one of its sentences.
  'inquiry-type': 1,
  script: 0.99,
  message: 0.97,
  policy: 0.97,
  sentence: 0.96,
};

function addGramPostings(
  postings: Map<string, number[]>,
  firstOffsets: Map<string, number[]>,
  text: string,
  docIndex: number,
): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (!seen.has(ch)) seen.set(ch, i);
    if (i + 1 < text.length) {
      const pair = text.slice(i, i + 2);
      if (!seen.has(pair)) seen.set(pair, i);
    }
  }
  for (const [gram, offset] of seen) {
    if (gram.includes(FIELD_SEPARATOR)) continue;
    const list = postings.get(gram);
    if (list === undefined) postings.set(gram, [docIndex]);
    else list.push(docIndex);
    if (gram.length === 1) {
      const offsets = firstOffsets.get(gram);
      if (offsets === undefined) firstOffsets.set(gram, [offset]);
      else offsets.push(offset);
    }
  }
}

function freezePostings(postings: Map<string, number[]>): Map<string, Int32Array> {
  const frozen = new Map<string, Int32Array>();
  for (const [gram, list] of postings) frozen.set(gram, Int32Array.from(list));
  return frozen;
}

/**
 * Precomputes everything a search needs, so that a query does no per-document normalisation.
 * Build once when the guide loads (a few hundred ms for 10,000 entries) and share it.
 */
export function buildSearchIndex(docs: SearchDocument[]): SearchIndex {
  const sources: string[] = [];
  const compacts: string[] = [];
  const choseongs: string[] = [];
  const jamos: string[] = [];
  const textOffsets = new Int32Array(docs.length);
  const kindWeights = new Float64Array(docs.length);
  const titleWeights = new Float64Array(docs.length);
  const compactStarts = new Int32Array(docs.length);
  const jamoStarts = new Int32Array(docs.length);
  const titleEnds = new Int32Array(docs.length);
  const origins: number[] = [];
  const wordStarts: number[] = [];
  const jamoCompactList: number[] = [];
  const jamoStartList: number[] = [];
  const compactPostings = new Map<string, number[]>();
  const choseongPostings = new Map<string, number[]>();
  const compactFirstOffsets = new Map<string, number[]>();
  const choseongFirstOffsets = new Map<string, number[]>();
  const vocabularyDocs = new Map<string, number[]>();

  docs.forEach((doc, docIndex) => {
    const title = doc.title.normalize('NFC');
    const text = doc.text.normalize('NFC');
    const source = `${title}\n${text}`;
    sources.push(source);
    textOffsets[docIndex] = title.length + 1;
    kindWeights[docIndex] = KIND_WEIGHTS[doc.kind];
    titleWeights[docIndex] = TITLE_WEIGHTS[doc.kind];
    compactStarts[docIndex] = origins.length;
    jamoStarts[docIndex] = jamoCompactList.length;
    let compact = '';
    let jamo = '';
    let atWordStart = true;
    const push = (ch: string, origin: number, wordStart: boolean): void => {
      const chJamo = ch === FIELD_SEPARATOR ? ch : jamoOfCharacter(ch);
      for (let k = 0; k < chJamo.length; k++) {
        jamoCompactList.push(compact.length);
        jamoStartList.push(k === 0 ? 1 : 0);
      }
      compact += ch;
      jamo += chJamo;
      origins.push(origin);
      wordStarts.push(wordStart ? 1 : 0);
    };
    for (let i = 0; i < source.length; i++) {
      if (i === title.length) {
        titleEnds[docIndex] = compact.length;
        push(FIELD_SEPARATOR, i, false);
        atWordStart = true;
        continue;
      }
      const folded = foldCharacter(source.charAt(i));
      if (folded === '') continue;
      if (folded === ' ') {
        atWordStart = true;
        continue;
      }
      push(folded, i, atWordStart);
      atWordStart = false;
    }
    const choseong = toChoseong(compact);
    compacts.push(compact);
    choseongs.push(choseong);
    jamos.push(jamo);
    addGramPostings(compactPostings, compactFirstOffsets, compact, docIndex);
    addGramPostings(choseongPostings, choseongFirstOffsets, choseong, docIndex);
    for (const word of new Set(`${normalizeText(title)} ${normalizeText(text)}`.split(' '))) {
      if (word === '') continue;
      const list = vocabularyDocs.get(word);
      if (list === undefined) vocabularyDocs.set(word, [docIndex]);
      else list.push(docIndex);
    }
  });

  const vocabulary: VocabularyWord[] = [];
  for (const [word, list] of vocabularyDocs) {
    let jamo = '';
    for (let i = 0; i < word.length; i++) jamo += jamoOfCharacter(word.charAt(i));
    vocabulary.push({ word, jamo, docs: Int32Array.from(list) });
  }
  const frozenCompactPostings = freezePostings(compactPostings);
  const syllables: SearchIndex['syllables'] = [];
  for (const gram of frozenCompactPostings.keys()) {
    const code = gram.charCodeAt(0);
    if (gram.length === 1 && code >= 0xac00 && code <= 0xd7a3)
      syllables.push({ syllable: gram, jamo: jamoOfCharacter(gram) });
  }
  return {
    docs,
    sources,
    textOffsets,
    kindWeights,
    titleWeights,
    compacts,
    choseongs,
    jamos,
    compactStarts,
    jamoStarts,
    titleEnds,
    compactOrigin: Int32Array.from(origins),
    compactWordStart: Uint8Array.from(wordStarts),
    jamoCompact: Int32Array.from(jamoCompactList),
    jamoCharStart: Uint8Array.from(jamoStartList),
    compactPostings: frozenCompactPostings,
    choseongPostings: freezePostings(choseongPostings),
    compactFirstOffsets: freezePostings(compactFirstOffsets),
    choseongFirstOffsets: freezePostings(choseongFirstOffsets),
    syllables,
    vocabulary,
  };
}
