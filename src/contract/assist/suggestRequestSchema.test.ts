import { describe, expect, it } from 'vitest';
import { suggestRequestSchema } from './suggestRequestSchema.ts';

describe('suggestRequestSchema', () => {
  it('accepts text and trims it', () => {
    expect(suggestRequestSchema.parse({ text: '  미수금 문의요 ' })).toEqual({ text: '미수금 문의요' });
  });

  it.each([
    ['empty', { text: '' }],
    ['blank', { text: '  \n ' }],
    ['over 500 characters', { text: '가'.repeat(501) }],
    ['not a string', { text: 42 }],
    ['missing', {}],
  ])('rejects %s text', (_, body) => {
    expect(suggestRequestSchema.safeParse(body).success).toBe(false);
  });

  it('accepts exactly 500 characters after trimming', () => {
    expect(suggestRequestSchema.safeParse({ text: ` ${'가'.repeat(500)} ` }).success).toBe(true);
  });
});
