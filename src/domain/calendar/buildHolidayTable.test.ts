import { describe, expect, it } from 'vitest';
import { buildHolidayTable } from './buildHolidayTable.ts';
import { koreanHolidayPresets } from './koreanHolidayPresets.ts';

describe('buildHolidayTable', () => {
  it('covers the bundled years 2018–2027 and nothing else', () => {
    const table = buildHolidayTable(koreanHolidayPresets);
    expect([...table.coveredYears].sort()).toEqual([
      2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
    ]);
    expect(table.byDate.get('2026-06-03')).toEqual(['전국동시지방선거']);
    expect(table.byDate.get('2026-11-25')).toBeUndefined();
  });

  it('adds admin holidays without marking their year as covered', () => {
    const table = buildHolidayTable(koreanHolidayPresets, [{ date: '2028-01-31', name: '임시공휴일' }]);
    expect(table.byDate.get('2028-01-31')).toEqual(['임시공휴일']);
    expect(table.coveredYears.has(2028)).toBe(false);
  });

  it('merges names on a date that already has a holiday, without duplicates', () => {
    const table = buildHolidayTable(koreanHolidayPresets, [
      { date: '2026-10-09', name: '사내 기념일' },
      { date: '2026-10-09', name: '한글날' },
    ]);
    expect(table.byDate.get('2026-10-09')).toEqual(['한글날', '사내 기념일']);
  });

  it('rejects malformed dates and year keys', () => {
    expect(() => buildHolidayTable({}, [{ date: '2026-02-30', name: 'x' }])).toThrow(RangeError);
    expect(() => buildHolidayTable({}, [{ date: '2026/03/01', name: 'x' }])).toThrow(RangeError);
    expect(() => buildHolidayTable({ twenty: {} })).toThrow(RangeError);
  });
});
