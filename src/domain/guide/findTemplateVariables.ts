// Shared with renderTemplate so that validation and rendering agree on what a placeholder is.
const placeholderPattern = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

/**
 * Lists the variable names used in a template (`{{supportLine.phone}}` → `supportLine.phone`),
 * in order of appearance, duplicates kept.
 */
export function findTemplateVariables(template: string): string[] {
  return Array.from(template.matchAll(placeholderPattern), (match) => match[1] ?? '');
}
