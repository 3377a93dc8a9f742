import type { MessageArea } from '../messageArea.ts';

/** Messages about the reports' drill-down (records behind a figure). */
export const reportMessages = {
  'reports.bucketOutsidePeriod': {
    ko: 'bucket {bucket}은(는) {from}–{to} 기간의 구간이 아닙니다',
    en: 'bucket {bucket} is not a bucket of the period {from}–{to}',
  },
  'reports.segmentNotUsed': {
    ko: 'segment는 handleTime.*, transfer.backlog, callbacks.attempts에만 씁니다',
    en: 'segment is used only with handleTime.*, transfer.backlog and callbacks.attempts',
  },
  'reports.segmentNotAPath': {
    ko: 'segment가 처리 시간 경로의 key가 아닙니다',
    en: 'segment is not the key of a handle-time path',
  },
  'reports.segmentOneOf': {
    ko: 'segment는 {values} 중 하나입니다',
    en: 'segment must be one of {values}',
  },
} as const satisfies MessageArea;
