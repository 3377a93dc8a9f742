import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import { formatLogLine } from './formatLogLine.ts';

/** How the server writes its log: `auto` is human-readable on a terminal and JSON otherwise. */
export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * Where the server's pino logger writes: pino's own stdout destination (one JSON line per entry,
 * for log collectors; `undefined`) or, when a person watches the terminal (`auto` and `out` is a
 * TTY, or `pretty`), a stream that turns each line into readable text (formatLogLine), in colour
 * on a TTY unless `noColor` (NO_COLOR).
 */
export function chooseLogDestination(
  format: LogFormat,
  out: NodeJS.WritableStream & { isTTY?: boolean },
  options: { noColor: boolean },
): DestinationStream | undefined {
  const pretty = format === 'pretty' || (format === 'auto' && out.isTTY === true);
  if (!pretty) return undefined;
  const color = out.isTTY === true && !options.noColor;
  let pending = '';
  return new Writable({
    write(chunk, _encoding, done) {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const text = lines
        .filter((line) => line !== '')
        .map((line) => `${formatLogLine(line, { color })}\n`)
        .join('');
      if (text === '') done();
      else out.write(text, () => done());
    },
  });
}
