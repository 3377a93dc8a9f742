import { q1TransferPath } from '../../test/helpers/q1TransferFinish.ts';

/**
 * A finish request on the transfer path (Q1, not a registered manager: the inquiry is taken down
 * and the caller agrees to a callback), the body the finish and scale benches both send.
 */
export const transferPathFinishBody = {
  ...q1TransferPath,
  record: {
    summary: '관리자 기능 문의',
    companyName: '벤치상사',
    contactName: '홍길동',
    phone: '010-1234-5678',
    inquiry: '한도 변경 요청',
    title: '[비즈니스] 관리자 기능 문의',
    body: 'ㄴ 기업명 : 벤치상사\nㄴ 담당자 이름 : 홍길동\nㄴ 연락처 : 010-1234-5678\nㄴ 문의 내용 : 한도 변경 요청',
  },
};
