import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../guide/parseGuide.ts';
import { buildSearchIndex } from './buildSearchIndex.ts';
import { guideSearchDocuments } from './guideSearchDocuments.ts';
import { searchIndex } from './searchIndex.ts';

const file = new URL('../../../content/guides/business-inquiry.json', import.meta.url);
const parsed = parseGuide(readFileSync(file, 'utf8'), 'business-inquiry.json');
if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
const guide = parsed.guide;
const docs = guideSearchDocuments(guide);
const index = buildSearchIndex(docs);

describe('guideSearchDocuments', () => {
  it('has one entry per inquiry type, each opening its script', () => {
    const types = docs.filter((d) => d.kind === 'inquiry-type');
    expect(types.map((d) => d.inquiryType)).toEqual(guide.inquiryTypes.map((t) => t.number));
    for (const doc of types) expect(guide.scripts.map((s) => s.id)).toContain(doc.scriptId);
  });

  it('has each script with its customer questions, and every line the agent says', () => {
    for (const script of guide.scripts) {
      const doc = docs.find((d) => d.id === `script:${script.id}`);
      for (const question of script.customerQuestions) expect(doc?.text).toContain(question);
      for (const node of script.nodes) {
        if (!('lines' in node)) continue;
        const sentences = docs.filter(
          (d) => d.kind === 'sentence' && d.id.startsWith(`sentence:${script.id}:${node.id}:`),
        );
        expect(sentences).toHaveLength(node.lines.length);
        for (const sentence of sentences) expect(sentence.scriptId).toBe(script.id);
      }
    }
  });

  it('resolves templates so the support-line number is searchable', () => {
    expect(docs.some((d) => d.text.includes('{{'))).toBe(false);
    expect(searchIndex(index, '1644-7391').length).toBeGreaterThan(0);
  });

  it('includes the chat-link message, the consent notice and the policy notes', () => {
    expect(docs.find((d) => d.kind === 'message')?.text).toContain(guide.chat.url);
    expect(docs.some((d) => d.text === guide.consentNotice.text)).toBe(true);
    for (const policy of guide.policies) {
      for (const item of policy.items)
        expect(docs.some((d) => d.kind === 'policy' && d.text.includes(item.text))).toBe(true);
    }
  });

  it('has unique ids', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });
});

describe('search over the business-inquiry guide', () => {
  const top = (query: string) => searchIndex(index, query, { limit: 3 })[0];

  it.each([
    ['ㄱㅌㅇㅂㄱ', 5],
    ['교통 유발금', 5],
    ['교통유바금', 5],
    ['교통윱', 5],
    ['Pc웹 택시', 9],
    ['미수금', 2],
  ])('%s opens inquiry type %i', (query, type) => {
    const hit = top(query);
    expect(hit?.doc.kind).toBe('inquiry-type');
    expect(hit?.doc.inquiryType).toBe(type);
    expect(hit?.doc.scriptId).toBeDefined();
  });

  it('finds the after-hours transfer form by 아지트', () => {
    expect(
      searchIndex(index, '아지트').some((r) => r.doc.id === 'policy:transfer-method:after-hours-transfer'),
    ).toBe(true);
  });
});
