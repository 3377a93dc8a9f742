import { expect } from '@playwright/test';
import type { AdminApi } from './adminApi.ts';

/**
 * A new business-team account holding `count` open transfers (type 3, filed by the admin and
 * assigned to it); returns its id, e-mail and their numbers. The disabled-account specs start here.
 */
export async function businessTeamHolding(
  { api, headers }: AdminApi,
  name: string,
  count: number,
): Promise<{ id: string; email: string; numbers: string[] }> {
  const email = `${name.codePointAt(0)}.${Date.now()}@ieum.test`;
  const created = await api.post('/api/v1/users', {
    headers,
    data: { name, email, role: 'backoffice', password: 'ieum-e2e-member-pass-2026' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id: string = (await created.json()).id;
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const filed = await api.post('/api/v1/transfers', {
      headers,
      data: {
        inquiryType: 3,
        channel: 'call',
        companyName: `${name}상사 ${i + 1}`,
        contactName: '홍길동',
        phone: '010-3333-4444',
        inquiry: '담당자 사용 중지 점검용 이관',
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const transfer = await filed.json();
    const assigned = await api.post(`/api/v1/transfers/${transfer.id}/assign`, {
      headers,
      data: { assigneeId: id },
    });
    expect(assigned.ok(), await assigned.text()).toBe(true);
    numbers.push(transfer.number);
  }
  return { id, email, numbers };
}
