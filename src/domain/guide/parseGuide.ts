import { z } from 'zod';
import type { GuideError } from './formatGuideError.ts';
import { type Guide, guideSchema } from './guideSchema.ts';
import { escapePointerToken, locateJsonPointers } from './locateJsonPointers.ts';
import { type GuideMigration, guideMigrations, migrateGuide } from './migrateGuide.ts';
import { validateGuide } from './validateGuide.ts';

/** A loaded guide, or every error found, each naming file, line and JSON pointer. */
export type ParseGuideResult =
  | { ok: true; guide: Guide; migratedFrom: number }
  | { ok: false; errors: GuideError[] };

/** Options for tests and tools; production callers use the defaults. */
export type ParseGuideOptions = { migrations?: readonly GuideMigration[] };

const koreanMessages = z.locales.ko();

// Zod's Korean messages are generic ("잘못된 입력"); the cases an editor of a guide hits most
// get a message that says what was expected.
const issueMessage = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator !== undefined) {
    const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.join(', ') : '';
    return `알 수 없는 ${issue.discriminator} (쓸 수 있는 값: ${options})`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `필수 항목이 없습니다 (${issue.expected})`;
  return issue.message;
};

/** Finds the line of a pointer, or of its nearest ancestor when the value is absent (a missing field). */
function lineOf(lines: Map<string, number>, pointer: string): number {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const line = lines.get(current);
    if (line !== undefined) return line;
    if (current === '') return 1;
  }
}

/**
 * Loads a guide from its JSON text: syntax check, schema migration, zod schema, then the
 * validator. Every error names the file, the 1-based line and the JSON pointer, e.g.
 * `business-inquiry.json:123 /scripts/0/nodes/4/yes: 존재하지 않는 노드 "q1-foo"`.
 */
export function parseGuide(
  text: string,
  fileName: string,
  options: ParseGuideOptions = {},
): ParseGuideResult {
  // Editors on Windows (Notepad, Excel's "UTF-8" export) start a file with a byte-order mark;
  // JSON.parse refuses it, yet the content is fine. Dropping it moves no line number.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const located = locateJsonPointers(json);
  if (!located.ok) {
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          line: located.line,
          pointer: '',
          message: `JSON 문법 오류 (${located.column}열): ${located.message}`,
        },
      ],
    };
  }
  const at = (pointer: string, message: string): GuideError => ({
    file: fileName,
    line: lineOf(located.lines, pointer),
    pointer,
    message,
  });

  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    // The scanner accepted the text, so this only happens on a scanner bug; still report, never throw.
    return {
      ok: false,
      errors: [at('', `JSON 문법 오류: ${error instanceof Error ? error.message : String(error)}`)],
    };
  }

  const migrated = migrateGuide(raw, options.migrations ?? guideMigrations);
  if (!migrated.ok) return { ok: false, errors: [at(migrated.pointer, migrated.message)] };

  const parsed = guideSchema.safeParse(migrated.document, { error: koreanMessages.localeError });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const path =
        issue.code === 'unrecognized_keys' && issue.keys.length === 1
          ? [...issue.path, ...issue.keys]
          : issue.path;
      const pointer = path.map((segment) => `/${escapePointerToken(String(segment))}`).join('');
      return at(pointer, issueMessage(issue));
    });
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  }

  const issues = validateGuide(parsed.data);
  if (issues.length > 0) {
    return {
      ok: false,
      errors: issues.map((issue) => at(issue.pointer, issue.message)).sort((a, b) => a.line - b.line),
    };
  }
  return { ok: true, guide: parsed.data, migratedFrom: migrated.fromVersion };
}
