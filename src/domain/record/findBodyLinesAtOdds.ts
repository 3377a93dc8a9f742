import type { Guide, RecordFieldKey } from '../guide/guideSchema.ts';
import type { RecordFields } from './renderConsultationRecord.ts';

/** A line of 상담내용 that says something else than the record field it is written for. */
export type BodyLineAtOdds = { key: RecordFieldKey; label: string };

// renderConsultationRecord writes each field as "ㄴ label : value"; a value never holds a line break.
const BODY_LINE = /^\s*ㄴ\s*([^:]+?)\s*:\s*(.*?)\s*$/;

const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/**
 * The lines of a (hand-edited) 상담내용 whose value disagrees with the record field of the same
 * label ("ㄴ 담당자 이름 : 이몽룡" while 담당자 이름 holds 홍길동), in body order, each field once.
 * The fields are what transfers, reports, masking and the consent rule work on, so a body that
 * contradicts them would carry a second, unchecked version of the customer's details — a name
 * shown in clear where the field's is masked, or a value the caller refused consent for. Lines the
 * guide does not define and text around the lines are the agent's own and are not checked here.
 */
export function findBodyLinesAtOdds(
  guide: Pick<Guide, 'record'>,
  fields: Pick<RecordFields, RecordFieldKey>,
  body: string,
): BodyLineAtOdds[] {
  const atOdds = new Map<RecordFieldKey, BodyLineAtOdds>();
  for (const line of body.split(/\r?\n/)) {
    const match = BODY_LINE.exec(line);
    if (!match) continue;
    const field = guide.record.bodyFields.find((candidate) => candidate.label === match[1]);
    if (!field || atOdds.has(field.key)) continue;
    if ((match[2] ?? '') !== oneLine(fields[field.key] ?? ''))
      atOdds.set(field.key, { key: field.key, label: field.label });
  }
  return [...atOdds.values()];
}
