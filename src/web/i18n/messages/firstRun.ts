import { defineMessages } from '../defineMessages.ts';

/** The first-run checklist (`/first-run`): what an admin sets up after the first sign-in. */
export const firstRunMessages = defineMessages('firstRun', {
  ko: {
    'firstRun.title': '처음 설정 점검',
    'firstRun.intro':
      '상담을 시작하기 전에 아래 항목을 설정하세요. 모든 항목이 끝나거나 건너뛸 때까지 관리자는 로그인하면 이 화면부터 봅니다.',
    'firstRun.remaining': '{total}개 중 {remaining}개 남음',
    'firstRun.progress': '설정 진행률',
    'firstRun.allDone': '모든 항목을 마쳤습니다. 이제 로그인하면 바로 상담 콘솔로 갑니다.',
    'firstRun.continue': '나중에 하고 상담 콘솔로',
    'firstRun.toConsole': '상담 콘솔로',
    'firstRun.state.done': '완료',
    'firstRun.state.to-do': '할 일',
    'firstRun.state.skipped': '건너뜀',
    'firstRun.skip': '이 항목 건너뛰기',
    'firstRun.unskip': '건너뛰기 취소',
    'firstRun.skippedNote': '건너뛴 항목입니다. 나중에 이 화면이나 관리 화면에서 설정할 수 있습니다.',
    'firstRun.loadFailed': '설정 상태를 불러오지 못했습니다',

    'firstRun.businessTeam.title': '비즈니스팀 계정',
    'firstRun.businessTeam.facts': '사용 중인 비즈니스팀 계정 {count}개',
    'firstRun.businessTeam.hint': '이관과 가입 리드는 비즈니스팀이 처리합니다. 한 명 이상 계정을 만드세요.',
    'firstRun.businessTeam.name': '이름',
    'firstRun.businessTeam.email': '이메일',
    'firstRun.businessTeam.password': '처음 비밀번호',
    'firstRun.businessTeam.create': '비즈니스팀 계정 만들기',
    'firstRun.businessTeam.created': '{name} 계정을 만들었습니다.',

    'firstRun.assignees.title': '이관 담당자 (모든 유형 한 번에)',
    'firstRun.assignees.facts': '문의 유형 {total}개 중 {assigned}개에 당번 담당자가 있습니다',
    'firstRun.assignees.unassigned': '담당자가 없는 유형 (이관이 미배정으로 접수됩니다)',
    'firstRun.assignees.people': '담당자 (선택한 순서대로 차례로 배정)',
    'firstRun.assignees.noCandidates':
      '담당자가 될 수 있는 비즈니스팀·관리자 계정이 없습니다. 먼저 계정을 만드세요.',
    'firstRun.assignees.target': '적용할 유형',
    'firstRun.assignees.target.all': '모든 유형',
    'firstRun.assignees.target.unassigned': '담당자 없는 유형만',
    'firstRun.assignees.mode': '기존 담당자',
    'firstRun.assignees.mode.add': '그대로 두고 추가',
    'firstRun.assignees.mode.replace': '선택한 사람으로 바꾸기',
    'firstRun.assignees.submit': '담당자 지정',
    'firstRun.assignees.pickSomeone': '담당자를 한 명 이상 고르세요.',
    'firstRun.assignees.saved': '{count}개 유형에 담당자를 지정했습니다.',
    'firstRun.assignees.perType': '유형별 기한·순서는 관리 화면의 이관 담당·기한에서 바꿀 수 있습니다.',
    'firstRun.assignees.toAdmin': '관리 화면 열기',
    'firstRun.role.backoffice': '비즈니스팀',
    'firstRun.role.admin': '관리자',

    'firstRun.smtp.title': '메일 발송 (SMTP)과 테스트 메일',
    'firstRun.smtp.server': 'SMTP 서버: {server}',
    'firstRun.smtp.notConfigured':
      'SMTP_URL이 설정되지 않아 소개서 메일이 발송되지 않고 보관함에 쌓입니다. 서버 환경 변수 SMTP_URL(예: smtp://user:pass@mail.example.com:587)을 넣고 서버를 다시 시작하세요.',
    'firstRun.smtp.to': '받는 주소',
    'firstRun.smtp.send': '테스트 메일 보내기',
    'firstRun.smtp.status.queued': '{to}(으)로 보내는 중… ({at} 접수)',
    'firstRun.smtp.status.sent': '{to}(으)로 발송했습니다 ({at}). 받은편지함을 확인하세요.',
    'firstRun.smtp.status.failed': '{to}(으)로 보내지 못했습니다: {error}',
    'firstRun.smtp.lastError': '마지막 오류: {error}',

    'firstRun.brochure.title': '가입 소개서 PDF',
    'firstRun.brochure.sample':
      '지금은 기본으로 들어 있는 샘플 소개서("샘플" 표시)가 가입 안내 메일에 첨부됩니다. 실제 소개서를 올리세요.',
    'firstRun.brochure.uploaded': '{fileName} ({at} 업로드)',
    'firstRun.brochure.download': '지금 첨부되는 소개서 내려받기',
    'firstRun.brochure.file': '소개서 PDF',
    'firstRun.brochure.placeholder': 'PDF 파일 선택',
    'firstRun.brochure.upload': '올리기',
    'firstRun.brochure.done': '소개서를 올렸습니다.',

    'firstRun.closures.title': '회사 휴무일',
    'firstRun.closures.facts': '오늘 이후 등록된 휴무일 {count}일',
    'firstRun.closures.hint':
      '창립기념일 같은 회사 휴무일은 영업일 계산(이관 기한, 콜백)에서 빠집니다. 등록할 날이 없어도 확인했다고 표시하세요.',
    'firstRun.closures.show': '휴무일 보기·등록',
    'firstRun.closures.hide': '휴무일 목록 닫기',
    'firstRun.closures.review': '휴무일 확인 완료',
    'firstRun.closures.reviewedAt': '{at}에 확인했습니다.',
  },
  en: {
    'firstRun.title': 'First-run setup',
    'firstRun.intro':
      'Set these up before the first calls. Until every item is done or skipped, admins see this page first when they sign in.',
    'firstRun.remaining': '{remaining} of {total} left',
    'firstRun.progress': 'Setup progress',
    'firstRun.allDone': 'Everything is set up. From now on, signing in takes you straight to the console.',
    'firstRun.continue': 'Later — go to the console',
    'firstRun.toConsole': 'Go to the console',
    'firstRun.state.done': 'Done',
    'firstRun.state.to-do': 'To do',
    'firstRun.state.skipped': 'Skipped',
    'firstRun.skip': 'Skip this item',
    'firstRun.unskip': 'Undo skip',
    'firstRun.skippedNote': 'Skipped. You can set it up later here or in the admin screen.',
    'firstRun.loadFailed': 'Could not load the setup state',

    'firstRun.businessTeam.title': 'Business-team accounts',
    'firstRun.businessTeam.facts': ({ count }) =>
      `${count} active business-team account${Number(count) === 1 ? '' : 's'}`,
    'firstRun.businessTeam.hint':
      'The business team works transfers and sign-up leads. Create at least one account.',
    'firstRun.businessTeam.name': 'Name',
    'firstRun.businessTeam.email': 'E-mail',
    'firstRun.businessTeam.password': 'First password',
    'firstRun.businessTeam.create': 'Create business-team account',
    'firstRun.businessTeam.created': 'Created the account of {name}.',

    'firstRun.assignees.title': 'Transfer assignees (all types at once)',
    'firstRun.assignees.facts': '{assigned} of {total} inquiry types have an assignee on duty',
    'firstRun.assignees.unassigned': 'Types without an assignee (their transfers are filed unassigned)',
    'firstRun.assignees.people': 'Assignees (assigned in turn, in the order picked)',
    'firstRun.assignees.noCandidates':
      'No business-team or admin account can be an assignee yet. Create one first.',
    'firstRun.assignees.target': 'Types to set',
    'firstRun.assignees.target.all': 'All types',
    'firstRun.assignees.target.unassigned': 'Only types without an assignee',
    'firstRun.assignees.mode': 'Current assignees',
    'firstRun.assignees.mode.add': 'Keep them and add',
    'firstRun.assignees.mode.replace': 'Replace with the people picked',
    'firstRun.assignees.submit': 'Set assignees',
    'firstRun.assignees.pickSomeone': 'Pick at least one assignee.',
    'firstRun.assignees.saved': ({ count }) =>
      `Set the assignees of ${count} inquiry type${Number(count) === 1 ? '' : 's'}.`,
    'firstRun.assignees.perType':
      'Per-type due times and order are in the admin screen, under transfer assignees.',
    'firstRun.assignees.toAdmin': 'Open the admin screen',
    'firstRun.role.backoffice': 'business team',
    'firstRun.role.admin': 'admin',

    'firstRun.smtp.title': 'Outgoing mail (SMTP) and a test mail',
    'firstRun.smtp.server': 'SMTP server: {server}',
    'firstRun.smtp.notConfigured':
      'SMTP_URL is not set, so brochure e-mails wait in the outbox instead of going out. Set SMTP_URL (e.g. smtp://user:pass@mail.example.com:587) in the server environment and restart the server.',
    'firstRun.smtp.to': 'Recipient',
    'firstRun.smtp.send': 'Send a test mail',
    'firstRun.smtp.status.queued': 'Sending to {to}… (queued {at})',
    'firstRun.smtp.status.sent': 'Sent to {to} ({at}). Check the inbox.',
    'firstRun.smtp.status.failed': 'Could not send to {to}: {error}',
    'firstRun.smtp.lastError': 'Last error: {error}',

    'firstRun.brochure.title': 'Sign-up brochure PDF',
    'firstRun.brochure.sample':
      'Sign-up e-mails now attach the sample brochure shipped with ieum (marked "샘플", sample). Upload the real one.',
    'firstRun.brochure.uploaded': '{fileName} (uploaded {at})',
    'firstRun.brochure.download': 'Download the brochure attached now',
    'firstRun.brochure.file': 'Brochure PDF',
    'firstRun.brochure.placeholder': 'Choose a PDF file',
    'firstRun.brochure.upload': 'Upload',
    'firstRun.brochure.done': 'The brochure was uploaded.',

    'firstRun.closures.title': 'Company closures',
    'firstRun.closures.facts': ({ count }) =>
      `${count} closure${Number(count) === 1 ? '' : 's'} registered from today on`,
    'firstRun.closures.hint':
      'Company closures (a founding anniversary, say) are left out of business-day arithmetic (transfer due times, callbacks). Mark them reviewed even when there is none to add.',
    'firstRun.closures.show': 'Show and add closures',
    'firstRun.closures.hide': 'Hide the closures',
    'firstRun.closures.review': 'Closures reviewed',
    'firstRun.closures.reviewedAt': 'Reviewed {at}.',
  },
});
