import { FLOOR_IDLE_NOTICE_MINUTES } from '../../../domain/floor/floorIdleNoticeMinutes.ts';
import type { MessageArea } from '../messageArea.ts';

// The formulas' shared wording, in both languages: what "in the range" means for each kind of record.
// The Korean is src/domain/report/reportFigureDefinitions.ts's, word for word.
const STARTED_IN_RANGE = {
  ko: '기간(서울 시각) 안에 시작된 상담(카카오톡 챗봇이 혼자 처리한 상담 제외)',
  en: 'consultations started in the range (Seoul time; excluding those the KakaoTalk chatbot handled on its own)',
} as const;
const BOT_CONVERSATIONS = {
  ko: '기간 안에 시작된 카카오톡 챗봇 대화',
  en: 'KakaoTalk chatbot conversations started in the range',
} as const;
const MISSED_CALLS_UNFILTERED = {
  ko: '부재중 전화에는 가이드·문의 유형·상담사·결과가 없으므로 그것으로 좁힌 리포트와 전화 외 채널에서는 0입니다',
  en: 'Missed calls have no guide, inquiry type, agent or outcome, so this is 0 in a report narrowed by any of them and on channels other than calls',
} as const;
const FILED_IN_RANGE = {
  ko: '기간 안에 접수된 이관(리드 포함)',
  en: 'transfers filed in the range (leads included)',
} as const;
const BUSINESS_HOURS = {
  ko: '영업시간(평일 09–18시, 공휴일·대체공휴일·회사 휴무일 제외)',
  en: 'business hours (weekdays 09:00–18:00, excluding public holidays, substitute holidays and company closures)',
} as const;

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
  'reports.figure.transfer.slaBreaches': {
    ko: '이관 SLA 위반 (기간 내 접수분)',
    en: 'Transfer SLA breaches (filed in the range)',
  },
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
  'reports.figure.floor.slaBreachesToday': { ko: '기한이 오늘인 SLA 위반', en: 'SLA breaches due today' },
  'reports.figure.floor.chatsWaiting': {
    ko: '연결 대기 중인 카카오톡 상담',
    en: 'KakaoTalk chats waiting for an agent',
  },
  'reports.figure.floor.oldestChatWaitingMinutes': {
    ko: '가장 오래 기다린 카카오톡 상담',
    en: 'Longest-waiting KakaoTalk chat',
  },
  // The formulas the figures are counted by (figures[].definition), shown beside them, in the
  // request's language; the Korean ones are the published formulas of
  // src/domain/report/reportFigureDefinitions.ts and src/domain/floor/liveFloorFigures.ts, word for word.
  'reports.definition.consultations.started': {
    ko: `${STARTED_IN_RANGE.ko}의 수 (상태와 무관)`,
    en: `Number of ${STARTED_IN_RANGE.en}, whatever their status`,
  },
  'reports.definition.consultations.completed': {
    ko: `${STARTED_IN_RANGE.ko} 중 상담이력을 저장해 완료된 상담의 수`,
    en: `Number of ${STARTED_IN_RANGE.en} that were completed by saving the consultation record`,
  },
  'reports.definition.consultations.abandoned': {
    ko: `${STARTED_IN_RANGE.ko} 중 활동 없이 정해진 시간(IEUM_ABANDON_AFTER_MINUTES)이 지나 중단 처리된 상담의 수`,
    en: `Number of ${STARTED_IN_RANGE.en} that were marked abandoned once the set time (IEUM_ABANDON_AFTER_MINUTES) passed without activity`,
  },
  'reports.definition.consultations.open': {
    ko: `${STARTED_IN_RANGE.ko} 중 지금 아직 진행 중인 상담의 수`,
    en: `Number of ${STARTED_IN_RANGE.en} that are still open now`,
  },
  'reports.definition.handleTime.median': {
    ko: `${STARTED_IN_RANGE.ko} 중 완료된 상담의 처리 시간(완료 시각 − 시작 시각, 초)의 중앙값 (선형 보간 백분위 50%)`,
    en: `Median of the handle time (completed at − started at, in seconds) of the completed ones among ${STARTED_IN_RANGE.en} (50th percentile, linear interpolation)`,
  },
  'reports.definition.handleTime.p90': {
    ko: `${STARTED_IN_RANGE.ko} 중 완료된 상담의 처리 시간(완료 시각 − 시작 시각, 초)의 90백분위 (선형 보간)`,
    en: `90th percentile of the handle time (completed at − started at, in seconds) of the completed ones among ${STARTED_IN_RANGE.en} (linear interpolation)`,
  },
  'reports.definition.transfer.rate': {
    ko: `이관 또는 가입 리드가 접수된 완료 상담 수 ÷ 완료된 상담 수 (${STARTED_IN_RANGE.ko} 기준)`,
    en: `Completed consultations that filed a transfer or a sign-up lead ÷ completed consultations (among ${STARTED_IN_RANGE.en})`,
  },
  'reports.definition.transfer.filed': {
    ko: `${FILED_IN_RANGE.ko}의 수`,
    en: `Number of ${FILED_IN_RANGE.en}`,
  },
  'reports.definition.transfer.slaMet': {
    ko: `${FILED_IN_RANGE.ko} 중 기한(영업시간 기준으로 계산된 처리 기한) 안에 연락완료 또는 종결된 이관 수 ÷ (그 수 + 기한을 넘긴 이관 수). 아직 기한 전이고 연락하지 않은 이관은 빼고 셉니다`,
    en: `Among ${FILED_IN_RANGE.en}: those contacted or closed by their due time (the handling deadline computed in business hours) ÷ (those + the ones past their due time). Transfers not yet due and not yet contacted are left out`,
  },
  'reports.definition.transfer.slaBreaches': {
    ko: `${FILED_IN_RANGE.ko} 중 기한 뒤에 처음 연락완료·종결되었거나, 기한이 지났는데 아직 연락완료·종결되지 않은 이관의 수`,
    en: `Number of ${FILED_IN_RANGE.en} that were first contacted or closed after their due time, or are past their due time and not yet contacted or closed`,
  },
  'reports.definition.transfer.backlog': {
    ko: `기간 끝까지 접수되어 지금 접수·처리중·연락불가 상태인 이관의 수. 나이는 접수부터 지금까지의 ${BUSINESS_HOURS.ko}으로 4시간 미만, 4시간–1영업일, 1–3영업일, 3영업일 이상으로 나눕니다`,
    en: `Number of transfers filed by the end of the range that are now received, in progress or unreachable. Their age, the ${BUSINESS_HOURS.en} from filing until now, splits them into under 4 hours, 4 hours – 1 business day, 1–3 business days and 3 business days or more`,
  },
  'reports.definition.callbacks.due': {
    ko: '기한이 기간 안인 콜백(OB)의 수: 기한이 기간 안이었던 콜백 시도 수 + 가입·종료가 아닌 리드 중 다음 콜백(아직 걸지 않은 콜백, 부재중 뒤 다시 걸 콜백 포함)의 기한이 기간 안인 리드 수',
    en: 'Number of callbacks (OB) due in the range: callback attempts that were due in the range + leads neither signed up nor closed whose next callback (not made yet, a retry after no answer included) is due in the range',
  },
  'reports.definition.callbacks.overdue': {
    ko: '기간 끝까지 접수된 리드 중 가입·종료가 아니고 다음 콜백 기한이 지금보다 지난 리드의 수',
    en: 'Number of leads filed by the end of the range that are neither signed up nor closed and whose next callback was due before now',
  },
  'reports.definition.callbacks.attempts': {
    ko: '기간 안에 기록된 콜백(OB) 시도의 수 (결과별로 나눠 보여 줍니다)',
    en: 'Number of callback (OB) attempts recorded in the range (shown by outcome)',
  },
  'reports.definition.leads.filed': {
    ko: '기간 안에 접수된 가입 리드의 수 (리드 퍼널과 같은 기준)',
    en: 'Number of sign-up leads filed in the range (counted as the lead funnel counts them)',
  },
  'reports.definition.leads.won': {
    ko: '기간 안에 접수된 가입 리드 중 지금 가입 상태인 리드의 수',
    en: 'Number of sign-up leads filed in the range that are signed up now',
  },
  'reports.definition.repeatContact.rate': {
    ko: '재문의된 완료 상담 수 ÷ 발신번호와 문의 유형이 있는 완료 상담 수. 재문의: 같은 발신번호(암호화된 색인으로 비교)·같은 가이드·같은 문의 유형의 상담이 그 뒤에 시작되었고, 그 시작이 완료일로부터 N영업일째 되는 날(주말·공휴일·대체공휴일·회사 휴무일 제외) 안인 경우. 상담은 기간 안에 시작된 것이고, 카카오톡 챗봇이 혼자 처리한 상담은 빼고 셉니다 (다시 온 상담은 챗봇과의 대화여도 셉니다)',
    en: 'Repeated completed consultations ÷ completed consultations with a caller number and an inquiry type. Repeated: a consultation from the same caller number (compared by its encrypted index), with the same guide and the same inquiry type, started after it, and started by the end of the Nth business day after the day it was completed (skipping weekends, public holidays, substitute holidays and company closures). The consultations are those started in the range, excluding those the KakaoTalk chatbot handled on its own (the consultation that comes back counts even when it is a conversation with the chatbot)',
  },
  'reports.definition.repeatContact.count': {
    ko: `${STARTED_IN_RANGE.ko} 중 재문의된 완료 상담의 수 (재문의율의 분자)`,
    en: `Number of repeated completed consultations among ${STARTED_IN_RANGE.en} (the numerator of the repeat contact rate)`,
  },
  'reports.definition.bot.resolved': {
    ko: `${BOT_CONVERSATIONS.ko} 중 상담직원 없이 챗봇이 끝낸 대화의 수 (안내로 끝났거나, 챗봇이 이관·가입 리드를 접수했거나, 연락처 수집이 거부된 대화). 상담사의 상담 수·처리 시간·이관율에는 들어가지 않습니다`,
    en: `Number of ${BOT_CONVERSATIONS.en} that the chatbot ended without an agent (ended with an answer, with a transfer or sign-up lead the chatbot filed, or with the customer refusing to give contact details). They are not counted in the agents' consultations, handle time or transfer rate`,
  },
  'reports.definition.bot.handedOff': {
    ko: `${BOT_CONVERSATIONS.ko} 중 고객이 상담직원 연결을 요청한 대화의 수 (업무시간: 상담사 연결 대기, 업무시간 외: 콜백 이관 접수). 상담사가 맡은 뒤의 상담은 그 상담사의 수치로 셉니다`,
    en: `Number of ${BOT_CONVERSATIONS.en} in which the customer asked for an agent (in business hours: waiting for an agent; outside them: a callback transfer filed). Once an agent takes a consultation over, it counts in that agent's figures`,
  },
  'reports.definition.bot.resolutionRate': {
    ko: '챗봇이 끝낸 대화 수 ÷ (챗봇이 끝낸 대화 수 + 상담직원 연결 수). 도중에 멈춘 대화는 빼고 셉니다',
    en: 'Conversations the chatbot ended ÷ (conversations the chatbot ended + hand-offs to an agent). Conversations that stopped midway are left out',
  },
  'reports.definition.missedCallbacks.due': {
    ko: `콜백 기한이 기간 안인 부재중 전화(CTI)의 수: 아직 콜백하지 않은 것과 이미 콜백한 것. 업무시간에 걸려 온 전화는 바로, 그 밖에는 다음 업무 시작 시각이 기한입니다. ${MISSED_CALLS_UNFILTERED.ko}`,
    en: `Number of missed calls (CTI) whose callback is due in the range: those not yet called back and those already called back. A call that came in during business hours is due at once; any other is due when business next opens. ${MISSED_CALLS_UNFILTERED.en}`,
  },
  'reports.definition.missedCallbacks.overdue': {
    ko: `기간 끝까지 걸려 온 부재중 전화(CTI) 중 아직 콜백하지 않았고 콜백 기한이 지금보다 지난 것의 수 (번호가 파기되어 닫힌 것은 빼고 셉니다). ${MISSED_CALLS_UNFILTERED.ko}`,
    en: `Number of missed calls (CTI) received by the end of the range that are not yet called back and whose callback was due before now (excluding those closed because their number was erased). ${MISSED_CALLS_UNFILTERED.en}`,
  },
  'reports.definition.floor.agentsOnCall': {
    ko: `지금 진행 중인 상담(시작했고 아직 저장되지도, 오래 활동이 없어 중단되지도 않은 상담)이 있는 상담사 수. 카카오톡 챗봇이 맡고 있는 상담과 사용이 중지된 계정의 상담은 세지 않습니다. 목록의 마지막 활동은 상담 시작이나 작성 중 저장 시각이며, ${FLOOR_IDLE_NOTICE_MINUTES}분 넘게 활동이 없으면 표시합니다.`,
    en: `Number of agents with a consultation open now (started, and neither saved yet nor abandoned after a long time without activity). Consultations the KakaoTalk chatbot is handling, and those of disabled accounts, are not counted. The list’s last activity is the latest start or draft save; over ${FLOOR_IDLE_NOTICE_MINUTES} minutes without one is flagged.`,
  },
  'reports.definition.floor.openTransfers': {
    ko: `아직 고객에게 연락하지 못한 이관(접수·처리중·연락불가) 수. 가입 리드 이관을 포함합니다. 대기 시간은 접수부터 지금까지의 ${BUSINESS_HOURS.ko}입니다.`,
    en: `Number of transfers whose customer has not been contacted yet (received, in progress, unreachable), sign-up lead transfers included. The waiting time is the ${BUSINESS_HOURS.en} from filing until now.`,
  },
  'reports.definition.floor.oldestWaitingMinutes': {
    ko: '대기 중인 이관 가운데 가장 먼저 접수된 건이 접수 후 지금까지 기다린 영업시간(분). 금요일 17:50에 접수된 이관은 월요일 09:00에 10분입니다.',
    en: 'The business time (in minutes) the earliest-filed waiting transfer has waited since it was filed. A transfer filed on Friday at 17:50 has waited 10 minutes on Monday at 09:00.',
  },
  'reports.definition.floor.slaBreachesToday': {
    ko: '처리 기한이 오늘(서울 시각) 0시부터 지금 사이에 지났는데 기한 전에 연락완료·종결되지 않은 이관 수. 기한은 유형별 SLA를 영업시간으로 계산한 시각입니다.',
    en: "Number of transfers whose due time passed between midnight today (Seoul time) and now without their being contacted or closed before it. The due time is the inquiry type's SLA counted in business hours.",
  },
  'reports.definition.floor.chatsWaiting': {
    ko: '카카오톡 챗봇이 상담직원에게 넘겼는데(상담직원 연결) 아직 아무도 맡지 않은 상담 수. 최근 24시간 안에 넘겨진 상담을 세며, 상담사 화면의 연결 대기 목록과 같습니다.',
    en: "Number of KakaoTalk chats the chatbot handed to agents at the customer’s request that no agent has taken yet. Chats handed off in the last 24 hours count; the agents' console lists the same ones as waiting.",
  },
  'reports.definition.floor.oldestChatWaitingMinutes': {
    ko: '연결 대기 중인 카카오톡 상담 가운데 가장 먼저 넘겨진 상담이 넘겨진 뒤 지금까지 기다린 시간(분). 고객이 채팅창에서 기다리는 실제 시간이라 영업시간이 아니라 경과 시간으로 셉니다.',
    en: 'Minutes the first-handed-off of the waiting KakaoTalk chats has waited since it was handed off. The customer waits in the chat in real time, so this is elapsed time, not business time.',
  },
  // The open-transfer backlog's age buckets, in business time.
  'reports.backlogAge.under4h': { ko: '4시간 미만', en: 'Under 4 hours' },
  'reports.backlogAge.from4hTo1d': { ko: '4시간–1영업일', en: '4 hours – 1 business day' },
  'reports.backlogAge.from1dTo3d': { ko: '1–3영업일', en: '1–3 business days' },
  'reports.backlogAge.over3d': { ko: '3영업일 이상', en: '3 business days or more' },
  // A series point's label: {date} and {weekday} are already in the request's language.
  'reports.bucket.day': { ko: '{date} ({weekday})', en: '{weekday}, {date}' },
  'reports.bucket.week': { ko: '{date} 주', en: 'Week of {date}' },
  // A week the range cuts, with the days it counts: a Tuesday alone read as the whole week.
  'reports.bucket.weekOneDay': { ko: '{date} 주 ({day}만)', en: 'Week of {date} ({day} only)' },
  'reports.bucket.weekCut': { ko: '{date} 주 ({first}–{last})', en: 'Week of {date} ({first}–{last})' },
  'reports.bucket.hour': { ko: '{date} {hour}시', en: '{date}, {hour}:00' },
} as const satisfies MessageArea;
