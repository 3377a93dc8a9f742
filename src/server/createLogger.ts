import pino, { type Logger } from 'pino';
import { maskText } from '../domain/privacy/maskText.ts';

/**
 * The server's pino logger. Personal data never reaches the log in clear: credentials and
 * cookies are redacted by path, and request URLs (which may carry `?caller=010…`) and error
 * messages go through the same masking rule as screens and exports.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: maskText(req.url),
          ip: req.ip,
        }),
        err: (err: Error) => ({
          type: err.name,
          message: maskText(err.message),
          stack: err.stack ? maskText(err.stack) : undefined,
        }),
      },
      formatters: {
        log: (object) => object,
      },
      hooks: {
        // Free-text messages are masked too, so a careless `log.info(\`… ${phone}\`)` cannot leak.
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskText(arg) : arg));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
