import { type APIRequestContext, expect, request } from '@playwright/test';
import { e2eUsers } from './e2eUsers.ts';

/** The admin's API session (cookie and CSRF token), for what a spec sets up without the screens. */
export type AdminApi = { api: APIRequestContext; headers: { 'x-csrf-token': string } };

/** Signs the admin in through the API; the caller disposes of `api`. */
export async function adminApi(baseURL: string): Promise<AdminApi> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', {
    data: { email: e2eUsers.admin.email, password: e2eUsers.admin.password },
  });
  expect(login.ok(), await login.text()).toBe(true);
  return { api, headers: { 'x-csrf-token': (await login.json()).csrfToken } };
}
