import { describe, expect, it } from 'vitest';
import { formatDuration, formatFigureValue } from './formatFigureValue.ts';

describe('formatFigureValue', () => {
  it('writes durations in hours, minutes and seconds in either language', () => {
    expect(formatDuration('ko', 45)).toBe('45초');
    expect(formatDuration('ko', 200)).toBe('3분 20초');
    expect(formatDuration('ko', 7500)).toBe('2시간 5분');
    expect(formatDuration('en', 200)).toBe('3m 20s');
  });

  it('formats each unit, and an empty figure as a dash', () => {
    expect(formatFigureValue('ko', 'count', 1234)).toBe('1,234');
    expect(formatFigureValue('ko', 'ratio', 0.4251)).toBe('42.5%');
    expect(formatFigureValue('ko', 'minutes', 1030)).toBe('17시간 10분');
    expect(formatFigureValue('en', 'seconds', 60)).toBe('1m');
    expect(formatFigureValue('ko', 'ratio', null)).toBe('–');
  });
});
