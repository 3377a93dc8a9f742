import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { recordConsultation } from './recordConsultation.ts';
import { signUpLeadPath } from './signUpLeadPath.ts';

/**
 * Files a sign-up lead for `companyName` through the app in this process (inject; fileSignUpLead
 * does it over real HTTP) as the console does without the one-request finish: the
 * Q4-Y consultation saved, then `POST /leads` on it (the same contact each time); checks the 201
 * and answers the lead as the API gave it.
 */
export async function fileSignUpLeadInProcess<Lead>(
  app: FastifyInstance,
  headers: Record<string, string>,
  companyName: string,
): Promise<Lead> {
  const consultationId = await recordConsultation(app, headers, {
    channel: 'call',
    scriptId: signUpLeadPath.scriptId,
    inquiryType: signUpLeadPath.inquiryType,
    history: signUpLeadPath.history,
    record: {
      summary: '비즈니스 가입 문의',
      companyName,
      contactName: '홍길동',
      phone: '010-2345-6789',
      inquiry: '가입 소개서 요청',
      title: '[비즈니스] 비즈니스 가입 문의',
      body: `ㄴ 기업명 : ${companyName}`,
    },
  });
  const filed = await app.inject({
    method: 'POST',
    url: '/api/v1/leads',
    headers,
    payload: {
      consultationId,
      companyName,
      contactName: '홍길동',
      phone: '010-2345-6789',
      email: 'buyer@example.com',
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  return filed.json();
}
