import type { MessageArea } from '../messageArea.ts';

/** Messages about sign-up leads, callbacks and the brochure. */
export const leadMessages = {
  'leads.notFound': { ko: '리드를 찾을 수 없습니다: {id}', en: 'Lead not found: {id}' },
  // A lead's status as the API's statusLabel words it (the web's leads.status.* say the same).
  'leads.transferInquiryDefault': {
    ko: '가입 문의: 가입 소개서 메일 발송 후 업무시간 중 연락',
    en: 'Sign-up inquiry: call during business hours after the brochure e-mail',
  },
  'leads.statusNew': { ko: '신규', en: 'New' },
  'leads.statusBrochureSent': { ko: '소개서 발송', en: 'Brochure sent' },
  'leads.statusCalled': { ko: '통화 완료', en: 'Called' },
  'leads.statusWon': { ko: '가입', en: 'Signed up' },
  'leads.statusLost': { ko: '종료', en: 'Closed' },
  // A callback attempt's outcome as lastOutcomeLabel / outcomeLabel word it (the web's leads.outcome.*).
  'leads.callbackOutcomeReached': { ko: '통화 완료', en: 'Reached' },
  'leads.callbackOutcomeNoAnswer': { ko: '부재중', en: 'No answer' },
  'leads.callbackOutcomeWrongNumber': { ko: '잘못된 번호', en: 'Wrong number' },
  'leads.callbackOutcomeSignedUp': { ko: '가입', en: 'Signed up' },
  'leads.callbackOutcomeNotInterested': { ko: '관심 없음', en: 'Not interested' },
  'leads.companyNameRequired': { ko: '업체명을 입력하세요', en: 'Enter the company name' },
  'leads.contactNameRequired': { ko: '담당자 이름을 입력하세요', en: "Enter the contact person's name" },
  'leads.phoneRequired': { ko: '연락처를 입력하세요', en: 'Enter a phone number' },
  'leads.emailRequired': {
    ko: '이메일주소를 입력하세요: 가입 소개서를 보낼 곳입니다',
    en: 'Enter an e-mail address: the sign-up brochure is sent there',
  },
  'leads.intakeFieldInvalid': { ko: '{field}의 값이 올바르지 않습니다', en: '{field} is invalid' },
  'leads.consultationNotSaved': {
    ko: '상담이력을 먼저 저장하세요: 동의 기록은 상담 저장 때 남습니다.',
    en: 'Save the consultation first: the consent record is kept when it is saved.',
  },
  'leads.consultationNotSavedDetail': { ko: '저장되지 않은 상담', en: 'consultation not completed' },
  'leads.notALeadOutcome': {
    ko: '가입 상담 접수(Q4, 동의함)로 끝난 상담만 리드로 접수할 수 있습니다.',
    en: 'Only a consultation that ended in a sign-up (Q4, agreed) can be filed as a lead.',
  },
  'leads.notALeadOutcomeDetail': {
    ko: '상담 결과가 리드가 아님: {outcome}',
    en: 'outcome is {outcome}, not lead',
  },
  'leads.noConsent': {
    ko: '이 상담에는 개인정보 수집 동의 기록이 없습니다. 동의 없이 리드를 접수할 수 없습니다.',
    en: 'This consultation has no record of consent to collect personal data. A lead cannot be filed without it.',
  },
  'leads.noConsentDetail': { ko: '동의 기록 없음', en: 'no agreed consent record' },
  'leads.alreadyFiled': {
    ko: '이 상담은 이미 리드로 접수되었습니다.',
    en: 'This consultation was already filed as a lead.',
  },
  'leads.alreadyFiledDetail': { ko: '이미 접수됨: {id}', en: 'already filed: {id}' },
  'leads.companyNameTooLong': {
    ko: '업체명은 200자 이하입니다',
    en: 'The company name is at most 200 characters',
  },
  'leads.contactNameTooLong': {
    ko: '담당자 이름은 100자 이하입니다',
    en: 'The contact name is at most 100 characters',
  },
  'leads.contactNameInvalid': {
    ko: '이름은 글자로 입력해 주세요. 숫자나 기호는 쓸 수 없습니다',
    en: 'Enter the contact’s name in letters: digits and symbols are not a name',
  },
  'leads.outcomeChangedMeanwhile': {
    ko: '다른 사람이 먼저 결과를 기록했습니다 (현재: {status:leads.statusNames}). 새로 고쳐 확인하세요.',
    en: 'Someone else recorded a result first (now: {status:leads.statusNames}). Reload to check.',
  },
  'leads.currentStatus': {
    ko: '현재 상태: {status:leads.statusNames}',
    en: 'current status is {status:leads.statusNames}',
  },
  // The attempt count guard (expectedAttempts): 부재중 keeps the status, so only the count tells
  // that a colleague recorded the same call a moment earlier.
  'leads.attemptRecordedMeanwhile': {
    ko: '다른 사람이 먼저 결과를 기록했습니다 (현재: {attempt}번째 시도 {outcome:leads.outcomeNames}). 새로 고쳐 확인하세요.',
    en: 'Someone else recorded a result first (now: attempt {attempt}, {outcome:leads.outcomeNames}). Reload to check.',
  },
  'leads.attemptsChangedMeanwhile': {
    ko: '콜백 시도 횟수가 화면과 다릅니다 (현재: {count}회). 새로 고쳐 확인하세요.',
    en: 'The number of callback attempts differs from your screen (now: {count}). Reload to check.',
  },
  'leads.currentAttempts': {
    ko: '현재 시도 횟수: {count}회',
    en: 'current callback attempts: {count}',
  },
  // Outcome names for placeholders ({outcome:leads.outcomeNames}), keyed by the outcome code (camel case).
  'leads.outcomeNames.reached': { ko: '통화 완료', en: 'Reached' },
  'leads.outcomeNames.noAnswer': { ko: '부재중', en: 'No answer' },
  'leads.outcomeNames.wrongNumber': { ko: '잘못된 번호', en: 'Wrong number' },
  'leads.outcomeNames.signedUp': { ko: '가입', en: 'Signed up' },
  'leads.outcomeNames.notInterested': { ko: '관심 없음', en: 'Not interested' },
  // Status names for placeholders ({status:leads.statusNames}), keyed by the status code (camel case).
  'leads.statusNames.new': { ko: '신규', en: 'New' },
  'leads.statusNames.brochureSent': { ko: '소개서 발송', en: 'Brochure sent' },
  'leads.statusNames.called': { ko: '통화 완료', en: 'Called' },
  'leads.statusNames.won': { ko: '가입', en: 'Signed up' },
  'leads.statusNames.lost': { ko: '종료', en: 'Closed' },
  'leads.noSmtp': {
    ko: '메일 서버(SMTP_URL)가 설정되지 않아 지금은 보낼 수 없습니다. 설정 후 서버가 다시 시작되면 대기 중인 메일이 자동으로 발송됩니다.',
    en: 'No mail server (SMTP_URL) is configured, so it cannot be sent now. Once it is set and the server restarts, waiting mail goes out by itself.',
  },
  'leads.noBrochureEmail': {
    ko: '이 리드에는 가입 소개서 메일이 없습니다.',
    en: 'This lead has no brochure e-mail.',
  },
  'leads.personalDataErased': {
    ko: '개인정보가 파기된 리드라 소개서를 보낼 수 없습니다.',
    en: 'The personal data of this lead was destroyed, so the brochure cannot be sent.',
  },
  'leads.brochureAlreadySent': {
    ko: '가입 소개서는 이미 발송되었습니다.',
    en: 'The brochure was already sent.',
  },
  'leads.brochureTooLarge': {
    ko: '소개서 PDF는 {maxKb}KB 이하여야 합니다.',
    en: 'The brochure PDF must be at most {maxKb} KB.',
  },
  'leads.brochureTooLargeDetail': { ko: '너무 큼: {bytes}바이트', en: 'too large: {bytes#byte|bytes}' },
  'leads.brochureNotPdf': {
    ko: 'PDF 파일이 아닙니다. 가입 소개서는 PDF로 올려 주세요.',
    en: 'This is not a PDF file. Upload the brochure as a PDF.',
  },
  'leads.brochureNotPdfDetail': {
    ko: 'PDF가 아님 (%PDF- 머리말이나 %%EOF 표시가 없음)',
    en: 'not a PDF (no %PDF- header or %%EOF marker)',
  },
  'leads.brochureFileName': {
    ko: '파일 이름은 .pdf로 끝나야 합니다.',
    en: 'The file name must end in .pdf.',
  },
  'leads.brochureFileNameDetail': {
    ko: '.pdf로 끝나고 슬래시가 없어야 합니다',
    en: 'must end in .pdf, without slashes',
  },
  'leads.brochureMissing': {
    ko: '가입 소개서 PDF를 찾을 수 없습니다 ({file}). 관리자가 소개서를 올리거나 IEUM_BROCHURE_FILE을 확인해야 합니다.',
    en: 'The brochure PDF cannot be found ({file}). An admin must upload one or check IEUM_BROCHURE_FILE.',
  },
  'leads.brochureMediaType': {
    ko: 'Content-Type: application/pdf로 PDF 파일 자체를 보내 주세요.',
    en: 'Send the PDF file itself with Content-Type application/pdf.',
  },
  'leads.brochureMediaTypeDetail': { ko: 'application/pdf여야 합니다', en: 'expected application/pdf' },
  'leads.fileForbidden': {
    ko: '가입 리드를 접수할 권한이 없습니다.',
    en: 'You do not have permission to file sign-up leads.',
  },
  'leads.alreadyFinished': {
    ko: '이미 종료된 리드입니다 (가입 또는 종료).',
    en: 'This lead is already finished (signed up or closed).',
  },
  'leads.retryInPast': {
    ko: '재통화 시각은 지금 이후여야 합니다.',
    en: 'The time to call again must be later than now.',
  },
  'leads.retryNotExpected': {
    ko: '재통화 시각은 부재중일 때만 정합니다.',
    en: 'A time to call again is set only when there was no answer.',
  },
} as const satisfies MessageArea;
