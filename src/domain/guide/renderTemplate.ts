/** The result of rendering a template: the text and any variables that could not be resolved. */
export type RenderedTemplate = {
  text: string;
  /** Names that `resolve` did not know; their placeholders are left in the text as written. */
  missing: string[];
};

/**
 * Replaces `{{name}}` placeholders using `resolve`. Unknown names are reported, not thrown:
 * the validator turns them into errors with a location, and a console can still show the line.
 */
export function renderTemplate(
  template: string,
  resolve: (name: string) => string | undefined,
): RenderedTemplate {
  const missing: string[] = [];
  const text = template.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (placeholder, name: string) => {
    const value = resolve(name);
    if (value === undefined) {
      missing.push(name);
      return placeholder;
    }
    return value;
  });
  return { text, missing };
}
