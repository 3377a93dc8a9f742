/**
 * The guide's shortest whole consultation as a complete or finish body: Q4-N, no sign-up wanted,
 * nothing personal taken. Tests that need a consultation saved, whatever it says, send it.
 */
export const declinedSignUpBody = {
  scriptId: 'q4',
  inquiryType: 6,
  history: [{ nodeId: 'q4-signup', answer: 'no' }],
  record: { title: '[비즈니스] 가입 문의', body: 'ㄴ 가입 원하지 않음' },
};
