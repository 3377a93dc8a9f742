import { describe, expect, it } from 'vitest';
import { fileNameOfContentDisposition } from './fileNameOfContentDisposition.ts';

describe('fileNameOfContentDisposition', () => {
  it('reads the quoted name the export endpoints send', () => {
    expect(fileNameOfContentDisposition('attachment; filename="leads-2026-12-06.csv"')).toBe(
      'leads-2026-12-06.csv',
    );
  });

  it('reads an unquoted name, and prefers the UTF-8 one when both are given', () => {
    expect(fileNameOfContentDisposition('attachment; filename=report.csv')).toBe('report.csv');
    expect(
      fileNameOfContentDisposition(
        `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent('상담-2026-12-06.csv')}`,
      ),
    ).toBe('상담-2026-12-06.csv');
  });

  it('gives null without a name, so the caller falls back to its own', () => {
    expect(fileNameOfContentDisposition(null)).toBeNull();
    expect(fileNameOfContentDisposition('attachment')).toBeNull();
    expect(fileNameOfContentDisposition('attachment; filename=""')).toBeNull();
  });
});
