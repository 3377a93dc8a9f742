import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeStep } from '../flow/describeStep.ts';
import { enumerateFlowPaths } from '../flow/enumerateFlowPaths.ts';
import type { Guide } from './guideSchema.ts';
import { parseGuide } from './parseGuide.ts';
import { renderGuideText } from './renderGuideText.ts';

// The original call-center guide, kept verbatim in the repository so the test runs on any clone.
// (It was given as ../shared/seeds/000_4ef261182965f8ab.txt; when that copy is present, it must match.)
const seedUrl = new URL('../../../content/guides/source/business-inquiry.seed.txt', import.meta.url);
const sharedSeedUrl = new URL('../../../../shared/seeds/000_4ef261182965f8ab.txt', import.meta.url);
const guideUrl = new URL('../../../content/guides/business-inquiry.json', import.meta.url);

function readSeed(): string {
  const text = readFileSync(fileURLToPath(seedUrl), 'utf8');
  const shared = fileURLToPath(sharedSeedUrl);
  if (existsSync(shared) && readFileSync(shared, 'utf8') !== text) {
    throw new Error(
      `${shared} differs from content/guides/source/business-inquiry.seed.txt: copy the new seed in`,
    );
  }
  return text;
}

function loadGuide(): Guide {
  const result = parseGuide(readFileSync(guideUrl, 'utf8'), 'business-inquiry.json');
  if (!result.ok)
    throw new Error(
      result.errors.map((error) => `${error.line} ${error.pointer}: ${error.message}`).join('\n'),
    );
  return result.guide;
}

/** Whitespace-insensitive form: the guide may normalise spacing inside sentences, never words. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Strips the seed's markdown: bold, escapes, autolinks, keycap emoji, list and quote markers. */
function cleanSeedLine(raw: string): string {
  return raw
    .replace(/\*\*/g, '')
    .replace(/\\([_*\\])/g, '$1')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/[0-9]\uFE0F\u20E3/g, '')
    .replace(/^\s*#\s+/, '')
    .replace(/^\s*(?:[*-]|ㄴ|■|>|\d+\.)\s+/, '')
    .trim();
}

function isContentLine(line: string): boolean {
  return line !== '' && !/^[-=─―]+$/.test(line) && line !== '```' && line !== 'Y' && line !== 'N';
}

type SeedSections = {
  header: string[];
  inquiryTypes: string[];
  transferMethods: string[];
  consentRule: string[];
  tableOfContents: string[];
  questions: Map<number, string[]>;
  answers: Map<number, string[]>;
  chatBlock: string[];
  policies: string[];
};

function splitSeed(seed: string): SeedSections {
  const sections: SeedSections = {
    header: [],
    inquiryTypes: [],
    transferMethods: [],
    consentRule: [],
    tableOfContents: [],
    questions: new Map(),
    answers: new Map(),
    chatBlock: [],
    policies: [],
  };
  let bucket: string[] = sections.header;
  let inCode = false;
  let inChatBlock = false;
  for (const raw of seed.split('\n')) {
    const question = /^\*\*Q(\d)\./.exec(raw);
    const answer = /^\*\*A(\d)\.\*\*/.exec(raw);
    if (raw.includes('1️⃣')) bucket = sections.inquiryTypes;
    else if (raw.includes('2️⃣')) bucket = sections.transferMethods;
    else if (raw.includes('3️⃣')) bucket = sections.consentRule;
    else if (raw.includes('4️⃣')) bucket = sections.tableOfContents;
    else if (raw.includes('[정책 및 참고사항]')) bucket = sections.policies;
    else if (question) {
      // Question headings are split into their parts: bold runs and runs of 3+ spaces.
      const parts = raw
        .split('**')
        .flatMap((part) => part.split(/\s{3,}/))
        .map((part) => cleanSeedLine(part).replace(/^Q\d\.\s*/, ''))
        .filter((part) => part !== '');
      sections.questions.set(Number(question[1]), parts);
      bucket = [];
      continue;
    } else if (answer) {
      bucket = [];
      sections.answers.set(Number(answer[1]), bucket);
      continue;
    } else if (/^─+$/.test(raw.trim()) || /^―/.test(cleanSeedLine(raw))) {
      bucket = [];
      continue;
    }
    if (raw.trim().startsWith('```')) {
      inCode = !inCode;
      inChatBlock =
        inCode && sections.answers.has(1) && !sections.answers.has(2) && bucket !== sections.policies;
      if (!raw.trim().endsWith('```') || raw.trim() === '```') continue;
    }
    if (inChatBlock) sections.chatBlock.push(raw.trimEnd());
    const line = cleanSeedLine(raw.replace(/```/g, ''));
    if (isContentLine(line)) bucket.push(line);
  }
  return sections;
}

/** Everything the console shows the agent along every path of a script. */
function spokenText(guide: Guide, scriptId: string): string[] {
  const shown: string[] = [];
  for (const path of enumerateFlowPaths(guide, scriptId)) {
    for (let step = 0; step <= path.history.length; step += 1) {
      const view = describeStep(guide, {
        ...path.state,
        history: path.history.slice(0, step),
        currentNodeId: path.history[step]?.nodeId ?? path.endNodeId,
      });
      shown.push(...view.lines, ...view.offers.flatMap((offer) => [offer.label, offer.text]));
      if (view.supportLineCaveat) shown.push(view.supportLineCaveat);
    }
  }
  return shown;
}

describe('seed coverage: every sentence of the guide is in the loaded guide', () => {
  const seed = splitSeed(readSeed());
  const guide = loadGuide();
  const guideText = squash(renderGuideText(guide));

  it('found the sections of the seed', () => {
    expect(seed.inquiryTypes.length).toBeGreaterThanOrEqual(10);
    expect(seed.transferMethods.length).toBeGreaterThanOrEqual(10);
    expect(seed.consentRule.length).toBeGreaterThanOrEqual(5);
    expect([...seed.questions.keys()]).toEqual([1, 2, 3, 4]);
    expect([...seed.answers.keys()]).toEqual([1, 2, 3, 4]);
    expect(seed.policies.length).toBeGreaterThanOrEqual(8);
  });

  it('keeps the nine inquiry types verbatim and in order', () => {
    const [heading, ...types] = seed.inquiryTypes;
    expect(heading).toBe(guide.sectionTitles.inquiryTypes);
    expect(types).toEqual(guide.inquiryTypes.map((type) => type.description));
  });

  it.each([
    ['the title', (sections: SeedSections) => sections.header],
    ['section 1', (sections: SeedSections) => sections.inquiryTypes],
    [
      'section 2 (transfer methods, support line, chat, transfer form, record template)',
      (sections: SeedSections) => sections.transferMethods,
    ],
    ['section 3 (consent rule)', (sections: SeedSections) => sections.consentRule],
    ['the table of contents', (sections: SeedSections) => sections.tableOfContents],
    ['the policy notes', (sections: SeedSections) => sections.policies],
  ])('contains every line of %s', (_name, pick) => {
    const missing = pick(seed).filter((line) => !guideText.includes(squash(line)));
    expect(missing).toEqual([]);
  });

  it.each([1, 2, 3, 4])('Q%i: keeps the audience and every customer question', (number) => {
    const script = guide.scripts.find((candidate) => candidate.number === number);
    const parts = seed.questions.get(number) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    const expected = script ? [`(${script.audience})`, ...script.customerQuestions] : [];
    expect(parts.map(squash)).toEqual(expected.map(squash));
  });

  it.each([1, 2, 3, 4])('A%i: every sentence is shown on some path of the script', (number) => {
    const script = guide.scripts.find((candidate) => candidate.number === number);
    const shown = squash(spokenText(guide, script?.id ?? '').join('\n'));
    const lines = seed.answers.get(number) ?? [];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.filter((line) => !shown.includes(squash(line)))).toEqual([]);
  });

  it('keeps the chat-link message line by line, line breaks included', () => {
    expect(seed.chatBlock.length).toBeGreaterThan(5);
    expect(guide.chat.message.split('\n')).toEqual(seed.chatBlock.map((line) => line.trim()));
  });

  it('says nothing to the caller that the seed does not say (no reworded sentence)', () => {
    const seedText = squash(
      readSeed()
        .replace(/\*\*/g, '')
        .replace(/\\([_*\\])/g, '$1'),
    );
    const spoken = guide.scripts.flatMap((script) => spokenText(guide, script.id));
    expect(spoken.length).toBeGreaterThan(20);
    expect(
      [...new Set(spoken)]
        .flatMap((text) => text.split('\n'))
        .filter((line) => !seedText.includes(squash(line))),
    ).toEqual([]);
  });
});
