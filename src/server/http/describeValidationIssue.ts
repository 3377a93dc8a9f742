import type { z } from 'zod';
import { DATE_SHAPED } from '../../contract/common/requestDateSchemas.ts';
import type { ProblemDetail } from '../errors.ts';
import {
  isServerMessageKey,
  type LocalisedText,
  type MessageParamValue,
  msg,
} from '../i18n/localisedText.ts';

/** Contract schemas word some issues themselves, in Korean; those words are kept for Korean answers. */
const HANGUL = /[\uac00-\ud7a3]/;

/** How a value list reads in a message: `'a', 'b'` for strings, as they are otherwise. */
function listValues(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value))).join(', ');
}

/** The words for a too_big or too_small issue, by what was measured. */
function sizeText(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, field: string): LocalisedText {
  const big = issue.code === 'too_big';
  const limit = String(big ? issue.maximum : issue.minimum);
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return msg('validation.stringLength', { field, length: limit });
      if (!big && limit === '1') return msg('validation.stringEmpty', { field });
      return big
        ? msg('validation.stringTooLong', { field, maximum: limit })
        : msg('validation.stringTooShort', { field, minimum: limit });
    case 'array':
    case 'set':
      return big
        ? msg('validation.tooManyItems', { field, maximum: limit })
        : msg('validation.tooFewItems', { field, minimum: limit });
    case 'file':
      return big
        ? msg('validation.fileTooBig', { field, maximum: limit })
        : msg('validation.fileTooSmall', { field, minimum: limit });
    case 'date':
      return big
        ? msg('validation.dateTooLate', { field, maximum: limit })
        : msg('validation.dateTooEarly', { field, minimum: limit });
    default:
      if (big)
        return issue.inclusive === false
          ? msg('validation.numberTooBigExclusive', { field, maximum: limit })
          : msg('validation.numberTooBig', { field, maximum: limit });
      return issue.inclusive === false
        ? msg('validation.numberTooSmallExclusive', { field, minimum: limit })
        : msg('validation.numberTooSmall', { field, minimum: limit });
  }
}

/** A date and time as written without its offset ('2026-12-07T10:00:00'). */
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * For a datetime refused only for lacking its offset, the value as it would be accepted in Seoul
 * time ('2026-12-07T10:00:00+09:00'): the caller learns what is missing, not that the value is no
 * datetime. Null for any other issue, or when adding the offset would not make it valid.
 */
function withMissingOffset(issue: z.core.$ZodIssue): string | null {
  if (issue.code !== 'invalid_format' || issue.format !== 'datetime') return null;
  if (typeof issue.input !== 'string' || !LOCAL_DATETIME.test(issue.input)) return null;
  if (!('pattern' in issue) || typeof issue.pattern !== 'string') return null;
  const source = issue.pattern.slice(1, issue.pattern.lastIndexOf('/'));
  const example = `${issue.input}+09:00`;
  return new RegExp(source).test(example) ? example : null;
}

/** The catalogue text for one zod issue, from its kind and facts alone (never its English words). */
function issueText(issue: z.core.$ZodIssue, field: string): LocalisedText {
  // Issues carry their input (reportInput): an absent value is "required" whatever was expected.
  const absent = 'input' in issue && issue.input === undefined;
  if (absent && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code))
    return msg('validation.required', { field });
  switch (issue.code) {
    case 'invalid_type':
      return msg('validation.invalidType', { field, expected: issue.expected });
    case 'too_big':
    case 'too_small':
      return sizeText(issue, field);
    case 'invalid_format':
      // A date in the right shape that the calendar lacks (2026-02-30) is not a format error.
      if (issue.format === 'date' && typeof issue.input === 'string' && DATE_SHAPED.test(issue.input))
        return msg('validation.noSuchDate', { field, value: issue.input });
      if (withMissingOffset(issue) !== null)
        return msg('validation.datetimeOffsetMissing', { field, example: withMissingOffset(issue) ?? '' });
      if (issue.format === 'regex' && 'pattern' in issue && typeof issue.pattern === 'string')
        return msg('validation.patternMismatch', { field, pattern: issue.pattern });
      return msg('validation.invalidFormat', { field, format: issue.format });
    case 'not_multiple_of':
      return msg('validation.notMultipleOf', { field, divisor: String(issue.divisor) });
    case 'invalid_value':
      return msg('validation.oneOf', { field, values: listValues(issue.values) });
    case 'unrecognized_keys':
      return msg('validation.unknownKeys', { field, keys: issue.keys.join(', ') });
    case 'invalid_union':
      if ('discriminator' in issue && typeof issue.discriminator === 'string' && 'options' in issue)
        return msg('validation.unknownVariant', {
          field,
          discriminator: issue.discriminator,
          values: Array.isArray(issue.options) ? listValues(issue.options) : '',
        });
      return msg('validation.invalid', { field });
    case 'custom': {
      // A refinement names its message with `params: { messageKey, ...values }` (see ARCHITECTURE.md).
      const key = issue.params?.messageKey;
      if (typeof key === 'string' && isServerMessageKey(key)) {
        const values: Record<string, MessageParamValue> = { field };
        for (const [name, value] of Object.entries(issue.params ?? {}))
          if (name !== 'messageKey' && (typeof value === 'string' || typeof value === 'number'))
            values[name] = value;
        return { key, params: values };
      }
      return msg('validation.invalid', { field });
    }
    default:
      return msg('validation.invalid', { field });
  }
}

/**
 * One zod issue of a request part as a problem detail: `where` is the part and path
 * ('body/record/inquiry'), the message a sentence naming the field and the limit in the caller's
 * language. A Korean message the contract schema words itself ('상담제목을 입력하세요') is kept
 * for Korean answers, with the generic key and parameters beside it.
 */
export function describeValidationIssue(issue: z.core.$ZodIssue, part: string): ProblemDetail {
  const path = issue.path.map(String);
  const where = path.length > 0 ? `${part}/${path.join('/')}` : part;
  const field = path.length > 0 ? path.join('.') : part;
  const text = issueText(issue, field);
  // A missing offset is said as that in Korean too, over the schema's general format sentence.
  const schemaWords = HANGUL.test(issue.message) && withMissingOffset(issue) === null;
  if (schemaWords) return { where, message: { ...text, wordings: { ko: issue.message } } };
  return { where, message: text };
}
