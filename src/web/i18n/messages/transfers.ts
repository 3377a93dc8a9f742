import { defineMessages } from '../defineMessages.ts';

/** Transfers: the filing form in the console, the business-team queue, the transfer drawer, missed calls. */
export const transfersMessages = defineMessages('transfers', {
  ko: {
    'transfers.filing.missingInquiry': '문의 내용',
    'transfers.filing.missingContact': '연락처',
    'transfers.filing.toggle': '저장하면서 비즈니스팀에 이관',
    'transfers.filing.type': '이관 유형',
    'transfers.filing.channel': '채널',
    'transfers.filing.email': '이메일주소',
    'transfers.filing.optional': '선택',
    'transfers.filing.mention': '담당자 멘션:',
    'transfers.filing.checking': '확인 중…',
    'transfers.filing.unassigned': '근무 중인 담당자가 없어 미배정으로 접수됩니다',
    'transfers.filing.due': '처리 기한 {at}',
    'transfers.filing.missing': '이관하려면 위 상담이력에 {fields}을(를) 입력하세요.',
    'transfers.filing.hintFields': '기업명·담당자 이름·연락처·문의 내용은 위 상담이력 항목으로 접수됩니다.',
    'transfers.filing.hintSave': '한 번으로 저장과 이관을 함께 합니다.',
  },
  en: {
    'transfers.filing.missingInquiry': 'the inquiry',
    'transfers.filing.missingContact': 'a phone number',
    'transfers.filing.toggle': 'Transfer to the business team on saving',
    'transfers.filing.type': 'Transfer type',
    'transfers.filing.channel': 'Channel',
    'transfers.filing.email': 'E-mail address',
    'transfers.filing.optional': 'optional',
    'transfers.filing.mention': 'Assignee mention:',
    'transfers.filing.checking': 'Checking…',
    'transfers.filing.unassigned': 'Nobody is on duty: it will be filed unassigned',
    'transfers.filing.due': 'due {at}',
    'transfers.filing.missing': 'To transfer, enter {fields} in the record above.',
    'transfers.filing.hintFields':
      'Company, contact name, phone and inquiry are filed from the record fields above.',
    'transfers.filing.hintSave': 'saves and transfers in one go.',
  },
});
