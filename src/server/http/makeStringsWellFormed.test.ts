import { describe, expect, it } from 'vitest';
import { makeStringsWellFormed } from './makeStringsWellFormed.ts';

describe('makeStringsWellFormed', () => {
  it('replaces lone surrogates in strings and keys at any depth with U+FFFD, in place', () => {
    const body = JSON.parse(
      '{"name":"PBX \\ud800","list":["a\\udc00b",{"k\\ud801":"x"}],"n":1,"ok":"가나 😀"}',
    );
    const fixed = makeStringsWellFormed(body);
    expect(fixed).toBe(body);
    expect(fixed).toEqual({
      name: 'PBX \ufffd',
      list: ['a\ufffdb', { 'k\ufffd': 'x' }],
      n: 1,
      ok: '가나 😀',
    });
    expect(JSON.stringify(fixed).includes('\\ud')).toBe(false);
  });

  it('leaves well-formed values, buffers and non-objects as they are', () => {
    const buffer = Buffer.from('ab');
    expect(makeStringsWellFormed(buffer)).toBe(buffer);
    expect(makeStringsWellFormed(null)).toBeNull();
    expect(makeStringsWellFormed(undefined)).toBeUndefined();
    expect(makeStringsWellFormed('\ud800')).toBe('\ufffd');
    expect(makeStringsWellFormed(42)).toBe(42);
  });
});
