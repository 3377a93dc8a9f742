/**
 * Search and suggestion latency with the business-inquiry guide scaled to 10,000 search entries
 * (the real guide plus generated policy notes: sibling-guide variants of its own entries).
 *
 *   node bench/search.bench.ts                 in-process (searchIndex, suggestInquiryTypes), then
 *                                              through HTTP: writes the scaled guide to a temp
 *                                              IEUM_GUIDES_DIR, starts the real server
 *                                              (src/server/main.ts) on loopback with a temp PGlite
 *                                              directory, creates a user and API token with the CLI,
 *                                              and sends sequential keep-alive requests
 *   node bench/search.bench.ts --http URL --token T
 *                                              only HTTP, against a server you started
 *   --entries N   index size (default 10000)   --rounds N   passes over the query set (default 20)
 *
 * Prints p50/p99/max per search and per suggestion and the ratio of p99 to the 5 ms target.
 * Figures only: timings are never asserted.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assemble, disassemble } from 'es-hangul';
import { parseGuide } from '../src/domain/guide/parseGuide.ts';
import { buildSearchIndex } from '../src/domain/search/buildSearchIndex.ts';
import { guideSearchDocuments } from '../src/domain/search/guideSearchDocuments.ts';
import { searchIndex } from '../src/domain/search/searchIndex.ts';
import { suggestInquiryTypes } from '../src/domain/suggest/suggestInquiryTypes.ts';
import { suggestionExamplesSchema } from '../src/domain/suggest/suggestionExamplesSchema.ts';
import { trainSuggestionModel } from '../src/domain/suggest/trainSuggestionModel.ts';

const P99_TARGET_MS = 5;

const { values: options } = parseArgs({
  options: {
    http: { type: 'string' },
    token: { type: 'string' },
    entries: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '20' },
  },
});

const root = path.resolve(import.meta.dirname, '..');

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

type RawPolicy = {
  id: string;
  marker: string;
  title: string;
  items: { id: string; text: string; details: string[] }[];
};

/**
 * The guide document (raw JSON, as in content/guides) with generated policy notes added until
 * it yields `size` search entries. Each note is a sibling-guide variant of a real entry's title
 * and text, so the server loads, validates and indexes it exactly like the real guide.
 */
function scaleGuideText(guideText: string, utterances: string[], size: number): string {
  const base = parseGuide(guideText, 'business-inquiry.json');
  if (!base.ok) throw new Error('guide invalid');
  const sources = guideSearchDocuments(base.guide);
  const missing = size - sources.length;
  const raw: { policies: RawPolicy[] } = JSON.parse(guideText);
  const ITEMS_PER_POLICY = 10;
  for (let n = 0; n < missing; n++) {
    const source = pick(sources, n * 7);
    const product = pick(PRODUCTS, n);
    const team = pick(TEAMS, Math.floor(n / 3));
    const place = pick(PLACES, Math.floor(n / 5));
    const vary = (text: string): string =>
      text
        .replaceAll('택시', product)
        .replaceAll('비즈니스', team)
        .replaceAll('1644-7391', `1${String(n % 1000).padStart(3, '0')}-${7000 + (n % 3000)}`);
    const extra = n % 4 === 0 ? ` ${pick(utterances, n)}` : '';
    const group = Math.floor(n / ITEMS_PER_POLICY);
    if (n % ITEMS_PER_POLICY === 0) {
      raw.policies.push({
        id: `bench-${group}`,
        marker: '※',
        title: `${vary(source.title)} (${place})`,
        items: [],
      });
    }
    raw.policies
      .at(-1)
      ?.items.push({ id: `bench-${group}-${n}`, text: `${vary(source.text)}${extra}`, details: [] });
  }
  return JSON.stringify(raw);
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

/** GET search and POST suggest through HTTP, one request at a time on a kept-alive connection. */
async function measureHttp(base: string, token: string): Promise<void> {
  const authorization = `Bearer ${token}`;
  const check = async (response: Response): Promise<void> => {
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  // Node's fetch (undici) keeps the connection alive between these sequential requests.
  // /healthz (no authentication, no database) is the floor: what HTTP alone costs on this machine.
  await measure('healthz (HTTP floor)', searchQueries, rounds, async () =>
    check(await fetch(`${base}/healthz`)),
  );
  await measure('search (HTTP)', searchQueries, rounds, async (q) =>
    check(await fetch(`${base}/api/v1/search?q=${encodeURIComponent(q)}`, { headers: { authorization } })),
  );
  await measure('suggest (HTTP)', suggestTexts, rounds, async (text) =>
    check(
      await fetch(`${base}/api/v1/assist/suggest`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      }),
    ),
  );
}

/** Runs an ieum CLI command on the bench's data directory; resolves with its standard output. */
function runCli(args: string[], env: NodeJS.ProcessEnv, input = ''): string {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    env,
    input,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`ieum ${args.slice(0, 2).join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not answer ${base}/healthz within ${deadlineMs} ms`);
}

/** The scaled guide on disk, a fresh server process on it, the measurements, then clean-up. */
async function measureThroughServer(scaledGuideText: string): Promise<void> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'ieum-bench-'));
  const guidesDir = path.join(workDir, 'guides');
  mkdirSync(guidesDir);
  writeFileSync(path.join(guidesDir, 'business-inquiry.json'), scaledGuideText);
  writeFileSync(
    path.join(guidesDir, 'business-inquiry.examples.json'),
    readContent('business-inquiry.examples.json'),
  );
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    IEUM_DATA_DIR: path.join(workDir, 'data'),
    IEUM_GUIDES_DIR: guidesDir,
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  // A configured PostgreSQL or fake clock belongs to something else; the bench runs on its own PGlite.
  delete env.DATABASE_URL;
  delete env.IEUM_FAKE_NOW;
  let server: ChildProcess | null = null;
  let serverErrors = '';
  try {
    let started = performance.now();
    const email = 'bench@ieum.test';
    runCli(
      ['user', 'create', '--email', email, '--name', '벤치', '--role', 'agent', '--password-stdin'],
      env,
      'ieum-bench-password\n',
    );
    const token = runCli(['token', 'create', '--email', email], env).trim().split('\n').at(-1) ?? '';
    console.log(
      `\nuser and API token created with the CLI in ${(performance.now() - started).toFixed(0)} ms`,
    );
    started = performance.now();
    // Request logs go to /dev/null: the server still formats them (a real cost), nobody reads them.
    server = spawn(process.execPath, ['src/server/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      serverErrors += chunk.toString();
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, server, 60_000);
    console.log(
      `server on ${base} ready in ${(performance.now() - started).toFixed(0)} ms (loads the scaled guide, builds its index)\n`,
    );
    await measureHttp(base, token);
  } catch (error) {
    if (serverErrors) console.error(serverErrors);
    throw error;
  } finally {
    const running = server;
    if (running && running.exitCode === null) {
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    }
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (options.http !== undefined) {
  const base = options.http.replace(/\/$/, '');
  if (!options.token) throw new Error('--http needs --token (an API token: npx ieum token create --email …)');
  console.log(`HTTP against ${base} (that server's own guide index)\n`);
  await measureHttp(base, options.token);
} else {
  const entries = Number(options.entries);
  let started = performance.now();
  const scaledGuideText = scaleGuideText(
    readContent('business-inquiry.json'),
    examples.map((e) => e.text),
    entries,
  );
  const scaled = parseGuide(scaledGuideText, 'business-inquiry.json');
  if (!scaled.ok) throw new Error(`scaled guide invalid: ${scaled.errors.map((e) => e.message).join('; ')}`);
  const docs = guideSearchDocuments(scaled.guide);
  const generated = performance.now() - started;
  started = performance.now();
  const index = buildSearchIndex(docs);
  console.log(
    `${docs.length} entries (guide scaled and parsed in ${generated.toFixed(0)} ms), index built in ${(performance.now() - started).toFixed(0)} ms, ` +
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
  await measureThroughServer(scaledGuideText);
}
