import pino, { type Logger } from 'pino';
import { maskEmail } from '../domain/privacy/maskEmail.ts';
import { maskName } from '../domain/privacy/maskName.ts';
import { maskPhone } from '../domain/privacy/maskPhone.ts';
import { maskText } from '../domain/privacy/maskText.ts';
import { logSafeUrl } from './logging/logSafeUrl.ts';

// Keys whose value is known to be a person's name, phone or email: masked whole, with the one rule,
// because a name cannot be recognised inside free text.
const NAME_KEYS = /^(name|contactName|customerName|callerName|managerName)$/i;
const PHONE_KEYS = /^(phone|callerNumber|phoneNumber|mobile|contactPhone)$/i;
const EMAIL_KEYS = /^(email|emailAddress|toAddress|contactEmail)$/i;
const MAX_DEPTH = 8;
const PERSONAL_KEYS = [
  'name',
  'contactName',
  'customerName',
  'callerName',
  'phone',
  'callerNumber',
  'email',
  'toAddress',
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Masks personal data in whatever object a caller passes to the logger: values under name, phone
 * and email keys with their rule, every other string with maskText. Only plain objects and arrays
 * are walked — requests, replies and errors have their own serializers — so the walk stays cheap.
 */
function maskLogValue(value: unknown, key: string, depth: number): unknown {
  if (typeof value === 'string') {
    if (NAME_KEYS.test(key)) return maskName(value);
    if (PHONE_KEYS.test(key)) return maskPhone(value);
    if (EMAIL_KEYS.test(key)) return maskEmail(value);
    return maskText(value);
  }
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => maskLogValue(item, key, depth + 1));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([inner, innerValue]) => [inner, maskLogValue(innerValue, inner, depth + 1)]),
    );
  }
  return value;
}

/**
 * The server's pino logger. Personal data never reaches the log in clear: credentials and
 * cookies are redacted by path; request URLs (which may carry `?caller=010…`, escaped or not: logSafeUrl), error messages,
 * free-text messages and every string inside logged objects go through the same masking rule as
 * screens and exports.
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
        // Serializers also apply to child loggers' bindings, which `formatters.log` never sees.
        ...Object.fromEntries(
          PERSONAL_KEYS.map((key) => [key, (value: unknown) => maskLogValue(value, key, 0)]),
        ),
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: logSafeUrl(req.url),
          ip: req.ip,
        }),
        err: (err: Error) => ({
          type: err.name,
          message: maskText(err.message),
          stack: err.stack ? maskText(err.stack) : undefined,
        }),
      },
      formatters: {
        log: (object) => {
          const masked = maskLogValue(object, '', 0);
          return isPlainObject(masked) ? masked : object;
        },
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
