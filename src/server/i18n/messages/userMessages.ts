import type { MessageArea } from '../messageArea.ts';

/** Messages about user accounts and API tokens. */
export const userMessages = {
  'users.notFound': { ko: '사용자를 찾을 수 없습니다: {id}', en: 'User not found: {id}' },
  'users.notFoundByEmail': {
    ko: '사용자를 찾을 수 없습니다: {email}',
    en: 'No user with the e-mail {email}',
  },
  'users.absent': { ko: '없음', en: 'not found' },
  'users.invalid': { ko: '사용자 정보가 올바르지 않습니다.', en: 'The user details are invalid.' },
  'users.emailTaken': {
    ko: '이미 등록된 이메일입니다: {email}',
    en: 'The e-mail is already registered: {email}',
  },
  'users.duplicate': { ko: '중복', en: 'duplicate' },
  'users.extensionTaken': {
    ko: '내선번호 {extension}은(는) 이미 {holder} 계정에 있습니다.',
    en: 'Extension {extension} already belongs to the account of {holder}.',
  },
  'users.extensionTakenDetail': {
    ko: '다른 계정이 쓰는 내선번호',
    en: 'an extension another account uses',
  },
  'users.disabledOrExtensionRequired': {
    ko: 'disabled 또는 extension 중 하나는 있어야 합니다',
    en: 'Send disabled or extension (at least one)',
  },
  'users.openItemsNeedDisable': {
    ko: 'openItems는 disabled: true와 함께 보내야 합니다',
    en: 'Send openItems only with disabled: true',
  },
  'users.handOverActive': {
    ko: '사용 중인 계정의 미처리 건은 넘길 수 없습니다. 계정을 사용 중지하면서 넘기세요.',
    en: "An active account's open items cannot be handed over on their own: hand them over as you disable the account.",
  },
  'users.handOverActiveDetail': {
    ko: '{name} 계정은 사용 중입니다',
    en: 'The account of {name} is active',
  },
  'users.cannotDisableSelf': {
    ko: '자신의 계정은 사용 중지할 수 없습니다.',
    en: 'You cannot disable your own account.',
  },
  'users.cannotDisableSelfDetail': {
    ko: '자신의 계정은 사용 중지할 수 없습니다',
    en: 'you cannot disable your own account',
  },
  'users.weakPassword': {
    ko: '너무 쉽게 추측되는 비밀번호입니다. 서로 관계없는 단어 서너 개를 이어 쓰면 기억하기 쉽고 안전합니다.',
    en: 'This password is too easy to guess. Three or four unrelated words in a row are easy to remember and safe.',
  },
  'users.weakPasswordBecause': {
    ko: '너무 쉽게 추측되는 비밀번호입니다 ({reasons:users.passwordReasons}). 서로 관계없는 단어 서너 개를 이어 쓰면 기억하기 쉽고 안전합니다.',
    en: 'This password is too easy to guess ({reasons:users.passwordReasons}). Three or four unrelated words in a row are easy to remember and safe.',
  },
  'users.passwordReasons.personal': {
    ko: '이름·이메일이 들어 있습니다',
    en: 'it contains your name or e-mail',
  },
  'users.passwordReasons.common': { ko: '널리 쓰이는 비밀번호입니다', en: 'it is a widely used password' },
  'users.passwordReasons.dictionary': {
    ko: '사전에 있는 단어가 그대로 쓰였습니다',
    en: 'it uses a dictionary word as it is',
  },
  'users.passwordReasons.repeat': {
    ko: '같은 글자나 묶음이 반복됩니다',
    en: 'it repeats characters or groups',
  },
  'users.passwordReasons.sequence': {
    ko: '1234, abcd 같은 연속된 문자입니다',
    en: 'it is a sequence such as 1234 or abcd',
  },
  'users.passwordReasons.spatial': {
    ko: 'qwerty 같은 키보드 배열입니다',
    en: 'it is a keyboard pattern such as qwerty',
  },
  'users.passwordReasons.date': { ko: '날짜가 들어 있습니다', en: 'it contains a date' },
  'users.tokenExpiryPast': {
    ko: '만료 시각은 지금 이후여야 합니다.',
    en: 'The expiry must be in the future.',
  },
  'users.tokenExpiryPastDetail': { ko: '지금 이후의 시각이어야 합니다', en: 'must be later than now' },
  'users.tokenForDisabledUser': {
    ko: '사용 중지된 계정에는 토큰을 발급할 수 없습니다: {email}',
    en: 'A disabled account cannot be issued a token: {email}',
  },
  'users.disabledAccount': { ko: '사용 중지된 계정', en: 'disabled account' },
  'users.tokenNotFound': { ko: '토큰을 찾을 수 없습니다: {id}', en: 'Token not found: {id}' },
} as const satisfies MessageArea;
