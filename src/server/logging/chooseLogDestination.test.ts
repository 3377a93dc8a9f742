import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../createLogger.ts';
import { chooseLogDestination } from './chooseLogDestination.ts';

const CLEAR = ['010-1234-5678', '01012345678', 'kim.minsu@example.com', '홍길동'];

/** A stand-in for stdout that keeps what is written; `isTTY` as a terminal or a pipe would say. */
function fakeStdout(isTTY: boolean) {
  const chunks: string[] = [];
  const out = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { out, text: () => chunks.join('') };
}

/** Lets the pretty stream's writes reach the fake stdout. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('chooseLogDestination', () => {
  it('keeps pino’s JSON lines when stdout is not a terminal', () => {
    expect(chooseLogDestination('auto', fakeStdout(false).out, { noColor: false })).toBeUndefined();
    expect(chooseLogDestination('json', fakeStdout(true).out, { noColor: false })).toBeUndefined();
  });

  it('writes readable lines on a terminal, with personal data masked as in JSON', async () => {
    const { out, text } = fakeStdout(true);
    const logger = createLogger('debug', chooseLogDestination('auto', out, { noColor: true }));
    logger.info('caller 010-1234-5678 wrote kim.minsu@example.com');
    logger.info({ callerNumber: '01012345678', contact: { name: '홍길동' }, port: 3000 }, 'obj');
    logger.info(
      {
        req: { method: 'GET', url: '/api/v1/x?caller=010-1234-5678' },
        res: { statusCode: 200 },
        responseTime: 12.3,
      },
      'request completed',
    );
    logger.error({ err: new Error('duplicate key kim.minsu@example.com') }, 'failed');
    await settle();
    const lines = text().split('\n');
    for (const clear of CLEAR) expect(text()).not.toContain(clear);
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}caller 010-\*{4}-5678 wrote ki\*{3}@example\.com$/,
    );
    expect(lines[1]).toContain('callerNumber=010-****-5678');
    expect(lines[1]).toContain('contact={"name":"홍*동"}');
    expect(lines[1]).toContain('port=3000');
    // A caller parameter is dropped whole (logSafeUrl), not masked.
    expect(lines[2]).toMatch(/request completed {2}GET \/api\/v1\/x\?caller=\[redacted\] {2}→ 200 12 ms/);
    expect(lines[3]).toMatch(/ ERROR failed$/);
    expect(lines[4]).toMatch(/^ {4}Error: duplicate key ki\*{3}@example\.com/);
    expect(text()).not.toContain('{"level"');
    // No colour codes when NO_COLOR is set.
    expect(text()).not.toContain('\u001b[');
  });

  it('colours the level on a terminal, and formats on demand when stdout is not one', async () => {
    const tty = fakeStdout(true);
    createLogger('info', chooseLogDestination('auto', tty.out, { noColor: false })).warn('careful');
    const piped = fakeStdout(false);
    createLogger('info', chooseLogDestination('pretty', piped.out, { noColor: false })).warn('careful');
    await settle();
    expect(tty.text()).toContain('\u001b[33mWARN \u001b[0m');
    expect(piped.text()).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}careful\n$/);
  });
});
