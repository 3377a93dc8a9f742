import { type Browser, expect } from '@playwright/test';
import { signUpLeadPath } from '../test/helpers/signUpLeadPath.ts';
import { e2eUsers } from './e2eUsers.ts';

/** An agent finishes a Q4-Y call through the API (the console's one request); answers the lead. */
export async function fileLeadThroughApi(
  browser: Browser,
  baseURL: string,
  companyName: string,
  email: string,
): Promise<{ id: string; number: string; transferId: string }> {
  const context = await browser.newContext({ baseURL });
  try {
    const login = await context.request.post('/api/v1/auth/login', {
      data: { email: e2eUsers.agent.email, password: e2eUsers.agent.password },
    });
    expect(login.ok(), await login.text()).toBe(true);
    const headers = { 'x-csrf-token': (await login.json()).csrfToken };
    const started = await context.request.post('/api/v1/consultations', {
      headers,
      data: { channel: 'call', guideId: 'business-inquiry' },
    });
    expect(started.status(), await started.text()).toBe(201);
    const fields = { companyName, contactName: '한가입', phone: '010-5821-3370', email };
    const finished = await context.request.post(`/api/v1/consultations/${(await started.json()).id}/finish`, {
      headers,
      data: {
        ...signUpLeadPath,
        record: {
          summary: '비즈니스 가입 문의',
          companyName,
          contactName: fields.contactName,
          phone: fields.phone,
          inquiry: `이메일주소: ${email}`,
          title: '[비즈니스] 비즈니스 가입 문의',
          body: `ㄴ 기업명 : ${companyName}`,
        },
        collected: fields,
      },
    });
    expect(finished.status(), await finished.text()).toBe(200);
    return (await finished.json()).lead;
  } finally {
    await context.close();
  }
}
