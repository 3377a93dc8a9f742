import type { Guide, RecordFieldKey } from '../guide/guideSchema.ts';
import type { RecordFields } from './renderConsultationRecord.ts';

// renderConsultationRecord writes each field as "ㄴ label : value"; the label ends at the first colon.
const BODY_LINE = /^(\s*ㄴ\s*)([^:]+?)(\s*:)(.*)$/;

const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/**
 * A hand-edited 상담내용 with each of the guide's "ㄴ label : value" lines rewritten to the field's
 * value now, everything else the agent wrote kept as it is: a field corrected after the body was
 * edited still reaches the body, which the server refuses when it contradicts the fields
 * (findBodyLinesAtOdds). Lines the guide does not define are left alone.
 */
export function followFieldsInBody(
  guide: Pick<Guide, 'record'>,
  body: string,
  fields: Pick<RecordFields, RecordFieldKey>,
): string {
  return body
    .split('\n')
    .map((line) => {
      const match = BODY_LINE.exec(line.replace(/\r$/, ''));
      if (!match) return line;
      const [, lead = '', label = '', colon = ''] = match;
      const field = guide.record.bodyFields.find((candidate) => candidate.label === label);
      return field ? `${lead}${label}${colon} ${oneLine(fields[field.key] ?? '')}` : line;
    })
    .join('\n');
}
