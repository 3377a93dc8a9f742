import { describe, expect, it } from 'vitest';
import { toCsv } from './toCsv.ts';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, with CRLF lines and a BOM', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\n둘째 줄']])).toBe(
      '\uFEFFa,b\r\n"x,y","say ""hi""\n둘째 줄"\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM(A1)'], ['정상']])).toBe(
      '\uFEFFv\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n정상\r\n',
    );
  });
});
