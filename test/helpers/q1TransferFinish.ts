/**
 * The guide's Q1 path of a caller who is not a registered manager (the inquiry taken down, a
 * callback agreed): the script, the type and the answers of a finish or complete body that files
 * a transfer. The benches send it too, with their own record.
 */
export const q1TransferPath = {
  scriptId: 'q1',
  inquiryType: 1,
  history: [
    { nodeId: 'q1-registered', answer: 'no' },
    { nodeId: 'q1-transfer-inquiry', answer: 'next' },
    { nodeId: 'q1-callback-consent', answer: 'yes' },
  ],
};

/**
 * That path with its record, as a whole finish or complete body: tests that file a transfer from a
 * finished call spread it instead of writing the path and record out again.
 */
export const q1TransferFinish = {
  ...q1TransferPath,
  record: {
    summary: '관리자 기능 문의',
    companyName: '이음상사',
    contactName: '김담당',
    phone: '010 2345 6789',
    inquiry: '한도 변경 요청',
    title: '[비즈니스] 관리자 기능 문의',
    body: 'ㄴ 문의 내용 : 한도 변경 요청',
  },
};
