import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError.ts';
import { describeExportFailure } from './describeExportFailure.ts';

describe('describeExportFailure', () => {
  it("words a refused reason in the user's language, not the contract's Korean field message", () => {
    const refused = new ApiError(400, 'validation', '요청 본문이 올바르지 않습니다', [
      { where: '/reason', message: 'reason(다운로드 사유)를 2자 이상 입력하세요' },
    ]);
    expect(describeExportFailure(refused, 'en')).toBe('Please give a reason of 2 to 500 characters.');
    expect(describeExportFailure(refused, 'ko')).toBe('다운로드 사유를 2자 이상 500자 이하로 적어 주세요.');
    const underBody = new ApiError(400, 'validation', 'Invalid body', [
      { where: 'body/reason', message: 'x' },
    ]);
    expect(describeExportFailure(underBody, 'en')).toBe('Please give a reason of 2 to 500 characters.');
  });

  it('says to wait after too many requests', () => {
    const tooMany = new ApiError(429, 'rate-limited', 'Too Many Requests');
    expect(describeExportFailure(tooMany, 'en')).toBe(
      'Too many requests. Please try the download again in a moment.',
    );
    expect(describeExportFailure(tooMany, 'ko')).toBe('요청이 너무 많습니다. 잠시 후 다시 내려받아 주세요.');
  });

  it("keeps the server's or the network's own wording otherwise", () => {
    const otherField = new ApiError(400, 'validation', 'from must be YYYY-MM-DD', [
      { where: '/from', message: 'from은 YYYY-MM-DD 형식이어야 합니다' },
    ]);
    expect(describeExportFailure(otherField, 'en')).toBe('from must be YYYY-MM-DD');
    const network = new ApiError(
      0,
      'network',
      'Cannot reach the server. Please check the network connection.',
    );
    expect(describeExportFailure(network, 'en')).toBe(network.detail);
    expect(describeExportFailure(new Error('boom'), 'en')).toBe('boom');
  });
});
