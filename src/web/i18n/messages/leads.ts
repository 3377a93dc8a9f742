import { defineMessages } from '../defineMessages.ts';

/** Sign-up leads: the intake in the console, the lead queue and drawer, callbacks, brochure e-mail, the funnel. */
export const leadsMessages = defineMessages('leads', {
  ko: {
    'leads.filing.title': '가입 리드 접수',
    'leads.filing.badge': '비즈니스팀 이관 + 가입 소개서 메일',
    'leads.filing.company': '업체명: {value}',
    'leads.filing.contact': '담당자: {value}',
    'leads.filing.phone': '연락처: {value}',
    'leads.filing.email': '이메일주소: {value}',
    'leads.filing.businessNumber': '사업자등록번호: {value}',
    'leads.filing.onSave': '저장하면',
    'leads.filing.what':
      '리드가 비즈니스팀에 이관되고 가입 소개서가 메일로 발송됩니다. 메일 발송 후 일정 시간이 지나 업무시간 중 OB가 진행됩니다.',
    'leads.intake.businessNumber': '사업자등록번호 (선택)',
    'leads.intake.emailHint': '가입 소개서를 보낼 주소입니다',
    'leads.intake.required.companyName': '업체명을 입력하세요',
    'leads.intake.required.contactName': '담당자 이름을 입력하세요',
    'leads.intake.required.phone': '연락처를 입력하세요',
    'leads.intake.required.email': '이메일주소를 입력하세요: 가입 소개서를 보낼 곳입니다',
    'leads.intake.tooLong.companyName': '업체명은 200자 이하입니다',
    'leads.intake.tooLong.contactName': '담당자 이름은 100자 이하입니다',
    'leads.intake.invalid.phone': '{detail}',
    'leads.intake.invalid.email': '{detail}',
    'leads.intake.invalid.businessNumber': '{detail}',
  },
  en: {
    'leads.filing.title': 'Sign-up lead',
    'leads.filing.badge': 'Transfer to the business team + brochure e-mail',
    'leads.filing.company': 'Company: {value}',
    'leads.filing.contact': 'Contact: {value}',
    'leads.filing.phone': 'Phone: {value}',
    'leads.filing.email': 'E-mail: {value}',
    'leads.filing.businessNumber': 'Business registration number: {value}',
    'leads.filing.onSave': 'On saving',
    'leads.filing.what':
      'the lead goes to the business team and the sign-up brochure is e-mailed. Some time after the e-mail, a callback (OB) follows during business hours.',
    'leads.intake.businessNumber': 'Business registration number (optional)',
    'leads.intake.emailHint': 'Where the sign-up brochure goes',
    'leads.intake.required.companyName': 'Enter the company name',
    'leads.intake.required.contactName': 'Enter the contact’s name',
    'leads.intake.required.phone': 'Enter a phone number',
    'leads.intake.required.email': 'Enter an e-mail address: the sign-up brochure goes there',
    'leads.intake.tooLong.companyName': 'The company name has at most 200 characters',
    'leads.intake.tooLong.contactName': 'The contact’s name has at most 100 characters',
    'leads.intake.invalid.phone': 'Enter a valid Korean phone number, e.g. 010-1234-5678',
    'leads.intake.invalid.email': 'Enter a valid e-mail address, e.g. name@example.com',
    'leads.intake.invalid.businessNumber':
      'Enter a valid business registration number (10 digits, e.g. 123-45-67890); its check digit did not match',
  },
});
