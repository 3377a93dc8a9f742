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
  // The names of the report and live-floor figures (figures[].label), in the request's language;
  // the Korean ones are the published names of src/domain/report/reportFigureDefinitions.ts.
  'reports.figure.consultations.started': { ko: '시작된 상담', en: 'Consultations started' },
  'reports.figure.consultations.completed': { ko: '완료된 상담', en: 'Consultations completed' },
  'reports.figure.consultations.abandoned': { ko: '중단된 상담', en: 'Consultations abandoned' },
  'reports.figure.consultations.open': { ko: '진행 중인 상담', en: 'Consultations open' },
  'reports.figure.handleTime.median': { ko: '처리 시간 중앙값', en: 'Median handle time' },
  'reports.figure.handleTime.p90': { ko: '처리 시간 90백분위', en: '90th percentile handle time' },
  'reports.figure.transfer.rate': { ko: '이관율', en: 'Transfer rate' },
  'reports.figure.transfer.filed': { ko: '접수된 이관', en: 'Transfers filed' },
  'reports.figure.transfer.slaMet': { ko: '이관 SLA 준수율', en: 'Transfer SLA met' },
  'reports.figure.transfer.slaBreaches': { ko: '이관 SLA 위반', en: 'Transfer SLA breaches' },
  'reports.figure.transfer.backlog': { ko: '처리 대기 이관', en: 'Transfer backlog' },
  'reports.figure.callbacks.due': { ko: '예정된 콜백', en: 'Callbacks due' },
  'reports.figure.callbacks.overdue': { ko: '지연된 콜백', en: 'Callbacks overdue' },
  'reports.figure.callbacks.attempts': { ko: '콜백 시도', en: 'Callback attempts' },
  'reports.figure.leads.filed': { ko: '접수된 가입 리드', en: 'Sign-up leads filed' },
  'reports.figure.leads.won': { ko: '가입 완료 리드', en: 'Sign-up leads won' },
  'reports.figure.repeatContact.rate': { ko: '재문의율', en: 'Repeat contact rate' },
  'reports.figure.repeatContact.count': { ko: '재문의된 상담', en: 'Consultations repeated' },
  'reports.figure.bot.resolved': { ko: '챗봇이 끝낸 대화', en: 'Resolved by the chatbot' },
  'reports.figure.bot.handedOff': { ko: '상담직원 연결', en: 'Handed off to an agent' },
  'reports.figure.bot.resolutionRate': { ko: '챗봇 해결률', en: 'Chatbot resolution rate' },
  'reports.figure.missedCallbacks.due': { ko: '예정된 부재중 콜백', en: 'Missed-call callbacks due' },
  'reports.figure.missedCallbacks.overdue': { ko: '지연된 부재중 콜백', en: 'Missed-call callbacks overdue' },
  'reports.figure.floor.agentsOnCall': { ko: '상담 중인 상담사', en: 'Agents on a call' },
  'reports.figure.floor.openTransfers': { ko: '대기 중인 이관', en: 'Transfers waiting' },
  'reports.figure.floor.oldestWaitingMinutes': {
    ko: '가장 오래 기다린 이관',
    en: 'Longest waiting transfer',
  },
  'reports.figure.floor.slaBreachesToday': { ko: '오늘 SLA 위반', en: 'SLA breaches today' },
  // The open-transfer backlog's age buckets, in business time.
  'reports.backlogAge.under4h': { ko: '4시간 미만', en: 'Under 4 hours' },
  'reports.backlogAge.from4hTo1d': { ko: '4시간–1영업일', en: '4 hours – 1 business day' },
  'reports.backlogAge.from1dTo3d': { ko: '1–3영업일', en: '1–3 business days' },
  'reports.backlogAge.over3d': { ko: '3영업일 이상', en: '3 business days or more' },
  // A series point's label: {date} and {weekday} are already in the request's language.
  'reports.bucket.day': { ko: '{date} ({weekday})', en: '{weekday}, {date}' },
  'reports.bucket.week': { ko: '{date} 주', en: 'Week of {date}' },
  'reports.bucket.hour': { ko: '{date} {hour}시', en: '{date}, {hour}:00' },
} as const satisfies MessageArea;
