import { FLOOR_IDLE_NOTICE_MINUTES } from './floorIdleNoticeMinutes.ts';
/** The live floor's figures by stable id, in display order. Clients key tiles and translations on them. */
export const liveFloorFigureIds = [
  'floor.agentsOnCall',
  'floor.openTransfers',
  'floor.oldestWaitingMinutes',
  'floor.slaBreachesToday',
  'floor.chatsWaiting',
  'floor.oldestChatWaitingMinutes',
] as const;

/** One live-floor figure id. */
export type LiveFloorFigureId = (typeof liveFloorFigureIds)[number];

/** Units of the live floor's figures: a number of people or records, or business minutes. */
export const liveFloorFigureUnits = ['count', 'minutes'] as const;

/**
 * Each figure's unit, Korean name and the formula it is counted by (shown beside the figure: the
 * published Korean definition; the server catalogue words both in the request's language).
 */
export const liveFloorFigures: Readonly<
  Record<
    LiveFloorFigureId,
    { unit: (typeof liveFloorFigureUnits)[number]; label: string; definition: string }
  >
> = {
  'floor.agentsOnCall': {
    unit: 'count',
    label: '상담 중인 상담사',
    definition: `지금 진행 중인 상담(시작했고 아직 저장되지도, 오래 활동이 없어 중단되지도 않은 상담)이 있는 상담사 수. 카카오톡 챗봇이 맡고 있는 상담과 사용이 중지된 계정의 상담은 세지 않습니다. 목록의 마지막 활동은 상담 시작이나 작성 중 저장 시각이며, ${FLOOR_IDLE_NOTICE_MINUTES}분 넘게 활동이 없으면 표시합니다.`,
  },
  'floor.openTransfers': {
    unit: 'count',
    label: '대기 중인 이관',
    definition:
      '아직 고객에게 연락하지 못한 이관(접수·처리중·연락불가) 수. 가입 리드 이관을 포함합니다. 대기 시간은 접수부터 지금까지의 영업시간(평일 09–18시, 공휴일·대체공휴일·회사 휴무일 제외)입니다.',
  },
  'floor.oldestWaitingMinutes': {
    unit: 'minutes',
    label: '가장 오래 기다린 이관',
    definition:
      '대기 중인 이관 가운데 가장 먼저 접수된 건이 접수 후 지금까지 기다린 영업시간(분). 금요일 17:50에 접수된 이관은 월요일 09:00에 10분입니다.',
  },
  'floor.slaBreachesToday': {
    unit: 'count',
    label: '기한이 오늘인 SLA 위반',
    definition:
      '처리 기한이 오늘(서울 시각) 0시부터 지금 사이에 지났는데 기한 전에 연락완료·종결되지 않은 이관 수. 기한은 유형별 SLA를 영업시간으로 계산한 시각입니다.',
  },
  'floor.chatsWaiting': {
    unit: 'count',
    label: '연결 대기 중인 카카오톡 상담',
    definition:
      '카카오톡 챗봇이 상담직원에게 넘겼는데(상담직원 연결) 아직 아무도 맡지 않은 상담 수. 최근 24시간 안에 넘겨진 상담을 세며, 상담사 화면의 연결 대기 목록과 같습니다.',
  },
  'floor.oldestChatWaitingMinutes': {
    unit: 'minutes',
    label: '가장 오래 기다린 카카오톡 상담',
    definition:
      '연결 대기 중인 카카오톡 상담 가운데 가장 먼저 넘겨진 상담이 넘겨진 뒤 지금까지 기다린 시간(분). 고객이 채팅창에서 기다리는 실제 시간이라 영업시간이 아니라 경과 시간으로 셉니다.',
  },
};
