import { defineMessages } from '../defineMessages.ts';

/** The sign-in and first-admin setup screens. */
export const loginMessages = defineMessages('login', {
  ko: {
    'login.title': '로그인',
    'login.firstInstallTitle': '처음 설치',
    'login.firstInstall':
      '관리자 계정이 아직 없습니다. 서버를 처음 시작할 때 출력된 설정 링크(/setup?token=…)를 열어 관리자 비밀번호를 정해 주세요.',
    'login.email': '이메일',
    'login.password': '비밀번호',
    'login.failed': '로그인하지 못했습니다',
    'login.submit': '로그인',
    'login.setup.doneTitle': '관리자 설정',
    'login.setup.alreadyDone': '이미 설정이 끝났습니다.',
    'login.setup.toLogin': '로그인 화면으로',
    'login.setup.title': '관리자 계정 만들기',
    'login.setup.noToken': '설정 링크에 토큰이 없습니다. 서버를 시작할 때 출력된 링크를 그대로 열어 주세요.',
    'login.setup.intro':
      '처음 설치할 때 한 번만 쓰는 화면입니다. 이 계정으로 다른 사용자를 추가할 수 있습니다.',
    'login.setup.name': '이름',
    'login.setup.nameRequired': '이름을 입력해 주세요',
    'login.setup.emailRequired': '이메일을 입력해 주세요',
    'login.setup.passwordHint': '{min}자 이상',
    'login.setup.passwordTooShort': '비밀번호는 {min}자 이상이어야 합니다',
    'login.setup.confirm': '비밀번호 확인',
    'login.setup.mismatch': '비밀번호가 일치하지 않습니다',
    'login.setup.failed': '설정하지 못했습니다',
    'login.setup.submit': '관리자 계정 만들기',
  },
  en: {
    'login.title': 'Sign in',
    'login.firstInstallTitle': 'First installation',
    'login.firstInstall':
      'There is no admin account yet. Open the setup link the server printed when it first started (/setup?token=…) and choose the admin password.',
    'login.email': 'E-mail',
    'login.password': 'Password',
    'login.failed': 'Could not sign in',
    'login.submit': 'Sign in',
    'login.setup.doneTitle': 'Admin setup',
    'login.setup.alreadyDone': 'Setup is already complete.',
    'login.setup.toLogin': 'Go to sign-in',
    'login.setup.title': 'Create the admin account',
    'login.setup.noToken':
      'The setup link has no token. Open the link exactly as the server printed it at start.',
    'login.setup.intro':
      'This screen is used once, at installation. With this account you can add the other users.',
    'login.setup.name': 'Name',
    'login.setup.nameRequired': 'Please enter a name',
    'login.setup.emailRequired': 'Please enter an e-mail address',
    'login.setup.passwordHint': 'At least {min} characters',
    'login.setup.passwordTooShort': 'The password must have at least {min} characters',
    'login.setup.confirm': 'Confirm password',
    'login.setup.mismatch': 'The passwords do not match',
    'login.setup.failed': 'Setup failed',
    'login.setup.submit': 'Create the admin account',
  },
});
