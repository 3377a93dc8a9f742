import type { MessageArea } from '../messageArea.ts';

/** Messages about the reports: their filters and the drill-down (records behind a figure). */
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
  'reports.inquiryTypeNotInGuide': {
    ko: '{guideId} 가이드에는 이관 유형 {inquiryType}이(가) 없습니다 (있는 유형: {values})',
    en: 'The {guideId} guide has no inquiry type {inquiryType} (its types: {values})',
  },
  'reports.inquiryTypeInNoGuide': {
    ko: '이관 유형 {inquiryType}은(는) 불러온 어느 가이드에도 없습니다 (있는 유형: {values})',
    en: 'No loaded guide has inquiry type {inquiryType} (the types: {values})',
  },
  'reports.outcomeNotInGuide': {
    ko: 'outcome은 {guideId} 가이드 스크립트의 결과 {values} 중 하나입니다',
    en: "outcome must be one of the {guideId} guide's script outcomes: {values}",
  },
  'reports.outcomeInNoGuide': {
    ko: 'outcome은 불러온 가이드 스크립트의 결과 {values} 중 하나입니다',
    en: "outcome must be one of the loaded guides' script outcomes: {values}",
  },
  'reports.channelInNoGuide': {
    ko: 'channel은 불러온 가이드가 제공하는 채널 {values} 중 하나입니다',
    en: 'channel must be one of the channels the loaded guides offer: {values}',
  },
} as const satisfies MessageArea;
