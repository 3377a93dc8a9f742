import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from './errorCodeOf.ts';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('errorCodeOf', () => {
  it("reads a system error's code as Node throws it", () => {
    expect(errorCodeOf(thrownBy(() => fs.readFileSync('/nonexistent/ieum/file')))).toBe('ENOENT');
  });

  it("reads Node's own codes", () => {
    const error = thrownBy(() => parseArgs({ args: ['--nope'], options: {}, strict: true }));
    expect(errorCodeOf(error)).toBe('ERR_PARSE_ARGS_UNKNOWN_OPTION');
  });

  it('has no code for an error without one, a code that is not text, or a thrown non-error', () => {
    expect(errorCodeOf(new Error('plain'))).toBeUndefined();
    expect(errorCodeOf(Object.assign(new Error('numeric'), { code: 42 }))).toBeUndefined();
    expect(errorCodeOf({ code: 'ENOENT' })).toBeUndefined();
    expect(errorCodeOf('ENOENT')).toBeUndefined();
    expect(errorCodeOf(undefined)).toBeUndefined();
  });
});
