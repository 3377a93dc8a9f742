import { describe, expect, it } from 'vitest';
import { consentDecisionRequestSchema } from './consentDecisionRequestSchema.ts';

const valid = { member: false, items: [{ field: '연락처', alreadyHeld: false, store: true }] };

function issuesOf(input: unknown) {
  const result = consentDecisionRequestSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('consentDecisionRequestSchema', () => {
  it('accepts a well-formed request and trims field names', () => {
    const parsed = consentDecisionRequestSchema.parse({
      member: true,
      items: [{ field: '  이메일주소 ', alreadyHeld: false, store: true }],
    });
    expect(parsed).toEqual({
      member: true,
      items: [{ field: '이메일주소', alreadyHeld: false, store: true }],
    });
  });

  it('names a missing member flag', () => {
    expect(issuesOf({ items: valid.items })).toEqual([
      { path: 'member', message: 'member는 true 또는 false여야 합니다' },
    ]);
  });

  it('names the item whose field is empty', () => {
    const input = {
      member: false,
      items: [valid.items[0], { field: '   ', alreadyHeld: false, store: false }],
    };
    expect(issuesOf(input)).toEqual([{ path: 'items.1.field', message: 'field는 비어 있을 수 없습니다' }]);
  });

  it('names a non-boolean store', () => {
    const input = { member: false, items: [{ field: '연락처', alreadyHeld: false, store: 'yes' }] };
    expect(issuesOf(input)).toEqual([
      { path: 'items.0.store', message: 'store는 true 또는 false여야 합니다' },
    ]);
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    const input = { member: false, items: [{ field: '연락처', alreadyHeld: false, stored: true }] };
    const paths = issuesOf(input).map((issue) => issue.path);
    expect(paths).toContain('items.0.store');
    expect(paths).toContain('items.0');
  });

  it('rejects an empty list and more than 64 items', () => {
    expect(issuesOf({ member: false, items: [] })).toEqual([
      { path: 'items', message: 'items에 항목이 하나 이상 있어야 합니다' },
    ]);
    const many = Array.from({ length: 65 }, (_, i) => ({ field: `f${i}`, alreadyHeld: false, store: false }));
    expect(issuesOf({ member: false, items: many })).toEqual([
      { path: 'items', message: 'items는 64개 이하여야 합니다' },
    ]);
    expect(issuesOf({ member: false, items: many.slice(0, 64) })).toEqual([]);
  });

  it('rejects a field name longer than 64 characters', () => {
    const input = { member: false, items: [{ field: 'x'.repeat(65), alreadyHeld: false, store: false }] };
    expect(issuesOf(input)).toEqual([{ path: 'items.0.field', message: 'field는 64자 이하여야 합니다' }]);
  });

  it('rejects the same field twice, pointing at the duplicate', () => {
    const input = {
      member: false,
      items: [valid.items[0], { field: '연락처', alreadyHeld: true, store: false }],
    };
    expect(issuesOf(input)).toEqual([{ path: 'items.1.field', message: "field '연락처'가 중복되었습니다" }]);
    // Named by its catalogue key, so an English caller reads it in English (QA-8 M3).
    const parsed = consentDecisionRequestSchema.safeParse(input);
    expect(parsed.success ? null : parsed.error.issues[0]).toMatchObject({
      params: { messageKey: 'validation.duplicateItem', name: 'field', value: '연락처' },
    });
  });

  it('rejects a body that is not an object', () => {
    expect(consentDecisionRequestSchema.safeParse(null).success).toBe(false);
    expect(issuesOf({ member: false, items: 'all' })).toEqual([
      { path: 'items', message: 'items는 배열이어야 합니다' },
    ]);
  });
});
