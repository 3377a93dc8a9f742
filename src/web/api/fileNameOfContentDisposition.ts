/**
 * The file name a `content-disposition` header gives, or null without one: `filename*=UTF-8''…`
 * wins over `filename="…"` when both are sent (RFC 6266), as browsers do for a followed link.
 */
export function fileNameOfContentDisposition(contentDisposition: string | null): string | null {
  if (!contentDisposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A badly encoded name: the plain one below, if any, still names the file.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(contentDisposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}
