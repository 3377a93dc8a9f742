/**
 * Search and suggestion latency with the business-inquiry guide scaled to 10,000 entries.
 *
 *   node bench/search.bench.ts                 in-process: buildSearchIndex/searchIndex and
 *                                              trainSuggestionModel/suggestInquiryTypes
 *   node bench/search.bench.ts --http URL      the same queries through a running server:
 *                                              GET URL/api/v1/search?q= and
 *                                              POST URL/api/v1/assist/suggest
 *   --entries N   index size (default 10000)   --rounds N   passes over the query set (default 20)
 *
 * Prints p50/p99/max per search and per suggestion and the ratio of p99 to the 5 ms target.
 * The HTTP server indexes the real guide, not this synthetic set; start it with a scaled
 * guide to compare like with like.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assemble, disassemble } from 'es-hangul';
import { parseGuide } from '../src/domain/guide/parseGuide.ts';
import { buildSearchIndex } from '../src/domain/search/buildSearchIndex.ts';
import { guideSearchDocuments } from '../src/domain/search/guideSearchDocuments.ts';
import { searchIndex } from '../src/domain/search/searchIndex.ts';
import type { SearchDocument } from '../src/domain/search/searchTypes.ts';
import { suggestInquiryTypes } from '../src/domain/suggest/suggestInquiryTypes.ts';
import { suggestionExamplesSchema } from '../src/domain/suggest/suggestionExamplesSchema.ts';
import { trainSuggestionModel } from '../src/domain/suggest/trainSuggestionModel.ts';

const P99_TARGET_MS = 5;

const { values: options } = parseArgs({
  options: {
    http: { type: 'string' },
    entries: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '20' },
  },
});

function readContent(name: string): string {
  return readFileSync(new URL(`../content/guides/${name}`, import.meta.url), 'utf8');
}

/** Every intermediate state of typing `text` on a 2-beolsik keyboard (교, 굩, 교토, 교통, …). */
function typingStates(text: string): string[] {
  const keys = disassemble(text);
  return Array.from({ length: keys.length }, (_, k) => assemble([keys.slice(0, k + 1)])).filter(
    (s) => s.trim() !== '',
  );
}

// Words a larger guide library would vary: other products, teams and places. Swapping them
// into the real guide's sentences gives entries that look like sibling guides, so the index has
// realistic vocabulary and realistic near-duplicates rather than random strings.
const PRODUCTS = [
  '택시',
  '대리',
  '내비',
  '퀵',
  '주차',
  '바이크',
  '셔틀',
  '기차',
  '항공',
  '렌터카',
  '블루',
  '벤티',
];
const TEAMS = ['비즈니스', '모빌리티', '파트너', '기업고객', '법인', '제휴', '정산', '고객지원'];
const PLACES = [
  '서울',
  '부산',
  '대구',
  '인천',
  '광주',
  '대전',
  '울산',
  '세종',
  '경기',
  '제주',
  '판교',
  '강남',
];

function pick<T>(list: readonly T[], n: number): T {
  const value = list[n % list.length];
  if (value === undefined) throw new Error('empty list');
  return value;
}

function scaleDocuments(base: SearchDocument[], utterances: string[], size: number): SearchDocument[] {
  const docs = [...base];
  for (let n = 0; docs.length < size; n++) {
    const source = pick(base, n * 7);
    const product = pick(PRODUCTS, n);
    const team = pick(TEAMS, Math.floor(n / 3));
    const place = pick(PLACES, Math.floor(n / 5));
    const vary = (text: string): string =>
      text
        .replaceAll('택시', product)
        .replaceAll('비즈니스', team)
        .replaceAll('1644-7391', `1${String(n % 1000).padStart(3, '0')}-${7000 + (n % 3000)}`);
    const extra = n % 4 === 0 ? ` ${pick(utterances, n)}` : '';
    docs.push({
      ...source,
      id: `${source.id}:${n}`,
      title: `${vary(source.title)} (${place})`,
      text: `${vary(source.text)}${extra}`,
    });
  }
  return docs;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(
  label: string,
  inputs: string[],
  rounds: number,
  run: (input: string) => unknown,
): Promise<void> {
  for (const input of inputs.slice(0, 50)) await run(input); // warm-up (JIT, connections)
  const samples: number[] = [];
  const worst = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const started = performance.now();
      await run(input);
      const elapsed = performance.now() - started;
      samples.push(elapsed);
      worst.set(input, Math.max(worst.get(input) ?? 0, elapsed));
    }
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  const max = samples[samples.length - 1] ?? Number.NaN;
  const verdict = p99 <= P99_TARGET_MS ? 'within' : 'OVER';
  console.log(
    `${label.padEnd(26)} n=${String(samples.length).padStart(6)}  p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms  max ${max.toFixed(2)} ms  ` +
      `p99/target ${(p99 / P99_TARGET_MS).toFixed(3)} (${verdict} ${P99_TARGET_MS} ms)`,
  );
  const slowest = [...worst].sort((a, b) => b[1] - a[1]).slice(0, 5);
  console.log(
    `${''.padEnd(26)} slowest: ${slowest.map(([input, ms]) => `${JSON.stringify(input.slice(0, 20))} ${ms.toFixed(2)}`).join(', ')}`,
  );
}

const parsed = parseGuide(readContent('business-inquiry.json'), 'business-inquiry.json');
if (!parsed.ok) throw new Error(`guide does not parse: ${parsed.errors.map((e) => e.message).join('; ')}`);
const examples = suggestionExamplesSchema.parse(
  JSON.parse(readContent('business-inquiry.examples.json')),
).examples;
const heldOut = suggestionExamplesSchema.parse(
  JSON.parse(readContent('business-inquiry.heldout.json')),
).examples;

const searchQueries = [
  ...['교통유발금', '비즈니스 가입', '정산 문의', '관리책임자', '채팅상담 링크', '개인정보 수집'].flatMap(
    typingStates,
  ),
  'ㄱㅌㅇㅂㄱ',
  'ㅂㅈㄴㅅ',
  'ㄱㅇ',
  'ㅊㅌㅅㄷ',
  '교통 유발금',
  '교통유바금',
  '비즈니수',
  '졍산',
  '비지니스',
  'PC웹',
  'pc 웹',
  'Pc웹 택시',
  'qlwmsltm',
  '1644',
  '아지트 이관',
  '서류 교통유발금',
  '미수금',
  '이메일 발송',
  '가입 소개서 메일',
  '본사 담당자 연결',
  '운영 담당자 맞으실까요',
  '확인 후 연락드릴 수 있도록',
];
const suggestTexts = heldOut.map((e) => e.text);
const rounds = Number(options.rounds);

if (options.http === undefined) {
  const entries = Number(options.entries);
  let started = performance.now();
  const docs = scaleDocuments(
    guideSearchDocuments(parsed.guide),
    examples.map((e) => e.text),
    entries,
  );
  const generated = performance.now() - started;
  started = performance.now();
  const index = buildSearchIndex(docs);
  console.log(
    `${docs.length} entries (generated in ${generated.toFixed(0)} ms), index built in ${(performance.now() - started).toFixed(0)} ms, ` +
      `${index.compactOrigin.length} characters, ${index.jamoCompact.length} jamo, ${index.compactPostings.size + index.choseongPostings.size} n-grams, ${index.vocabulary.length} distinct words`,
  );
  started = performance.now();
  const model = trainSuggestionModel(examples);
  console.log(
    `suggestion model trained on ${examples.length} examples in ${(performance.now() - started).toFixed(1)} ms`,
  );
  console.log(
    `${searchQueries.length} search queries (incl. every keystroke of 6 phrases), ${suggestTexts.length} caller sentences\n`,
  );
  await measure('search (in-process)', searchQueries, rounds, (q) => searchIndex(index, q, { limit: 10 }));
  await measure('suggest (in-process)', suggestTexts, rounds, (t) =>
    suggestInquiryTypes(model, t, { limit: 3 }),
  );
} else {
  const base = options.http.replace(/\/$/, '');
  console.log(`HTTP against ${base} (server's own guide index)\n`);
  const check = async (response: Response): Promise<void> => {
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    await response.arrayBuffer();
  };
  await measure('search (HTTP)', searchQueries, rounds, async (q) =>
    check(await fetch(`${base}/api/v1/search?q=${encodeURIComponent(q)}`)),
  );
  await measure('suggest (HTTP)', suggestTexts, rounds, async (text) =>
    check(
      await fetch(`${base}/api/v1/assist/suggest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      }),
    ),
  );
}
