import { describe, expect, it } from 'vitest';
import { locateProblem } from './locateProblem.ts';

describe('locateProblem', () => {
  it('reads every notation `where` has in one grammar: the request part and a JSON Pointer', () => {
    expect(locateProblem('body/inquiryType')).toEqual({ in: 'body', pointer: '/inquiryType' });
    expect(locateProblem('/inquiryType')).toEqual({ in: 'body', pointer: '/inquiryType' });
    expect(locateProblem('/record/body')).toEqual({ in: 'body', pointer: '/record/body' });
    expect(locateProblem('body')).toEqual({ in: 'body', pointer: '' });
    expect(locateProblem('querystring/status/0')).toEqual({ in: 'query', pointer: '/status/0' });
    expect(locateProblem('params/id')).toEqual({ in: 'path', pointer: '/id' });
    expect(locateProblem('path token')).toEqual({ in: 'path', pointer: '/token' });
    expect(locateProblem('headers/idempotency-key')).toEqual({ in: 'header', pointer: '/idempotency-key' });
    expect(locateProblem('header idempotency-key')).toEqual({ in: 'header', pointer: '/idempotency-key' });
    expect(locateProblem('header authorization')).toEqual({ in: 'header', pointer: '/authorization' });
  });

  it('places nothing that names no part of the request', () => {
    expect(locateProblem('method')).toBeNull();
  });
});
