import { describe, expect, it } from 'vitest';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import type { Guide } from '../guide/guideSchema.ts';
import { fieldsWithheldByRefusal } from './fieldsWithheldByRefusal.ts';

const guide = shippedGuide();

describe('fieldsWithheldByRefusal', () => {
  it('withholds what Q4 collects after consent (업체명/담당자/연락처/이메일주소) when the caller refuses', () => {
    const refused = fieldsWithheldByRefusal(guide, {
      scriptId: 'q4',
      history: [
        { nodeId: 'q4-signup', answer: 'yes' },
        { nodeId: 'q4-consent', answer: 'refused' },
      ],
    });
    expect([...refused].sort()).toEqual(['companyName', 'contactName', 'email', 'phone']);
  });

  it('withholds nothing when consent was given, or never asked', () => {
    const agreed = fieldsWithheldByRefusal(guide, {
      scriptId: 'q4',
      history: [
        { nodeId: 'q4-signup', answer: 'yes' },
        { nodeId: 'q4-consent', answer: 'agreed' },
        { nodeId: 'q4-lead-details', answer: 'next' },
      ],
    });
    expect(agreed.size).toBe(0);
    const q1 = fieldsWithheldByRefusal(guide, {
      scriptId: 'q1',
      history: [{ nodeId: 'q1-registered', answer: 'no' }],
    });
    expect(q1.size).toBe(0);
  });

  it('keeps a field the script still asks for after the refusal', () => {
    const q4 = guide.scripts.find((script) => script.id === 'q4');
    if (!q4) throw new Error('no q4');
    // A variant whose refusal branch still takes the inquiry and the phone down.
    const variant: Guide = {
      ...guide,
      scripts: guide.scripts.map((script) =>
        script !== q4
          ? script
          : {
              ...script,
              nodes: [
                ...script.nodes.map((node) =>
                  node.type === 'consent' ? { ...node, refused: 'q4-refused-details' } : node,
                ),
                {
                  type: 'collect' as const,
                  id: 'q4-refused-details',
                  label: '문의 내용',
                  policyIds: [],
                  lines: [],
                  fields: [
                    { key: 'inquiry' as const, label: '문의 내용' },
                    { key: 'phone' as const, label: '연락처' },
                  ],
                  next: 'q4-closing',
                },
              ],
            },
      ),
    };
    const refused = fieldsWithheldByRefusal(variant, {
      scriptId: 'q4',
      history: [
        { nodeId: 'q4-signup', answer: 'yes' },
        { nodeId: 'q4-consent', answer: 'refused' },
      ],
    });
    expect([...refused].sort()).toEqual(['companyName', 'contactName', 'email']);
  });
});
