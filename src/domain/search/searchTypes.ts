/** What a search document stands for; drives ranking (types and scripts before sentences). */
export type SearchDocumentKind = 'inquiry-type' | 'script' | 'sentence' | 'message' | 'policy';

/** One searchable entry: an inquiry type, a script, one sentence of a script, a message or a policy note. */
export type SearchDocument = {
  /** Stable id, unique within an index (e.g. `script:q1`). */
  id: string;
  kind: SearchDocumentKind;
  /** Shown as the result's heading; matches here rank above matches in `text`. */
  title: string;
  text: string;
  /** The script this entry opens or belongs to, so Enter can start it. */
  scriptId?: string;
  /** The number of the guide's inquiry type this entry is about, when it is about one. */
  inquiryType?: number;
};

/**
 * How the query matched, strictest first:
 * - `exact`: the query appears as typed (after case and punctuation folding);
 * - `spacing`: it appears once spaces are ignored (교통 유발금 = 교통유발금);
 * - `choseong`: initial consonants (ㄱㅌㅇㅂㄱ), possibly mixed with whole syllables;
 * - `jamo`: the query's keystrokes are a prefix of the text's (a half-typed last syllable, 교통윱);
 * - `fuzzy`: within a small jamo edit distance (교통유바금, 졍산);
 * - `latin`: typed with the keyboard in English mode (qlwmsltm → 비즈니스).
 */
export type SearchMatchKind = 'exact' | 'spacing' | 'choseong' | 'jamo' | 'fuzzy' | 'latin';

/** One ranked search hit. */
export type SearchResult = {
  doc: SearchDocument;
  /** Relevance in (0, 1]; higher is better. Comparable within one query only. */
  score: number;
  matched: {
    kind: SearchMatchKind;
    /** A short excerpt of the title or text around the match, with `…` where it was cut. */
    snippet: string;
    /** UTF-16 offsets of the matched part inside `snippet`, for highlighting. */
    highlight: { start: number; end: number };
  };
};

/** Options of a search. */
export type SearchOptions = {
  /** Maximum number of results (default 10). */
  limit?: number;
};
