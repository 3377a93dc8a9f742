import { defineMessages } from '../defineMessages.ts';

/** The permission page, and the labels the accessibility work added (scroll regions, the search dialog). */
export const a11yMessages = defineMessages('a11y', {
  ko: {
    'a11y.forbidden.title': '권한이 없습니다',
    'a11y.forbidden.screen': '요청한 화면: {screen}',
    'a11y.forbidden.body': '이 화면을 볼 권한이 없습니다. {hint}',
    'a11y.forbidden.home.console': '상담 콘솔로 돌아가기',
    'a11y.forbidden.home.queue': '이관 큐로 돌아가기',
    'a11y.forbidden.hint.funnel':
      '가입 리드 현황은 비즈니스팀, 슈퍼바이저, 관리자가 봅니다. 내가 접수한 리드와 이관은 상담 콘솔의 내 이관에서 봅니다.',
    'a11y.forbidden.hint.privacy': '상담이력은 상담 콘솔의 최근 상담에서 마스킹된 형태로 봅니다.',
    'a11y.forbidden.hint.admin':
      '관리 화면은 관리자만 사용할 수 있습니다. 계정, 휴무일, 이관 담당 변경이 필요하면 관리자에게 요청하세요.',
    'a11y.close': '닫기',
    'a11y.forbidden.hint.dashboard': '현장 현황과 리포트가 필요하면 슈퍼바이저에게 요청하세요.',
  },
  en: {
    'a11y.forbidden.title': 'You do not have permission',
    'a11y.forbidden.screen': 'Screen requested: {screen}',
    'a11y.forbidden.body': 'You do not have permission to view this screen. {hint}',
    'a11y.forbidden.home.console': 'Back to the console',
    'a11y.forbidden.home.queue': 'Back to the transfer queue',
    'a11y.forbidden.hint.funnel':
      'The business team, supervisors and admins see the sign-up leads. The leads and transfers you filed are under My transfers in the console.',
    'a11y.forbidden.hint.privacy':
      'Consultation records are shown masked under Recent consultations in the console.',
    'a11y.forbidden.hint.admin':
      'Only admins use the admin screen. Ask an admin to change accounts, closures or transfer assignees.',
    'a11y.close': 'Close',
    'a11y.forbidden.hint.dashboard': 'Ask a supervisor for the floor figures and reports.',
  },
});
