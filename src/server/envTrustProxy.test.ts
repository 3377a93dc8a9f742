import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

describe('IEUM_TRUST_PROXY', () => {
  it('trusts no proxy unless told, and parses addresses, ranges and named sets', () => {
    expect(readEnv({}).IEUM_TRUST_PROXY).toBe(false);
    expect(readEnv({ IEUM_TRUST_PROXY: 'false' }).IEUM_TRUST_PROXY).toBe(false);
    expect(readEnv({ IEUM_TRUST_PROXY: '127.0.0.1' }).IEUM_TRUST_PROXY).toEqual(['127.0.0.1']);
    expect(readEnv({ IEUM_TRUST_PROXY: '10.0.0.0/8, ::1, loopback' }).IEUM_TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });

  it('refuses what is not an address: `true` would let any client name its own address', () => {
    for (const value of ['true', 'nginx.local', '10.0.0.0/33', '127.0.0.1/8/1', '2']) {
      expect(() => readEnv({ IEUM_TRUST_PROXY: value }), value).toThrow(
        /IEUM_TRUST_PROXY: ".*" is not an address/,
      );
    }
  });
});
