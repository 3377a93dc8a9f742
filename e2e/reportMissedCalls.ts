import { expect, request } from '@playwright/test';
import { adminApi } from './adminApi.ts';

/**
 * The PBX reports calls hung up unanswered (`noAnswer`) from these numbers through the real CTI
 * endpoint, with a token the admin makes for it; `label` names the token and the calls' ids.
 */
export async function reportMissedCalls(
  baseURL: string,
  label: string,
  numbers: readonly string[],
): Promise<void> {
  const admin = await adminApi(baseURL);
  const created = await admin.api.post('/api/v1/cti/tokens', {
    headers: admin.headers,
    data: { name: `e2e ${label} PBX` },
  });
  expect(created.status(), await created.text()).toBe(201);
  const token: string = (await created.json()).token;
  await admin.api.dispose();
  // The PBX holds no session: its events carry the token only.
  const pbx = await request.newContext({ baseURL });
  for (const [index, from] of numbers.entries()) {
    const sent = await pbx.post(`/api/v1/cti/${token}`, {
      data: {
        event: 'hangup',
        from,
        to: '16447391',
        direction: 'in',
        callId: `e2e-${label}-${Date.now()}-${index}`,
        cause: 'noAnswer',
      },
    });
    expect(sent.status(), await sent.text()).toBe(200);
  }
  await pbx.dispose();
}
