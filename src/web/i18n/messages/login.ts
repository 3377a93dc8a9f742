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
  },
});
