import type { Guide, GuideScript, InquiryType } from '../../../domain/guide/guideSchema.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';

/**
 * The guide's inquiry type `inquiryType` and its script `scriptId`, or a 400 naming the field
 * under `at` ('' for a completion's body, '/draft' for a draft's): a type the guide does not have,
 * a script it does not have, or a script other than the type's own (the console and the chatbot
 * always start the type's own script, so any other pairing is one no agent could have produced).
 * A null script (a draft still picking) is checked for its type only.
 */
export function resolveTypeScript(
  guide: Guide,
  inquiryType: number,
  scriptId: string,
  at?: string,
): { inquiryType: InquiryType; script: GuideScript };
export function resolveTypeScript(
  guide: Guide,
  inquiryType: number,
  scriptId: string | null,
  at?: string,
): { inquiryType: InquiryType; script: GuideScript | null };
export function resolveTypeScript(
  guide: Guide,
  inquiryType: number,
  scriptId: string | null,
  at = '',
): { inquiryType: InquiryType; script: GuideScript | null } {
  const type = guide.inquiryTypes.find((candidate) => candidate.number === inquiryType);
  if (!type) {
    const numbers = guide.inquiryTypes.map((candidate) => candidate.number);
    throw new AppError(
      'validation-failed',
      msg('consultations.inquiryTypeOutOfRange', {
        guide: guide.heading,
        first: numbers[0] ?? '',
        last: numbers.at(-1) ?? '',
      }),
      [{ where: `${at}/inquiryType`, message: msg('consultations.outOfRange') }],
    );
  }
  if (scriptId === null) return { inquiryType: type, script: null };
  const script = guide.scripts.find((candidate) => candidate.id === scriptId);
  const typeScript = { inquiryType: type.number, typeScript: type.scriptId };
  if (!script) {
    throw new AppError(
      'validation-failed',
      msg('consultations.unknownScript', {
        guide: guide.heading,
        script: scriptId,
        scripts: guide.scripts.map((candidate) => candidate.id).join(', '),
        ...typeScript,
      }),
      [{ where: `${at}/scriptId`, message: msg('consultations.unknownScriptDetail', { script: scriptId }) }],
    );
  }
  if (type.scriptId !== script.id) {
    throw new AppError(
      'validation-failed',
      msg('consultations.scriptNotOfType', { script: script.id, ...typeScript }),
      [{ where: `${at}/scriptId`, message: msg('consultations.scriptNotOfTypeDetail', typeScript) }],
    );
  }
  return { inquiryType: type, script };
}
