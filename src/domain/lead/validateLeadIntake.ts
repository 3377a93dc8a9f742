import { normalizeKoreanPhone } from '../privacy/normalizeKoreanPhone.ts';
import { validateBusinessNumber } from '../privacy/validateBusinessNumber.ts';
import { validateEmail } from '../privacy/validateEmail.ts';
import { validatePersonName } from '../privacy/validatePersonName.ts';

/** What the agent takes down on Q4-Y: 업체명, 담당자, 연락처, 이메일주소 and, optionally, 사업자등록번호. */
export type LeadIntakeInput = {
  companyName?: string | undefined;
  contactName?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  businessNumber?: string | undefined;
};

/** The intake fields, checked and in their stored forms. */
export type ValidLeadIntake = {
  companyName: string;
  contactName: string;
  /** Display form of the number ('010-1234-5678'). */
  phone: string;
  /** Domestic digits ('01012345678'), the lookup key. */
  phoneDigits: string;
  email: string;
  /** Ten digits, or null when not given. */
  businessNumber: string | null;
};

/** A field of the intake form and what is wrong with it, in Korean for the form. */
export type LeadIntakeProblem = { field: keyof LeadIntakeInput; message: string };

/** Either the checked fields or every problem found, field by field. */
export type LeadIntakeResult =
  | { ok: true; value: ValidLeadIntake }
  | { ok: false; problems: LeadIntakeProblem[] };

const required: ReadonlyArray<[keyof LeadIntakeInput, string]> = [
  ['companyName', '업체명을 입력하세요'],
  ['contactName', '담당자 이름을 입력하세요'],
  ['phone', '연락처를 입력하세요'],
  ['email', '이메일주소를 입력하세요: 가입 소개서를 보낼 곳입니다'],
];

/**
 * Checks a sign-up lead's intake the same way in the console (inline messages while the caller is on
 * the line) and on the server (which trusts nothing): all four fields are required, the contact's
 * name must be one (validatePersonName), the phone must be a Korean number the business team can call back, the email must be an address the brochure can go
 * to, and a 사업자등록번호, when given, must pass its check digit.
 */
export function validateLeadIntake(input: LeadIntakeInput): LeadIntakeResult {
  const problems: LeadIntakeProblem[] = [];
  const text = (key: keyof LeadIntakeInput) => (input[key] ?? '').trim();
  for (const [key, message] of required) {
    if (text(key) === '') problems.push({ field: key, message });
  }
  if (text('companyName').length > 200)
    problems.push({ field: 'companyName', message: '업체명은 200자 이하입니다' });
  if (text('contactName').length > 100)
    problems.push({ field: 'contactName', message: '담당자 이름은 100자 이하입니다' });
  else if (text('contactName') !== '') {
    const name = validatePersonName(text('contactName'));
    if (!name.ok) problems.push({ field: 'contactName', message: name.message });
  }
  const phone = text('phone') === '' ? null : normalizeKoreanPhone(text('phone'));
  if (phone && !phone.ok) problems.push({ field: 'phone', message: phone.message });
  const email = text('email') === '' ? null : validateEmail(text('email'));
  if (email && !email.ok) problems.push({ field: 'email', message: email.message });
  const business = text('businessNumber') === '' ? null : validateBusinessNumber(text('businessNumber'));
  if (business && !business.ok) problems.push({ field: 'businessNumber', message: business.message });
  if (problems.length > 0 || !phone?.ok || !email?.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      companyName: text('companyName'),
      contactName: text('contactName'),
      phone: phone.display,
      phoneDigits: phone.digits,
      email: email.email,
      businessNumber: business?.ok ? business.digits : null,
    },
  };
}
