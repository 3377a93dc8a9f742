import type { MessageArea } from '../messageArea.ts';

/** Messages about consultations: starting, drafts, completing and finishing. */
export const consultationMessages = {
  'consultations.alreadySaved': {
    ko: '이미 저장된 상담입니다. 새 상담을 시작하세요.',
    en: 'This consultation is already saved. Start a new one.',
  },
  'consultations.abandoned': {
    ko: '오래 활동이 없어 중단된(abandoned) 상담입니다. 이어서 저장할 수 없으니 새 상담을 시작하세요.',
    en: 'This consultation was abandoned after a long time without activity. It cannot be saved; start a new one.',
  },
  'consultations.guideChanged': {
    ko: '상담 중 가이드가 변경되었습니다 ({from} → {to}). 새 상담으로 다시 진행하세요.',
    en: 'The guide changed during the consultation ({from} → {to}). Start again with a new consultation.',
  },
  'consultations.guideLacksChannel': {
    ko: '{guide} 가이드는 이 상담의 채널({channel})을 다루지 않습니다.',
    en: 'The {guide} guide does not cover this consultation’s channel ({channel}).',
  },
  'consultations.guideLacksChannelDetail': {
    ko: '{channel} 채널은 이 가이드의 채널이 아닙니다',
    en: "channel {channel} is not one of the guide's channels",
  },
  'consultations.inquiryTypeOutOfRange': {
    ko: '이관 유형은 {guide} 가이드의 {first}–{last} 중 하나입니다.',
    en: 'The inquiry type is one of {first}–{last} of the {guide} guide.',
  },
  'consultations.outOfRange': { ko: '범위 밖', en: 'out of range' },
  'consultations.scriptNotOnChannel': {
    ko: '이 스크립트는 {channel} 상담에서 쓸 수 없습니다.',
    en: 'This script cannot be used in a {channel} consultation.',
  },
  'consultations.scriptNotOnChannelDetail': {
    ko: '{script} 스크립트는 {channel}에서 쓸 수 없습니다',
    en: 'script {script} is not available on {channel}',
  },
  'consultations.scriptIncomplete': {
    ko: '스크립트가 끝나지 않았습니다. 마지막 단계까지 진행한 뒤 저장하세요.',
    en: 'The script is not finished. Go to the last step, then save.',
  },
  'consultations.incomplete': { ko: '끝나지 않음', en: 'incomplete' },
  'consultations.businessHoursMismatch': {
    ko: '업무시간 판단이 경로와 다릅니다.',
    en: 'The business-hours decision differs from the path.',
  },
  'consultations.mismatch': { ko: '경로와 다름', en: 'mismatch' },
  'consultations.consentRefusedFields': {
    ko: '고객이 개인정보 수집에 동의하지 않았습니다: {fields}은(는) 상담이력에 남기지 않습니다. 지우고 저장하세요.',
    en: 'The caller refused personal-data collection: {fields} cannot be kept in the record. Clear them and save.',
  },
  'consultations.transferAfterRefusal': {
    ko: '고객이 연락이나 개인정보 수집을 원하지 않은 상담은 이관하지 않습니다 (거부 시 처리가 제한될 수 있습니다)',
    en: 'A consultation whose caller declined to be contacted or to leave their details is not transferred (refusing may limit what can be done)',
  },
  'consultations.bodyLineAtOdds': {
    ko: '상담내용의 "{label}" 줄이 {label} 칸과 다릅니다. 칸을 고치거나 상담내용을 자동 작성으로 되돌리세요',
    en: 'The "{label}" line of the record body differs from the {label} field: correct the field, or set the body back to automatic',
  },
  'consultations.consentRefusedFieldsDetail': {
    ko: '동의 거부: 저장하지 않음',
    en: 'consent refused: not stored',
  },
  'consultations.lineClosedThroughout': {
    ko: '{line}은(는) 이 상담 내내 운영시간이 아니었습니다. 업무시간 외 안내(이관)로 진행하세요.',
    en: '{line} was closed for the whole consultation. Follow the after-hours branch (a transfer).',
  },
  'consultations.lineClosedThroughoutDetail': {
    ko: '상담 중 운영시간 아님',
    en: 'closed throughout the consultation',
  },
  'consultations.callerNumberUnreadable': {
    ko: '이 상담의 발신 번호를 열 수 없습니다 (암호화 키 확인 필요). 새 상담으로 진행하세요.',
    en: 'The caller number of this consultation cannot be opened (check the encryption key). Continue with a new consultation.',
  },
  'consultations.guideServesOtherChannels': {
    ko: '{guide} 가이드는 {channels} 채널만 다룹니다.',
    en: 'The {guide} guide covers only the channels {channels}.',
  },
  'consultations.guideServesOtherChannelsDetail': {
    ko: '가이드의 채널이 아님 ({channels})',
    en: "not one of the guide's channels ({channels})",
  },
  'consultations.staleDraft': {
    ko: '다른 탭이나 기기에서 더 최근에 저장한 내용이 있습니다. 최신 내용을 불러와 이어서 진행하세요.',
    en: 'Another tab or device saved more recent work. Load the latest and continue from there.',
  },
  'consultations.newerDraftElsewhere': {
    ko: '다른 탭이나 기기에서 이 상담을 더 최근에 고쳐 두어 저장하지 않았습니다. 불러온 내용을 확인한 뒤 다시 저장하세요.',
    en: 'This call was changed more recently in another tab or on another device, so it was not saved. Check what was loaded and save again.',
  },
  'consultations.newerDraftElsewhereDetail': {
    ko: '저장된 임시 저장본(revision {stored})이 이 요청의 revision {sent}보다 새롭습니다',
    en: 'the stored draft (revision {stored}) is newer than revision {sent} this body was made from',
  },
  'consultations.badCursor': {
    ko: 'cursor가 올바르지 않습니다. 이전 페이지 답의 nextCursor를 그대로 보내세요.',
    en: "The cursor is not valid. Send the previous page's nextCursor as it was.",
  },
  'consultations.badCursorDetail': {
    ko: '이 서버가 만든 nextCursor가 아닙니다',
    en: 'not a nextCursor this server made',
  },
  'consultations.staleDraftDetail': {
    ko: '저장된 revision이 이미 {revision} 이상입니다. 더 큰 revision으로 보내세요',
    en: 'stale: the stored revision is already {revision} or higher; send a higher one',
  },
  'consultations.transferForbidden': {
    ko: '이관을 접수할 권한이 없습니다.',
    en: 'You do not have permission to file transfers.',
  },
  'consultations.transferNeedsCompanyAndInquiry': {
    ko: '이관하려면 기업명과 문의 내용을 입력하세요.',
    en: 'To transfer, enter the company and the inquiry.',
  },
  'consultations.transferNeedsContactAndInquiry': {
    ko: '이관하려면 연락처와 문의 내용을 입력하세요.',
    en: 'Enter a contact number and the inquiry to file a transfer.',
  },
  'consultations.unknownScript': {
    ko: '{guide} 가이드에 {script} 스크립트가 없습니다. 이관 유형 {inquiryType}의 스크립트는 {typeScript}입니다 (가이드의 스크립트: {scripts}).',
    en: 'The {guide} guide has no script {script}. Inquiry type {inquiryType} uses script {typeScript} (the guide’s scripts: {scripts}).',
  },
  'consultations.unknownScriptDetail': {
    ko: '없는 스크립트: {script}',
    en: 'unknown script: {script}',
  },
  'consultations.scriptNotOfType': {
    ko: '{script} 스크립트는 이관 유형 {inquiryType}의 스크립트가 아닙니다. 이 유형은 {typeScript} 스크립트로 상담합니다.',
    en: 'Script {script} is not the script of inquiry type {inquiryType}: that type is consulted with script {typeScript}.',
  },
  'consultations.scriptNotOfTypeDetail': {
    ko: '이관 유형 {inquiryType}의 스크립트는 {typeScript}입니다',
    en: 'inquiry type {inquiryType} uses script {typeScript}',
  },
  'consultations.replayWrongNode': {
    ko: '{index}번째 단계는 "{expected}" 단계여야 하는데 "{given}"입니다.',
    en: 'Step {index} should be "{expected}" but is "{given}".',
  },
  'consultations.replayInvalidAnswer': {
    ko: '{index}번째 단계 "{node}"에서는 "{answer}" 답을 쓸 수 없습니다.',
    en: 'Step {index} ("{node}") does not take the answer "{answer}".',
  },
  'consultations.replayPastEnd': {
    ko: '스크립트는 "{node}"에서 끝납니다. {index}번째 단계부터는 경로에 없습니다.',
    en: 'The script ends at "{node}": step {index} and later are not on its path.',
  },
  'consultations.replayUnknownNode': {
    ko: '{index}번째 단계 "{node}"이(가) 스크립트에 없습니다.',
    en: 'Step {index} ("{node}") is not in the script.',
  },
  'consultations.replayHoursMismatch': {
    ko: '{index}번째 단계 "{node}"의 업무시간 결과가 실제와 다릅니다.',
    en: 'The business-hours result of step {index} ("{node}") differs from the actual hours.',
  },
  'consultations.replayHoursMissing': {
    ko: '업무시간 분기 "{node}"의 결과가 기록되지 않았습니다.',
    en: 'The result of the business-hours branch "{node}" was not recorded.',
  },
  'consultations.replayFailed': {
    ko: '{index}번째 단계가 스크립트 경로와 맞지 않습니다.',
    en: 'Step {index} does not follow the script’s path.',
  },
} as const satisfies MessageArea;
