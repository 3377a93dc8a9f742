/** pino's numeric levels and how a person reads them. */
const LEVELS: Record<number, { label: string; color: string }> = {
  10: { label: 'TRACE', color: '\u001b[90m' },
  20: { label: 'DEBUG', color: '\u001b[36m' },
  30: { label: 'INFO ', color: '\u001b[32m' },
  40: { label: 'WARN ', color: '\u001b[33m' },
  50: { label: 'ERROR', color: '\u001b[31m' },
  60: { label: 'FATAL', color: '\u001b[35m' },
};
const RESET = '\u001b[0m';
const DIM = '\u001b[2m';

/** Fields every line has, or that the line's head already shows. */
const SHOWN = new Set([
  'level',
  'time',
  'msg',
  'pid',
  'hostname',
  'reqId',
  'req',
  'res',
  'responseTime',
  'err',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field value on one line: strings as they are (quoted when they hold spaces), others as JSON. */
function showValue(value: unknown): string {
  if (typeof value === 'string') return /[\s="]/.test(value) || value === '' ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

/** The local wall-clock time of a log entry, HH:MM:SS.mmm. */
function clock(time: unknown): string {
  const at = typeof time === 'number' ? new Date(time) : new Date();
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
}

/**
 * One pino JSON line as a person reads it in a terminal:
 * `10:04:05.123 INFO  request completed  GET /api/v1/x → 200 12 ms  reqId=req-1 port=3000`,
 * with an error's message and stack below. It formats what pino already wrote — after the
 * logger's masking — so it never sees a phone, e-mail or name in clear. A line that is not JSON
 * is passed through unchanged.
 */
export function formatLogLine(line: string, options: { color: boolean }): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (!isRecord(entry)) return line;
  const level = LEVELS[typeof entry.level === 'number' ? entry.level : 30] ?? { label: 'INFO ', color: '' };
  const paint = (text: string, color: string) => (options.color ? `${color}${text}${RESET}` : text);
  // Level labels are padded to one width, so messages line up: '12:00:00.000 INFO  started'.
  const head = `${paint(clock(entry.time), DIM)} ${paint(level.label, level.color)}`;
  const parts = [typeof entry.msg === 'string' ? `${head} ${entry.msg}` : head];
  const req = isRecord(entry.req) ? entry.req : null;
  const res = isRecord(entry.res) ? entry.res : null;
  if (req) parts.push(`${String(req.method ?? '')} ${String(req.url ?? '')}`.trim());
  if (res && res.statusCode !== undefined)
    parts.push(
      `→ ${String(res.statusCode)}${typeof entry.responseTime === 'number' ? ` ${entry.responseTime.toFixed(0)} ms` : ''}`,
    );
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${showValue(value)}`);
  if (typeof entry.reqId === 'string' || typeof entry.reqId === 'number') fields.push(`reqId=${entry.reqId}`);
  if (fields.length > 0) parts.push(paint(fields.join(' '), DIM));
  let text = parts.join('  ');
  const err = isRecord(entry.err) ? entry.err : null;
  if (err) {
    const stack =
      typeof err.stack === 'string'
        ? err.stack
        : `${String(err.type ?? 'Error')}: ${String(err.message ?? '')}`;
    text += `\n${stack
      .split('\n')
      .map((stackLine) => `    ${stackLine}`)
      .join('\n')}`;
  }
  return text;
}
