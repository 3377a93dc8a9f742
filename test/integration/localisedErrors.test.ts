import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { readOutbox } from '../helpers/readOutbox.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = Record<string, string>;

/**
 * Errors from the API in the caller's language (issue 14): the same stable `code`, `messageKey`
 * and `params` whatever the language; `detail` and `errors[].message` in Korean by default and in
 * English on `Accept-Language: en`.
 */
describe.each(testBackends())('localised errors on $name', (backend) => {
  let t: TestApp;
  let admin: Headers;
  let agent: Headers;
  const english = { 'accept-language': 'en-US,en;q=0.9,ko;q=0.5' };
  const korean = { 'accept-language': 'ko-KR' };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = (await t.userWithToken('admin')).headers;
    agent = (await t.userWithToken('agent')).headers;
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (
    headers: Headers,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
    extra: Headers = {},
  ) => t.app.inject({ method, url, headers: { ...headers, ...extra }, ...(payload ? { payload } : {}) });

  it('words a too-long field as a sentence naming the field and the limit, in each language', async () => {
    const body = { inquiryType: 1, phone: '010-2222-3333', inquiry: 'ㄱ'.repeat(4001) };
    const ko = await send(agent, 'POST', '/api/v1/transfers', body, korean);
    const en = await send(agent, 'POST', '/api/v1/transfers', body, english);
    for (const response of [ko, en]) {
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'validation-failed',
        messageKey: 'validation.stringTooLong',
        params: { field: 'inquiry', maximum: '4000' },
        errors: [{ where: 'body/inquiry', messageKey: 'validation.stringTooLong' }],
      });
    }
    expect(ko.headers['content-language']).toBe('ko');
    expect(ko.json().detail).toBe('inquiry은(는) 4000자 이하여야 합니다');
    expect(ko.json().errors[0].message).toBe('inquiry은(는) 4000자 이하여야 합니다');
    expect(en.headers['content-language']).toBe('en');
    expect(en.json().detail).toBe('inquiry must be at most 4000 characters long');
    expect(en.json().errors[0].message).toBe('inquiry must be at most 4000 characters long');
  });

  it('keeps the Korean words a contract gives a field, and words it in English on request', async () => {
    const body = {
      email: 'not-an-address',
      name: '김이음',
      password: 'correct horse battery',
      role: 'agent',
    };
    const ko = await send(admin, 'POST', '/api/v1/users', body);
    const en = await send(admin, 'POST', '/api/v1/users', body, english);
    expect(ko.statusCode).toBe(400);
    expect(ko.json().errors[0]).toMatchObject({
      where: 'body/email',
      message: '이메일 주소 형식이 올바르지 않습니다',
      messageKey: 'validation.invalidFormat',
      params: { field: 'email', format: 'email' },
    });
    expect(en.json().errors[0]).toMatchObject({
      where: 'body/email',
      message: 'email must be a valid email',
      messageKey: 'validation.invalidFormat',
    });
    // No English zod wording reaches a Korean caller, a missing field included.
    const missing = await send(admin, 'POST', '/api/v1/users', { email: 'new@example.com' });
    for (const error of missing.json().errors) expect(error.message).toMatch(/[가-힣]/);
    expect(missing.json().errors).toContainEqual(
      expect.objectContaining({ where: 'body/role', messageKey: 'validation.required' }),
    );
  });

  it('words a contract refinement by the catalogue key it names', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const ko = await send(admin, 'PATCH', `/api/v1/users/${id}`, {});
    const en = await send(admin, 'PATCH', `/api/v1/users/${id}`, {}, english);
    expect(ko.statusCode).toBe(400);
    expect(ko.json()).toMatchObject({
      code: 'validation-failed',
      messageKey: 'users.disabledOrExtensionRequired',
      detail: 'disabled 또는 extension 중 하나는 있어야 합니다',
    });
    expect(en.json()).toMatchObject({
      messageKey: 'users.disabledOrExtensionRequired',
      detail: 'Send disabled or extension (at least one)',
    });
  });

  it('words each report-range rule by its own key, with its limit, in each language (QA-8 M3)', async () => {
    const supervisor = (await t.userWithToken('supervisor')).headers;
    const cases = [
      {
        url: '/api/v1/reports/summary?from=2026-12-10&to=2026-12-01',
        key: 'validation.fromAfterTo',
        where: 'querystring/from',
        ko: 'from은 to보다 늦을 수 없습니다',
        en: 'from cannot be later than to',
      },
      {
        url: '/api/v1/reports/summary?from=2025-01-01&to=2026-12-07',
        key: 'validation.rangeTooLong',
        where: 'querystring/to',
        ko: '기간은 최대 366일입니다',
        en: 'The period can be at most 366 days',
      },
      {
        url: '/api/v1/reports/summary?groupBy=hour&from=2026-10-01&to=2026-12-07',
        key: 'validation.hourlyRangeTooLong',
        where: 'querystring/to',
        ko: '시간별 집계의 기간은 최대 31일입니다',
        en: 'An hourly report covers at most 31 days',
      },
      {
        url: '/api/v1/reports/records?figure=consultations.started&bucket=2026-12-01T10',
        key: 'validation.hourBucketNeedsHourly',
        where: 'querystring/bucket',
        ko: 'YYYY-MM-DDTHH 형식은 groupBy=hour에서만 씁니다',
        en: 'A YYYY-MM-DDTHH bucket is only for groupBy=hour',
      },
    ];
    for (const { url, key, where, ko, en } of cases) {
      const inKorean = await send(supervisor, 'GET', url, undefined, korean);
      const inEnglish = await send(supervisor, 'GET', url, undefined, english);
      expect(inKorean.statusCode, inKorean.body).toBe(400);
      expect(inKorean.json()).toMatchObject({
        messageKey: key,
        detail: ko,
        errors: [{ where, messageKey: key }],
      });
      expect(inEnglish.json()).toMatchObject({
        messageKey: key,
        detail: en,
        errors: [{ where, message: en }],
      });
    }
  });

  it('says not-found in the caller’s language with the id as a parameter', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const ko = await send(admin, 'PATCH', `/api/v1/users/${id}`, { extension: '301' });
    const en = await send(admin, 'PATCH', `/api/v1/users/${id}`, { extension: '301' }, english);
    expect(ko.statusCode).toBe(404);
    expect(ko.json()).toMatchObject({
      code: 'not-found',
      messageKey: 'users.notFound',
      params: { id },
      detail: `사용자를 찾을 수 없습니다: ${id}`,
    });
    expect(en.json()).toMatchObject({
      code: 'not-found',
      messageKey: 'users.notFound',
      detail: `User not found: ${id}`,
    });
    const route = await send(admin, 'GET', '/api/v1/no-such-thing', undefined, english);
    expect(route.json()).toMatchObject({
      code: 'not-found',
      detail: 'There is no route GET /api/v1/no-such-thing.',
    });
  });

  it('refuses a forbidden action in the caller’s language', async () => {
    const ko = await send(agent, 'GET', '/api/v1/users');
    const en = await send(agent, 'GET', '/api/v1/users', undefined, {
      'accept-language': 'fr;q=0.9, en;q=0.5',
    });
    expect(ko.statusCode).toBe(403);
    expect(ko.json()).toMatchObject({
      code: 'forbidden',
      messageKey: 'auth.permissionDenied',
      params: { permission: 'user:read' },
      detail: '이 작업을 할 권한이 없습니다 (user:read).',
    });
    expect(en.json()).toMatchObject({
      code: 'forbidden',
      detail: 'You do not have permission to do this (user:read).',
    });
  });

  it('words a conflict in the caller’s language', async () => {
    const body = {
      email: 'taken@example.com',
      name: '김이음',
      password: 'correct horse battery',
      role: 'agent',
    };
    expect((await send(admin, 'POST', '/api/v1/users', body)).statusCode).toBe(201);
    const ko = await send(admin, 'POST', '/api/v1/users', body);
    const en = await send(admin, 'POST', '/api/v1/users', body, english);
    expect(ko.statusCode).toBe(409);
    expect(ko.json()).toMatchObject({
      code: 'conflict',
      messageKey: 'users.emailTaken',
      detail: '이미 등록된 이메일입니다: taken@example.com',
      errors: [{ where: '/email', message: '중복', messageKey: 'users.duplicate' }],
    });
    expect(en.json()).toMatchObject({
      code: 'conflict',
      detail: 'The e-mail is already registered: taken@example.com',
      errors: [{ where: '/email', message: 'duplicate' }],
    });
  });

  it('refuses a reused Idempotency-Key in the caller’s language', async () => {
    const key = { 'idempotency-key': `localised-${backend.name}` };
    const first = await send(
      agent,
      'POST',
      '/api/v1/transfers',
      { inquiryType: 1, phone: '010-2222-3333', inquiry: '첫 요청' },
      key,
    );
    expect(first.statusCode, first.body).toBe(201);
    const other = { inquiryType: 1, phone: '010-2222-3333', inquiry: '다른 요청' };
    const ko = await send(agent, 'POST', '/api/v1/transfers', other, key);
    const en = await send(agent, 'POST', '/api/v1/transfers', other, { ...key, ...english });
    expect(ko.statusCode).toBe(422);
    expect(ko.json()).toMatchObject({
      code: 'idempotency-key-reused',
      messageKey: 'http.idempotencyKeyReused',
      detail: '같은 Idempotency-Key로 다른 요청을 보냈습니다. 새 요청에는 새 키를 쓰세요.',
      errors: [{ where: 'header idempotency-key', messageKey: 'http.idempotencyKeyReusedDetail' }],
    });
    expect(en.json()).toMatchObject({
      code: 'idempotency-key-reused',
      detail:
        'The Idempotency-Key was already used for a different request. Use a new key for a new request.',
      errors: [{ where: 'header idempotency-key', message: 'reused with a different request body' }],
    });
  });

  it('words a domain refusal in the caller’s language: a transfer without what the team needs', async () => {
    const ko = await send(agent, 'POST', '/api/v1/transfers', { inquiryType: 1 });
    const en = await send(agent, 'POST', '/api/v1/transfers', { inquiryType: 1 }, english);
    expect(ko.statusCode).toBe(400);
    expect(ko.json().errors).toEqual([
      expect.objectContaining({
        where: '/inquiry',
        message: '문의 내용을 입력하세요',
        messageKey: 'transfers.inquiryRequired',
      }),
      expect.objectContaining({ where: '/phone', messageKey: 'transfers.contactRequired' }),
    ]);
    expect(en.json().errors.map((error: { message: string }) => error.message)).toEqual([
      'Enter the inquiry',
      'Enter a phone number (or e-mail): the team in charge needs a way to reach the customer',
    ]);
    expect(en.json().detail).toBe('Enter the inquiry');
    const missing = await send(
      agent,
      'GET',
      '/api/v1/transfers/00000000-0000-4000-8000-000000000000',
      undefined,
      english,
    );
    expect(missing.json()).toMatchObject({ code: 'not-found', messageKey: 'transfers.notFound' });
    expect(missing.json().detail).toMatch(/^Transfer not found: /);
  });

  it('answers a refused directory import in the caller’s language, line by line', async () => {
    const csv =
      '기업명,사업자등록번호,담당자 이름,담당자 구분,연락처,이메일\n하늘,120-81-47521,박하늘,관리책임자,12,\n';
    const importAs = (language: Headers) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/companies/import',
        headers: { ...admin, ...language, 'content-type': 'text/csv' },
        payload: csv,
      });
    const ko = await importAs(korean);
    const en = await importAs({ 'accept-language': 'ko;q=0.1, en' });
    expect(ko.statusCode).toBe(422);
    expect(ko.json()).toMatchObject({
      code: 'import-refused',
      messageKey: 'companies.importRefused',
      params: { count: 1 },
      detail: '1개 행이 거부되어 아무것도 가져오지 않았습니다',
    });
    expect(ko.json().errors[0].message).toContain('연락처');
    expect(en.headers['content-language']).toBe('en');
    expect(en.json()).toMatchObject({
      code: 'import-refused',
      detail: 'Nothing was imported: 1 refused row',
    });
    expect(en.json().errors[0].message).toContain('phone 1');
  });

  it('answers malformed JSON and unauthenticated calls in the caller’s language', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: { ...agent, ...english, 'content-type': 'application/json' },
      payload: '{"inquiryType":',
    });
    expect(broken.json()).toMatchObject({
      code: 'bad-request',
      detail: 'The request body is not valid JSON.',
    });
    const anonymous = await send({}, 'GET', '/api/v1/users', undefined, english);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated', messageKey: 'auth.loginRequired' });
    expect(anonymous.json().detail).toMatch(/^Sign-in required/);
  });

  it('answers in English without a Korean word: a refused lead intake, a report drill-down, transport errors', async () => {
    const hangul = /[\uAC00-\uD7A3]/;
    const started = await send(agent, 'POST', '/api/v1/consultations', {
      channel: 'call',
      guideId: 'business-inquiry',
    });
    const consultationId: string = started.json().id;
    const completed = await send(agent, 'POST', `/api/v1/consultations/${consultationId}/complete`, {
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        companyName: '이음상사',
        contactName: '김민지',
        phone: '010-1234-5678',
        inquiry: '가입 소개서 요청',
        title: '[비즈니스] 비즈니스 가입 문의',
        body: 'ㄴ 기업명 : 이음상사',
      },
    });
    expect(completed.statusCode).toBe(200);
    const intake = { consultationId, companyName: ' ', contactName: ' ', phone: ' ', email: ' ' };
    const ko = await send(agent, 'POST', '/api/v1/leads', intake, korean);
    const en = await send(agent, 'POST', '/api/v1/leads', intake, english);
    expect(ko.statusCode).toBe(400);
    expect(ko.json().detail).toBe('업체명을 입력하세요');
    expect(en.json()).toMatchObject({ code: 'validation-failed', messageKey: 'leads.companyNameRequired' });
    expect(en.json().errors.map((error: { message: string }) => error.message)).toEqual([
      'Enter the company name',
      "Enter the contact person's name",
      'Enter a phone number',
      'Enter an e-mail address: the sign-up brochure is sent there',
    ]);

    const supervisor = (await t.userWithToken('supervisor')).headers;
    const drillDown = await send(
      supervisor,
      'GET',
      '/api/v1/reports/records?from=2026-11-02&to=2026-11-08&figure=consultations.abandoned&segment=x',
      undefined,
      english,
    );
    expect(drillDown.json()).toMatchObject({
      code: 'validation-failed',
      messageKey: 'reports.segmentNotUsed',
    });

    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: { ...agent, ...english, 'content-type': 'text/plain' },
      payload: 'inquiry',
    });
    expect(wrongType.statusCode).toBeGreaterThanOrEqual(400);
    const noRoute = await send(agent, 'GET', '/api/v1/no-such-thing', undefined, english);
    expect(noRoute.json()).toMatchObject({ code: 'not-found', messageKey: 'http.routeNotFound' });

    for (const response of [en, drillDown, wrongType, noRoute]) {
      expect(response.headers['content-language']).toBe('en');
      expect(response.body, response.body).not.toMatch(hangul);
    }
  });

  it('words what the server says about records in the caller’s language: history lines, mention e-mails, a company’s labels, a webhook delivery’s error', async () => {
    const hangul = /[\uAC00-\uD7A3]/;
    const kim = await t.userWithToken('backoffice');
    const park = await t.userWithToken('backoffice');
    // park reads ieum in English: the e-mails they get are worded so.
    const saved = await send(park.headers, 'PUT', '/api/v1/me/preferences', { locale: 'en' });
    expect(saved.statusCode, saved.body).toBe(200);
    // This host's own name: saved as a name, found private when resolved at delivery (/etc/hosts), so
    // the delivery is refused by the server itself and nothing leaves the machine.
    const hook = await send(admin, 'POST', '/api/v1/webhooks', {
      url: `http://${hostname()}/ieum-hook`,
      eventTypes: ['transfer.filed'],
    });
    expect(hook.statusCode, hook.body).toBe(201);

    const filed = await send(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      phone: '010-2222-3333',
      inquiry: 'Please call back about the invoice',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id: string = filed.json().id;
    const url = `/api/v1/transfers/${id}`;
    const step = async (path: string, body: object) => {
      const response = await send(kim.headers, 'POST', `${url}/${path}`, body);
      expect(response.statusCode, response.body).toBe(200);
    };
    await step('assign', { assigneeId: kim.id });
    await step('status', { status: 'in-progress' });
    await step('status', { status: 'unreachable', retryAt: '2026-11-26T10:00:00+09:00' });
    await step('assign', { assigneeId: park.id });
    await step('assign', { assigneeId: 'me' });
    await step('assign', { assigneeId: null });
    const candidates: { id: string; name: string }[] = (
      await send(admin, 'GET', '/api/v1/transfer-settings')
    ).json().candidates;
    const nameOf = (userId: string) => candidates.find((candidate) => candidate.id === userId)?.name ?? '';
    const parkName = nameOf(park.id);
    const comment = await send(kim.headers, 'POST', `${url}/comments`, { body: `@${parkName} please look` });
    expect(comment.statusCode, comment.body).toBe(201);

    const summaries = async (language: Headers): Promise<string[]> => {
      const response = await send(kim.headers, 'GET', url, undefined, language);
      expect(response.statusCode).toBe(200);
      return response.json().history.map((entry: { summary: string }) => entry.summary);
    };
    const ko = await summaries(korean);
    const en = await summaries(english);
    expect(ko[0]).toMatch(/^이관 접수/);
    expect(ko).toContain('처리중 → 연락불가 · 재시도 11월 26일 (목) 10:00');
    expect(ko).toContain('댓글');
    expect(en).toHaveLength(ko.length);
    expect(en).toContain('In progress → Unreachable · retry Thu, Nov 26, 10:00');
    expect(en).toContain(`Taken by ${nameOf(kim.id)}`);
    expect(en.some((line) => line.endsWith('unassigned'))).toBe(true);
    for (const line of en) expect(line).not.toMatch(hangul);

    // The e-mails park got (assigned, then mentioned) are in English but for the guide's own words.
    const typeLabel = t.ctx.guides.defaultGuide().inquiryTypes.find((type) => type.number === 1)?.label ?? '';
    const parkMail = (await readOutbox(t.ctx)).filter((mail) => mail.toAddress === park.email);
    expect(parkMail.map((mail) => mail.subject)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('assigned to you'),
        expect.stringContaining('Mentioned in a comment'),
      ]),
    );
    for (const mail of parkMail) {
      expect(mail.subject.replace(typeLabel, '')).not.toMatch(hangul);
      expect(mail.text.replace(typeLabel, '')).not.toMatch(hangul);
    }
    // kim reads Korean (no preference saved): the assignment park hands back is told in Korean.
    const back = await send(park.headers, 'POST', `${url}/assign`, { assigneeId: kim.id });
    expect(back.statusCode, back.body).toBe(200);
    const kimMail = (await readOutbox(t.ctx)).filter((mail) => mail.toAddress === kim.email);
    expect(kimMail.some((mail) => mail.subject.includes('담당 배정'))).toBe(true);

    // A company's status and its contacts' roles.
    const company = {
      bizNo: '220-81-62517',
      name: 'Ieum Trading',
      contacts: [{ name: 'Min Kim', role: 'manager', phones: ['010-4444-5555'], emails: [] }],
    };
    const created = await send(admin, 'POST', '/api/v1/companies', company, english);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      statusLabel: 'Active',
      contacts: [{ role: 'manager', roleLabel: 'Account manager' }],
    });
    expect(created.body).not.toMatch(hangul);
    const companyUrl = '/api/v1/companies/2208162517';
    const companyKo = await send(admin, 'GET', companyUrl, undefined, korean);
    expect(companyKo.json()).toMatchObject({ statusLabel: '활성', contacts: [{ roleLabel: '관리책임자' }] });
    const companyEn = await send(admin, 'GET', companyUrl, undefined, english);
    expect(companyEn.headers['content-language']).toBe('en');
    expect(companyEn.headers.vary).toContain('Accept-Language');
    expect(companyEn.body).not.toMatch(hangul);
    const listed = await send(admin, 'GET', '/api/v1/companies?q=Ieum', undefined, english);
    expect(listed.json().items[0]).toMatchObject({ statusLabel: 'Active' });

    // The delivery the server refused to send to a private address, in each reader's language.
    await t.runJobs();
    const deliveries = async (language: Headers) =>
      (
        await send(
          admin,
          'GET',
          `/api/v1/webhook-deliveries?subscriptionId=${hook.json().id}`,
          undefined,
          language,
        )
      ).json().items;
    await expect.poll(async () => (await deliveries(korean))[0]?.status).toBe('failed');
    expect((await deliveries(korean))[0].lastError).toMatch(
      /^내부\(루프백·사설\) 주소로는 웹훅을 보내지 않습니다/,
    );
    const refusedEn = await send(admin, 'GET', '/api/v1/webhook-deliveries', undefined, english);
    expect(refusedEn.json().items[0].lastError).toMatch(/^Webhooks are not sent to internal/);
    expect(refusedEn.body).not.toMatch(hangul);
  });

  it('words why a brochure e-mail waits in the reader’s language (no SMTP server here)', async () => {
    const started = await send(agent, 'POST', '/api/v1/consultations', {
      channel: 'call',
      guideId: 'business-inquiry',
    });
    const collected = {
      companyName: 'Waiting Trading',
      contactName: '김민지',
      phone: '010-1234-5678',
      email: 'waiting@example.com',
    };
    const finished = await send(agent, 'POST', `/api/v1/consultations/${started.json().id}/finish`, {
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        ...collected,
        inquiry: '가입 소개서 요청',
        title: '[비즈니스] 비즈니스 가입 문의',
        body: 'ㄴ 기업명 : Waiting Trading',
      },
      collected,
    });
    expect(finished.statusCode, finished.body).toBe(200);
    const leadId: string = finished.json().lead.id;
    await t.runJobs();
    const brochure = async (language: Headers) =>
      (await send(agent, 'GET', `/api/v1/leads/${leadId}`, undefined, language)).json().brochure;
    await expect
      .poll(async () => (await brochure(korean)).lastError)
      .toBe('SMTP_URL이 설정되지 않아 발송 대기 중입니다.');
    expect(await brochure(english)).toMatchObject({
      status: 'queued',
      lastError: 'Waiting to be sent: SMTP_URL is not set.',
    });
    const email = await send(agent, 'GET', `/api/v1/leads/${leadId}/email`, undefined, english);
    expect(email.json().lastError).toBe('Waiting to be sent: SMTP_URL is not set.');
    const listed = await send(agent, 'GET', '/api/v1/leads', undefined, english);
    const item = listed.json().items.find((lead: { id: string }) => lead.id === leadId);
    expect(item.brochure.lastError).toBe('Waiting to be sent: SMTP_URL is not set.');
  });

  it('words a lead’s and its transfer’s statusLabel in the reader’s language, one by one and in lists', async () => {
    const started = await send(agent, 'POST', '/api/v1/consultations', {
      channel: 'call',
      guideId: 'business-inquiry',
    });
    const collected = {
      companyName: 'Label Trading',
      contactName: '박서준',
      phone: '010-8765-4321',
      email: 'labels@example.com',
    };
    const finished = await send(agent, 'POST', `/api/v1/consultations/${started.json().id}/finish`, {
      ...signUpLeadPath,
      record: {
        summary: '비즈니스 가입 문의',
        ...collected,
        inquiry: '가입 소개서 요청',
        title: '[비즈니스] 비즈니스 가입 문의',
        body: 'ㄴ 기업명 : Label Trading',
      },
      collected,
    });
    expect(finished.statusCode, finished.body).toBe(200);
    const { id: leadId, transferId } = finished.json().lead as { id: string; transferId: string };

    const labels = async (language: Headers) => {
      const read = async (url: string) => {
        const response = await send(admin, 'GET', url, undefined, language);
        expect(response.statusCode, response.body).toBe(200);
        return response.json();
      };
      const listed = async (url: string, id: string) =>
        (await read(url)).items.find((item: { id: string }) => item.id === id)?.statusLabel;
      return {
        lead: (await read(`/api/v1/leads/${leadId}`)).statusLabel,
        leads: await listed('/api/v1/leads?limit=100', leadId),
        transfer: (await read(`/api/v1/transfers/${transferId}`)).statusLabel,
        transfers: await listed('/api/v1/transfers?limit=100', transferId),
      };
    };
    expect(await labels(english)).toEqual({
      lead: 'New',
      leads: 'New',
      transfer: 'Received',
      transfers: 'Received',
    });
    expect(await labels(korean)).toEqual({
      lead: '신규',
      leads: '신규',
      transfer: '접수',
      transfers: '접수',
    });

    // A callback's outcome likewise: the queue shows the last one beside the status.
    const called = await send(admin, 'POST', `/api/v1/leads/${leadId}/callback-outcome`, {
      outcome: 'no-answer',
    });
    expect(called.statusCode, called.body).toBe(200);
    const outcomes = async (language: Headers) => {
      const lead = (await send(admin, 'GET', `/api/v1/leads/${leadId}`, undefined, language)).json();
      return [lead.lastOutcomeLabel, lead.callbacks?.[0]?.outcomeLabel];
    };
    expect(await outcomes(english)).toEqual(['No answer', 'No answer']);
    expect(await outcomes(korean)).toEqual(['부재중', '부재중']);
  });
});
