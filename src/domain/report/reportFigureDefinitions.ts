import type { ReportFigureId, ReportFigureUnit } from './reportFigureIds.ts';

/** A figure's unit, Korean name and the formula it is computed by, shown beside it. */
export type ReportFigureDefinition = {
  readonly unit: ReportFigureUnit;
  readonly label: string;
  readonly definition: string;
};

// Shared wording: what "in the range" means for each kind of record.
const STARTED_IN_RANGE = '기간(서울 시각) 안에 시작된 상담(카카오톡 챗봇이 혼자 처리한 상담 제외)';
const BOT_CONVERSATIONS = '기간 안에 시작된 카카오톡 챗봇 대화';
const MISSED_CALLS_UNFILTERED =
  '부재중 전화에는 가이드·문의 유형·상담사·결과가 없으므로 그것으로 좁힌 리포트와 전화 외 채널에서는 0입니다';
const FILED_IN_RANGE = '기간 안에 접수된 이관(리드 포함)';

/**
 * The published formulas, one per figure (Korean first: supervisors read them as tooltips). The
 * computation in the reports repository and the reference `computeReportFigures` follow these words;
 * a change of formula changes the text here in the same commit, and its words in both languages in
 * the server catalogue (reports.definition.*, which answers in the request's language).
 */
export const reportFigureDefinitions: Readonly<Record<ReportFigureId, ReportFigureDefinition>> = {
  'consultations.started': {
    unit: 'count',
    label: '시작된 상담',
    definition: `${STARTED_IN_RANGE}의 수 (상태와 무관)`,
  },
  'consultations.completed': {
    unit: 'count',
    label: '완료된 상담',
    definition: `${STARTED_IN_RANGE} 중 상담이력을 저장해 완료된 상담의 수`,
  },
  'consultations.abandoned': {
    unit: 'count',
    label: '중단된 상담',
    definition: `${STARTED_IN_RANGE} 중 활동 없이 정해진 시간(IEUM_ABANDON_AFTER_MINUTES)이 지나 중단 처리된 상담의 수`,
  },
  'consultations.open': {
    unit: 'count',
    label: '진행 중인 상담',
    definition: `${STARTED_IN_RANGE} 중 지금 아직 진행 중인 상담의 수`,
  },
  'handleTime.median': {
    unit: 'seconds',
    label: '처리 시간 중앙값',
    definition: `${STARTED_IN_RANGE} 중 완료된 상담의 처리 시간(완료 시각 − 시작 시각, 초)의 중앙값 (선형 보간 백분위 50%)`,
  },
  'handleTime.p90': {
    unit: 'seconds',
    label: '처리 시간 90백분위',
    definition: `${STARTED_IN_RANGE} 중 완료된 상담의 처리 시간(완료 시각 − 시작 시각, 초)의 90백분위 (선형 보간)`,
  },
  'transfer.rate': {
    unit: 'ratio',
    label: '이관율',
    definition: `이관 또는 가입 리드가 접수된 완료 상담 수 ÷ 완료된 상담 수 (${STARTED_IN_RANGE} 기준)`,
  },
  'transfer.filed': {
    unit: 'count',
    label: '접수된 이관',
    definition: `${FILED_IN_RANGE}의 수`,
  },
  'transfer.slaMet': {
    unit: 'ratio',
    label: '이관 SLA 준수율',
    definition: `${FILED_IN_RANGE} 중 기한(영업시간 기준으로 계산된 처리 기한) 안에 연락완료 또는 종결된 이관 수 ÷ (그 수 + 기한을 넘긴 이관 수). 아직 기한 전이고 연락하지 않은 이관은 빼고 셉니다`,
  },
  'transfer.slaBreaches': {
    unit: 'count',
    label: '이관 SLA 위반 (기간 내 접수분)',
    definition: `${FILED_IN_RANGE} 중 기한 뒤에 처음 연락완료·종결되었거나, 기한이 지났는데 아직 연락완료·종결되지 않은 이관의 수`,
  },
  'transfer.backlog': {
    unit: 'count',
    label: '처리 대기 이관',
    definition:
      '기간 끝까지 접수되어 지금 접수·처리중·연락불가 상태인 이관의 수. 나이는 접수부터 지금까지의 영업시간(평일 09–18시, 공휴일·대체공휴일·회사 휴무일 제외)으로 4시간 미만, 4시간–1영업일, 1–3영업일, 3영업일 이상으로 나눕니다',
  },
  'callbacks.due': {
    unit: 'count',
    label: '예정된 콜백',
    definition:
      '기한이 기간 안인 콜백(OB)의 수: 기한이 기간 안이었던 콜백 시도 수 + 가입·종료가 아닌 리드 중 다음 콜백(아직 걸지 않은 콜백, 부재중 뒤 다시 걸 콜백 포함)의 기한이 기간 안인 리드 수',
  },
  'callbacks.overdue': {
    unit: 'count',
    label: '지연된 콜백',
    definition: '기간 끝까지 접수된 리드 중 가입·종료가 아니고 다음 콜백 기한이 지금보다 지난 리드의 수',
  },
  'callbacks.attempts': {
    unit: 'count',
    label: '콜백 시도',
    definition: '기간 안에 기록된 콜백(OB) 시도의 수 (결과별로 나눠 보여 줍니다)',
  },
  'leads.filed': {
    unit: 'count',
    label: '접수된 가입 리드',
    definition: '기간 안에 접수된 가입 리드의 수 (리드 퍼널과 같은 기준)',
  },
  'leads.won': {
    unit: 'count',
    label: '가입 완료 리드',
    definition: '기간 안에 접수된 가입 리드 중 지금 가입 상태인 리드의 수',
  },
  'repeatContact.rate': {
    unit: 'ratio',
    label: '재문의율',
    definition:
      '재문의된 완료 상담 수 ÷ 발신번호와 문의 유형이 있는 완료 상담 수. 재문의: 같은 발신번호(암호화된 색인으로 비교)·같은 가이드·같은 문의 유형의 상담이 그 뒤에 시작되었고, 그 시작이 완료일로부터 N영업일째 되는 날(주말·공휴일·대체공휴일·회사 휴무일 제외) 안인 경우. 상담은 기간 안에 시작된 것이고, 카카오톡 챗봇이 혼자 처리한 상담은 빼고 셉니다 (다시 온 상담은 챗봇과의 대화여도 셉니다)',
  },
  'repeatContact.count': {
    unit: 'count',
    label: '재문의된 상담',
    definition: `${STARTED_IN_RANGE} 중 재문의된 완료 상담의 수 (재문의율의 분자)`,
  },
  'bot.resolved': {
    unit: 'count',
    label: '챗봇이 끝낸 대화',
    definition: `${BOT_CONVERSATIONS} 중 상담직원 없이 챗봇이 끝낸 대화의 수 (안내로 끝났거나, 챗봇이 이관·가입 리드를 접수했거나, 연락처 수집이 거부된 대화). 상담사의 상담 수·처리 시간·이관율에는 들어가지 않습니다`,
  },
  'bot.handedOff': {
    unit: 'count',
    label: '상담직원 연결',
    definition: `${BOT_CONVERSATIONS} 중 고객이 상담직원 연결을 요청한 대화의 수 (업무시간: 상담사 연결 대기, 업무시간 외: 콜백 이관 접수). 상담사가 맡은 뒤의 상담은 그 상담사의 수치로 셉니다`,
  },
  'bot.resolutionRate': {
    unit: 'ratio',
    label: '챗봇 해결률',
    definition:
      '챗봇이 끝낸 대화 수 ÷ (챗봇이 끝낸 대화 수 + 상담직원 연결 수). 도중에 멈춘 대화는 빼고 셉니다',
  },
  'missedCallbacks.due': {
    unit: 'count',
    label: '예정된 부재중 콜백',
    definition: `콜백 기한이 기간 안인 부재중 전화(CTI)의 수: 아직 콜백하지 않은 것과 이미 콜백한 것. 업무시간에 걸려 온 전화는 바로, 그 밖에는 다음 업무 시작 시각이 기한입니다. ${MISSED_CALLS_UNFILTERED}`,
  },
  'missedCallbacks.overdue': {
    unit: 'count',
    label: '지연된 부재중 콜백',
    definition: `기간 끝까지 걸려 온 부재중 전화(CTI) 중 아직 콜백하지 않았고 콜백 기한이 지금보다 지난 것의 수 (번호가 파기되어 닫힌 것은 빼고 셉니다). ${MISSED_CALLS_UNFILTERED}`,
  },
};
