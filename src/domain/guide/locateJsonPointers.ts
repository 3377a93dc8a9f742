/** Where each JSON pointer of a document starts, or where the text stops being JSON. */
export type JsonLocations =
  | {
      ok: true /** pointer → 1-based line of the member key (objects) or the element (arrays) */;
      lines: Map<string, number>;
    }
  | { ok: false; line: number; column: number; message: string };

/** Escapes one reference token per RFC 6901. */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Scans JSON text and records the line of every JSON pointer in it, so that schema and
 * validation errors (which only know pointers) can name a line. JSON.parse cannot do this and
 * its syntax errors do not always carry a position, so this scanner also reports where the
 * text stops being valid JSON.
 */
export function locateJsonPointers(text: string): JsonLocations {
  const lines = new Map<string, number>();
  let index = 0;
  let line = 1;
  let lineStart = 0;

  type Failure = { failure: string };
  const fail = (message: string): Failure => ({ failure: message });

  const skipWhitespace = (): void => {
    while (index < text.length) {
      const char = text[index];
      if (char === '\n') {
        line += 1;
        lineStart = index + 1;
      } else if (char !== ' ' && char !== '\t' && char !== '\r') {
        return;
      }
      index += 1;
    }
  };

  const scanString = (): string | Failure => {
    // The caller has checked the opening quote.
    index += 1;
    let value = '';
    while (index < text.length) {
      const char = text[index] ?? '';
      if (char === '"') {
        index += 1;
        return value;
      }
      if (char === '\n' || char < ' ') return fail('문자열 안에 제어 문자가 있습니다 (줄바꿈은 \\n 으로)');
      if (char === '\\') {
        const escaped = text[index + 1] ?? '';
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        const mapped = simple[escaped];
        if (mapped !== undefined) {
          value += mapped;
          index += 2;
        } else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          value += String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
          index += 6;
        } else {
          return fail(`잘못된 이스케이프 "\\${escaped}"`);
        }
        continue;
      }
      value += char;
      index += 1;
    }
    return fail('닫히지 않은 문자열');
  };

  const scanValue = (pointer: string): Failure | undefined => {
    skipWhitespace();
    const char = text[index];
    if (char === '{') {
      index += 1;
      skipWhitespace();
      if (text[index] === '}') {
        index += 1;
        return undefined;
      }
      for (;;) {
        skipWhitespace();
        if (text[index] !== '"') return fail('속성 이름(큰따옴표 문자열)이 와야 합니다');
        const keyLine = line;
        const key = scanString();
        if (typeof key !== 'string') return key;
        const childPointer = `${pointer}/${escapePointerToken(key)}`;
        lines.set(childPointer, keyLine);
        skipWhitespace();
        if (text[index] !== ':') return fail('":" 이 와야 합니다');
        index += 1;
        const failure = scanValue(childPointer);
        if (failure) return failure;
        skipWhitespace();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        if (text[index] === '}') {
          index += 1;
          return undefined;
        }
        return fail('"," 또는 "}" 가 와야 합니다');
      }
    }
    if (char === '[') {
      index += 1;
      skipWhitespace();
      if (text[index] === ']') {
        index += 1;
        return undefined;
      }
      for (let position = 0; ; position += 1) {
        skipWhitespace();
        const childPointer = `${pointer}/${position}`;
        lines.set(childPointer, line);
        const failure = scanValue(childPointer);
        if (failure) return failure;
        skipWhitespace();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        if (text[index] === ']') {
          index += 1;
          return undefined;
        }
        return fail('"," 또는 "]" 가 와야 합니다');
      }
    }
    if (char === '"') {
      const value = scanString();
      return typeof value === 'string' ? undefined : value;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(index, index + 400),
    );
    if (literal) {
      index += literal[0].length;
      return undefined;
    }
    return fail(index >= text.length ? '문서가 중간에 끝났습니다' : `예상하지 못한 문자 "${char ?? ''}"`);
  };

  lines.set('', 1);
  const scanDocument = (): Failure | undefined => {
    const failure = scanValue('');
    if (failure) return failure;
    skipWhitespace();
    return index < text.length ? fail('문서 끝에 불필요한 내용이 있습니다') : undefined;
  };
  const failure = scanDocument();
  if (failure) return { ok: false, line, column: index - lineStart + 1, message: failure.failure };
  return { ok: true, lines };
}
