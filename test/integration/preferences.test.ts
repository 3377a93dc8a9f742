import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/contract/auth/sessionSchema.ts';
import { preferencesSchema } from '../../src/contract/users/preferencesSchema.ts';
import { issueSetupLink } from '../../src/server/services/users/issueSetupLink.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

describe.each(testBackends())('per-user preferences (UI language) on $name', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  async function login(email: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'correct horse battery' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const session = sessionSchema.parse(response.json());
    const cookies = { ieum_session: response.cookies.find((c) => c.name === 'ieum_session')?.value ?? '' };
    return { session, cookies, csrf: { 'x-csrf-token': session.csrfToken } };
  }

  it('keeps the language the first admin set up in', async () => {
    const link = await issueSetupLink(t.ctx, 'http://127.0.0.1:3000');
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        token,
        email: 'admin@ieum.test',
        name: 'Admin',
        password: 'a long admin passphrase',
        locale: 'en',
      },
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(sessionSchema.parse(done.json()).preferences).toEqual({ locale: 'en' });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@ieum.test', password: 'a long admin passphrase' },
    });
    expect(sessionSchema.parse(again.json()).preferences).toEqual({ locale: 'en' });
  });

  it('starts in Korean, remembers English for that user only, and the session and a new login answer it', async () => {
    const agent = await t.userWithToken('agent');
    const colleague = await t.userWithToken('agent');
    const first = await login(agent.email);
    expect(first.session.preferences).toEqual({ locale: 'ko' });

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      cookies: first.cookies,
      headers: first.csrf,
      payload: { locale: 'en' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(preferencesSchema.parse(put.json())).toEqual({ locale: 'en' });

    const session = await t.app.inject({ url: '/api/v1/auth/session', cookies: first.cookies });
    expect(sessionSchema.parse(session.json()).preferences).toEqual({ locale: 'en' });
    expect((await login(agent.email)).session.preferences).toEqual({ locale: 'en' });
    expect((await login(colleague.email)).session.preferences).toEqual({ locale: 'ko' });

    const read = await t.app.inject({ url: '/api/v1/me/preferences', headers: agent.headers });
    expect(read.json()).toEqual({ locale: 'en' });
  });

  it("an account's first sign-in keeps the login page's language; later sign-ins and a chosen language are not overridden", async () => {
    const agent = await t.userWithToken('agent');
    const signIn = async (locale?: 'ko' | 'en') => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: agent.email, password: 'correct horse battery', ...(locale ? { locale } : {}) },
      });
      expect(response.statusCode, response.body).toBe(200);
      return sessionSchema.parse(response.json()).preferences;
    };
    // Without the page's language (an API client) nothing is chosen: the default, and still open.
    expect(await signIn()).toEqual({ locale: 'ko' });
    expect(await signIn('en')).toEqual({ locale: 'en' });
    const read = await t.app.inject({ url: '/api/v1/me/preferences', headers: agent.headers });
    expect(read.json()).toEqual({ locale: 'en' });
    // Chosen now: a Korean login page later does not switch the account back.
    expect(await signIn('ko')).toEqual({ locale: 'en' });

    // An account that switched its language before any page-language sign-in keeps what it chose.
    const switcher = await t.userWithToken('agent');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: switcher.headers,
      payload: { locale: 'ko' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: switcher.email, password: 'correct horse battery', locale: 'en' },
    });
    expect(sessionSchema.parse(switched.json()).preferences).toEqual({ locale: 'ko' });
  });

  it('refuses a login with an unknown page language as a bad request, before checking the password', async () => {
    const agent = await t.userWithToken('agent');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: 'correct horse battery', locale: 'fr' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain('locale');
    const read = await t.app.inject({ url: '/api/v1/me/preferences', headers: agent.headers });
    expect(read.json()).toEqual({ locale: 'ko' });
  });

  it('refuses an unknown language with a problem naming the field, and changes nothing', async () => {
    const agent = await t.userWithToken('agent');
    for (const payload of [{ locale: 'fr' }, {}, { locale: null }]) {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/preferences',
        headers: agent.headers,
        payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json().errors)).toContain('locale');
    }
    const read = await t.app.inject({ url: '/api/v1/me/preferences', headers: agent.headers });
    expect(read.json()).toEqual({ locale: 'ko' });
  });

  it('needs a signed-in caller, and a cookie write needs the CSRF token', async () => {
    expect((await t.app.inject({ url: '/api/v1/me/preferences' })).statusCode).toBe(401);
    const agent = await t.userWithToken('agent');
    const { cookies } = await login(agent.email);
    const noCsrf = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      cookies,
      payload: { locale: 'en' },
    });
    expect(noCsrf.statusCode).toBe(403);
    const read = await t.app.inject({ url: '/api/v1/me/preferences', cookies });
    expect(read.json()).toEqual({ locale: 'ko' });
  });
});
