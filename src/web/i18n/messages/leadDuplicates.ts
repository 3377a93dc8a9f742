import { defineMessages } from '../defineMessages.ts';

/**
 * The console's warning on a sign-up lead for a company and e-mail already filed within 30 days,
 * and the lead drawer's list of the customer's other leads.
 */
export const leadDuplicatesMessages = defineMessages('leadDuplicates', {
  ko: {
    'leadDuplicates.title': '30일 안에 같은 업체·이메일로 접수된 가입 리드가 있습니다',
    'leadDuplicates.item': '{date} 접수 · {status}',
    'leadDuplicates.hint': '저장하면 그대로 접수됩니다. 같은 문의인지 고객에게 확인해 주세요.',
    'leadDuplicates.saved': '중복 주의: {numbers}',
    'leadDuplicates.filedBy': '{name} 접수',
    'leadDuplicates.assignee': '담당 {name}',
    'leadDuplicates.unassigned': '담당자 미배정',
    'leadDuplicates.notOpenable':
      '다른 상담원이 접수한 리드라 열 수 없습니다. 진행 상황은 담당자나 비즈니스팀에 확인해 주세요.',
    'leadDuplicates.sameCustomerTitle': '같은 업체·이메일의 다른 가입 리드 {count}건',
    'leadDuplicates.sameCustomerHint':
      '같은 고객의 같은 요청이면 한 건으로 진행하세요. 소개서와 콜백이 두 번 가지 않도록 나머지는 결과를 기록해 종료합니다.',
  },
  en: {
    'leadDuplicates.title': 'A sign-up lead for this company and e-mail was filed within 30 days',
    'leadDuplicates.item': 'filed {date} · {status}',
    'leadDuplicates.hint': 'Saving files it all the same. Ask the caller whether it is the same request.',
    'leadDuplicates.saved': 'Possible duplicate of {numbers}',
    'leadDuplicates.filedBy': 'filed by {name}',
    'leadDuplicates.assignee': 'held by {name}',
    'leadDuplicates.unassigned': 'not assigned yet',
    'leadDuplicates.notOpenable':
      'Filed by another agent, so you cannot open it. Ask its assignee or the business team how it is going.',
    'leadDuplicates.sameCustomerTitle': 'Other sign-up leads for this company and e-mail: {count}',
    'leadDuplicates.sameCustomerHint':
      'If it is the same request from the same customer, work it as one: record an outcome on the others to close them, so the brochure and the callback do not go twice.',
  },
});
