import type { Guide, RecordFieldKey } from '../guide/guideSchema.ts';
import { renderTemplate } from '../guide/renderTemplate.ts';

/** What the agent fills in (or accepts from the draft) for a consultation record. */
export type RecordFields = { summary: string } & Record<RecordFieldKey, string>;

/** A consultation record (상담이력) in the guide's format. */
export type ConsultationRecord = {
  /** 상담유형, e.g. "비즈니스 > 기타 > 이관 > 이관". */
  category: string;
  /** 상담제목, e.g. "[비즈니스] 가입 문의". */
  title: string;
  /** 상담내용: one "ㄴ label : value" line per field, in the guide's order. */
  body: string;
  /** The whole record as the guide's block (■ lines then the body), for pasting into another system. */
  text: string;
};

// Each field is one line of the body; a line break inside a value would break that format, so
// runs of whitespace containing a line break become a single space.
function cleanValue(value: string | undefined): string {
  return (value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Renders the consultation record (category, title, body) exactly in the guide's format, values trimmed. */
export function renderConsultationRecord(guide: Guide, fields: RecordFields): ConsultationRecord {
  const { record } = guide;
  const category = record.categoryPath.join(' > ');
  const resolve = (name: string): string | undefined => {
    if (name === 'summary') return cleanValue(fields.summary);
    const field = record.bodyFields.find((candidate) => candidate.key === name);
    return field ? cleanValue(fields[field.key]) : undefined;
  };
  const title = renderTemplate(record.titleTemplate, resolve).text.trim();
  const body = record.bodyFields
    .map((field) => `ㄴ ${field.label} : ${cleanValue(fields[field.key])}`)
    .join('\n');
  const text = [
    `■ ${record.categoryLabel} : ${category}`,
    `■ ${record.titleLabel} : ${title}`,
    `■ ${record.bodyLabel}`,
    body,
  ].join('\n');
  return { category, title, body, text };
}
