import type { Guide } from './guideSchema.ts';

// Scripts and notes are not variables: a line quoting another line would hide the verbatim text.
const variableRoots = new Set([
  'supportLine',
  'chat',
  'transferForm',
  'consentNotice',
  'record',
  'title',
  'heading',
]);

/**
 * Resolves a dotted template variable (`supportLine.phone`) against the guide. Only string and
 * number leaves under the whitelisted roots resolve; anything else is `undefined` (undefined variable).
 */
export function resolveGuideVariable(guide: Guide, name: string): string | undefined {
  const [root, ...rest] = name.split('.');
  if (root === undefined || !variableRoots.has(root)) return undefined;
  let value: unknown = guide;
  for (const segment of [root, ...rest]) {
    if (
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      !Object.hasOwn(value, segment)
    ) {
      return undefined;
    }
    value = Reflect.get(value, segment);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
