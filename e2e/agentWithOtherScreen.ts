import { type APIRequestContext, expect, request } from '@playwright/test';
import { adminApi } from './adminApi.ts';

/** A new agent, signed in on a second screen (another tab or PC, driven over the API), with a call started there. */
export type AgentWithOtherScreen = {
  agent: { email: string; name: string; password: string };
  /** The agent's other screen: requests carry its session cookie. */
  other: APIRequestContext;
  /** The other screen's CSRF header, for its writes. */
  headers: { 'x-csrf-token': string };
  /** The consultation started on the other screen (a call on the business guide). */
  consultationId: string;
};

/**
 * The set-up of the same-call-on-two-screens specs: an agent account made by the admin, signed in
 * on a second screen that starts a call, so the page under test can resume it. `key` keeps each
 * spec's account apart.
 */
export async function agentWithOtherScreen(
  baseURL: string,
  key: string,
  name: string,
): Promise<AgentWithOtherScreen> {
  const admin = await adminApi(baseURL);
  const agent = { email: `${key}.${Date.now()}@ieum.test`, name, password: `ieum-e2e-${key}-pass-2026` };
  const created = await admin.api.post('/api/v1/users', {
    headers: admin.headers,
    data: { ...agent, role: 'agent' },
  });
  expect(created.status(), await created.text()).toBe(201);
  await admin.api.dispose();

  const other = await request.newContext({ baseURL });
  const login = await other.post('/api/v1/auth/login', {
    data: { email: agent.email, password: agent.password },
  });
  expect(login.ok(), await login.text()).toBe(true);
  const headers = { 'x-csrf-token': (await login.json()).csrfToken };
  const started = await other.post('/api/v1/consultations', {
    headers,
    data: { channel: 'call', guideId: 'business-inquiry' },
  });
  expect(started.status(), await started.text()).toBe(201);
  return { agent, other, headers, consultationId: (await started.json()).id };
}
