/** A located problem in a guide file. */
export type GuideError = {
  file: string;
  /** 1-based line in the file's text. */
  line: number;
  /** JSON pointer (RFC 6901) of the offending value; "" for the whole document. */
  pointer: string;
  message: string;
};

/** Formats an error the way compilers do, so editors and terminals can jump to it: `file:line /pointer: message`. */
export function formatGuideError(error: GuideError): string {
  return `${error.file}:${error.line} ${error.pointer || '/'}: ${error.message}`;
}
