import { describe, expect, it } from 'vitest';
import { locateJsonPointers } from './locateJsonPointers.ts';

describe('locateJsonPointers', () => {
  it('maps member keys and array elements to their lines, escaping ~ and /', () => {
    const text = '{\n  "a": {\n    "b/c": [\n      1,\n      {"d~e": "x\\ny"}\n    ]\n  }\n}';
    const located = locateJsonPointers(text);
    expect(located.ok).toBe(true);
    if (!located.ok) return;
    expect(located.lines.get('')).toBe(1);
    expect(located.lines.get('/a')).toBe(2);
    expect(located.lines.get('/a/b~1c')).toBe(3);
    expect(located.lines.get('/a/b~1c/0')).toBe(4);
    expect(located.lines.get('/a/b~1c/1/d~0e')).toBe(5);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{"a": [1, 2.5e3, -0, true, null, "\\u00e9"]}', '[]', ' "x" ']) {
      expect(locateJsonPointers(text).ok).toBe(true);
      expect(() => JSON.parse(text)).not.toThrow();
    }
    for (const text of ['{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": "x', '{"a": 01}', '{} x', '']) {
      expect(locateJsonPointers(text).ok).toBe(false);
      expect(() => JSON.parse(text)).toThrow();
    }
  });

  it('reports the line and column where the text stops being JSON', () => {
    expect(locateJsonPointers('{\n  "a": 1,\n  "b": }')).toEqual({
      ok: false,
      line: 3,
      column: 8,
      message: '예상하지 못한 문자 "}"',
    });
  });
});
