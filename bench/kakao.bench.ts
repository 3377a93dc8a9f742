/**
 * KakaoTalk chatbot: skill request latency at 50 concurrent conversations, over loopback HTTP
 * against a real server, compared with Kakao i Open Builder's 5 s skill timeout (target: p99 under
 * 100 ms).
 *
 *   node bench/kakao.bench.ts                       embedded PGlite in a temporary directory
 *   node bench/kakao.bench.ts --database-url URL    a PostgreSQL database (created and dropped)
 *   --conversations N (default 50)  --rounds N (default 1)  --think-ms N (default 1500)
 *
 * Each conversation is a KakaoTalk user walking a whole script as Open Builder relays it (recorded
 * request bodies from test/fixtures/kakao): Q4-Y with consent, the four values (one bad phone
 * re-asked) and the lead filed with its brochure e-mail; Q1-Y to the support line; a hand-off to an
 * agent. Users pause between turns as people do (--think-ms, 0.5–1.5× at random; 0 sends back to
 * back, a load no chat channel sees), and the 50 conversations begin at random moments within the
 * first such pause, as chats arrive on a channel, rather than in one instant. Every turn's answer
 * is checked against the contract's v2 response schema. Baseline in the same run: GET /healthz at
 * the same concurrency (HTTP and event-loop cost alone). The lead-filing turn (consultation saved,
 * lead and brochure e-mail filed) is printed on its own: it is the heaviest turn.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { kakaoSkillResponseSchema } from '../src/contract/kakao/kakaoSkillResponseSchema.ts';
import { rotateKakaoSkillToken } from '../src/server/services/kakao/rotateKakaoSkillToken.ts';
import { percentile } from './support/percentile.ts';
import { startBenchServer } from './support/startBenchServer.ts';

const KAKAO_TIMEOUT_MS = 5000;
const TARGET_P99_MS = 100;

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    conversations: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '1' },
    'think-ms': { type: 'string', default: '1500' },
  },
});
const conversations = Number(options.conversations);
const rounds = Number(options.rounds);
// A person reads the bubble and taps or types: between turns each user pauses 0.5–1.5× this.
const thinkMs = Number(options['think-ms']);

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/kakao/${name}.json`, import.meta.url), 'utf8'));

const server = await startBenchServer({ adminUrl: options['database-url'], smtp: true });
await server.tokenFor('agent'); // set up: the bot files nothing before the first account exists
const { token } = await rotateKakaoSkillToken(server.ctx, { id: null });
const skillUrl = `${server.url}/api/v1/channels/kakao/${token}/skill`;
console.log(
  `━━ kakao (${server.ctx.database.kind}, ${conversations} concurrent conversations × ${rounds} rounds, ~${thinkMs} ms between a user's turns)`,
);

const latencies: number[] = [];
// The turn that files the lead (the e-mail answer, last step of the lead script), timed separately.
const filingLatencies: number[] = [];
let requests = 0;

/** One user's whole conversation; every turn timed. Quick replies answer with their messageText and extra. */
async function converse(
  userId: string,
  script: Array<string | { press: string }>,
  filingStep: number | null,
): Promise<void> {
  let last: ReturnType<typeof kakaoSkillResponseSchema.parse> | null = null;
  // A chat begins when its user writes, somewhere within one pause of the others.
  if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * 1.5 * Math.random()));
  for (const [stepIndex, step] of script.entries()) {
    if (last && thinkMs > 0)
      await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
    const body = fixture(last ? 'quick-reply' : 'first-utterance');
    const userRequest = Object(body.userRequest);
    userRequest.user = { ...Object(userRequest.user), id: userId };
    if (typeof step === 'string') {
      userRequest.utterance = step;
      body.action = { ...Object(body.action), clientExtra: null };
    } else {
      const reply = last?.template.quickReplies?.find((candidate) => candidate.label === step.press);
      if (!reply?.messageText) throw new Error(`${userId}: no quick reply "${step.press}"`);
      userRequest.utterance = reply.messageText;
      body.action = { ...Object(body.action), clientExtra: reply.extra ?? null };
    }
    const started = performance.now();
    const response = await fetch(skillUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json();
    const elapsed = performance.now() - started;
    latencies.push(elapsed);
    if (stepIndex === filingStep) filingLatencies.push(elapsed);
    requests += 1;
    if (response.status !== 200) throw new Error(`${userId}: ${response.status} ${JSON.stringify(json)}`);
    last = kakaoSkillResponseSchema.parse(json);
  }
}

// Typed numbers pick the type from the menu whatever the suggester proposes for "안녕하세요".
const lead = [
  '안녕하세요',
  '6',
  { press: '네' },
  { press: '동의' },
  '이음상사',
  '김담당',
  '12345',
  '010-2345-6789',
  'owner@example.com',
];
const supportLine = ['안녕하세요', '1', { press: '네' }];
const handoff = ['안녕하세요', '5', { press: '상담직원 연결' }];
const scripts = [lead, supportLine, handoff];

const wallStarted = performance.now();
for (let round = 0; round < rounds; round += 1) {
  await Promise.all(
    Array.from({ length: conversations }, (_, index) =>
      converse(
        `bench-${round}-${index}`,
        scripts[index % scripts.length] ?? lead,
        index % scripts.length === 0 ? lead.length - 1 : null,
      ),
    ),
  );
}
const wallMs = performance.now() - wallStarted;

const baseline: number[] = [];
await Promise.all(
  Array.from({ length: conversations }, async () => {
    for (let i = 0; i < 10; i += 1) {
      const started = performance.now();
      await (await fetch(`${server.url}/healthz`)).text();
      baseline.push(performance.now() - started);
    }
  }),
);
// The brochure goes out after the lead's commit (the outbox, then SMTP): counted once the outbox
// has had up to 5 s to deliver the last ones, not at the instant the load stops.
const drainBy = performance.now() + 5000;
while (server.mailsDelivered() < filingLatencies.length && performance.now() < drainBy) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const mailsDelivered = server.mailsDelivered();
await server.stop();

latencies.sort((a, b) => a - b);
filingLatencies.sort((a, b) => a - b);
baseline.sort((a, b) => a - b);
const p50 = percentile(latencies, 50);
const p99 = percentile(latencies, 99);
const max = latencies.at(-1) ?? Number.NaN;
const baseP99 = percentile(baseline, 99);
console.log(
  `skill requests: ${requests} in ${(wallMs / 1000).toFixed(1)} s (${((requests * 1000) / wallMs).toFixed(0)}/s)`,
);
console.log(`latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
console.log(
  `lead-filing turn (${filingLatencies.length}): p50 ${percentile(filingLatencies, 50).toFixed(1)} ms, max ${(filingLatencies.at(-1) ?? Number.NaN).toFixed(1)} ms`,
);
console.log(
  `brochure e-mails delivered to the loopback SMTP server: ${mailsDelivered} of ${filingLatencies.length}`,
);
console.log(
  `p99 vs Kakao's ${KAKAO_TIMEOUT_MS} ms timeout: ${(p99 / KAKAO_TIMEOUT_MS).toFixed(3)}×; vs the ${TARGET_P99_MS} ms target: ${(p99 / TARGET_P99_MS).toFixed(2)}× ${p99 < TARGET_P99_MS ? '(met)' : '(NOT met)'}`,
);
console.log(
  `baseline GET /healthz at the same concurrency: p99 ${baseP99.toFixed(1)} ms (skill p99 ÷ baseline p99 = ${(p99 / baseP99).toFixed(1)}×)`,
);
