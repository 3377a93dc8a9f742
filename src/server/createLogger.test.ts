import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.ts';

const CLEAR = [
  '010-1234-5678',
  '01012345678',
  '1234-5678',
  'kim.minsu@example.com',
  '홍길동',
  'kim.minsu%40',
  '1234+5678',
];

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines };
}

describe('createLogger', () => {
  it('never writes a phone number, email or known name in clear, wherever it is passed', () => {
    const { logger, lines } = capture();
    logger.info('caller 010-1234-5678 wrote kim.minsu@example.com');
    logger.info(
      { callerNumber: '01012345678', contact: { name: '홍길동', email: 'kim.minsu@example.com' } },
      'obj',
    );
    logger.warn({ values: ['연락처 010-1234-5678', { phone: '+82 10 1234 5678' }] }, 'nested');
    logger.error({ err: new Error('duplicate key kim.minsu@example.com / 010-1234-5678') }, 'failed');
    logger.info({ req: { method: 'GET', url: '/api/v1/x?caller=010-1234-5678', headers: {} } }, 'request');
    // Escaped as browsers and URLSearchParams send them.
    logger.info(
      {
        req: { method: 'GET', url: '/api/v1/search?q=kim.minsu%40example.com&p=010+1234+5678', headers: {} },
      },
      'request',
    );
    logger.info(
      { req: { method: 'GET', url: '/api/v1/search?q=%ED%99%8D%EA%B8%B8%EB%8F%99', headers: {} } },
      'request',
    );
    const child = logger.child({ email: 'kim.minsu@example.com' });
    child.info({ to: 'kim.minsu@example.com' }, 'child');
    const output = lines.join('\n');
    expect(lines.length).toBe(8);
    for (const clear of CLEAR) expect(output).not.toContain(clear);
    expect(output).toContain('010-****-5678');
    expect(output).toContain('ki***@example.com');
    expect(output).toContain('홍*동');
  });

  it('keeps business numbers and ordinary values readable', () => {
    const { logger, lines } = capture();
    logger.info({ port: 3000, supportLine: '1644-7391', ok: true }, 'ieum console at http://127.0.0.1:3000');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ port: 3000, supportLine: '1644-7391', ok: true });
  });
});
