import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies, companyContacts } from '../../src/server/db/directorySchema.ts';
import { findRegisteredContactsByPhone } from '../../src/server/services/companies/findRegisteredContactsByPhone.ts';
import {
  badChecksum,
  bizNoFrom,
  toCp949Csv,
  toCsvText,
  toUtf8BomCsv,
  toXlsx,
} from '../factories/directoryFiles.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const nuri = bizNoFrom('120814752'); // 120-81-47521
const haneul = bizNoFrom('220813456');
const bada = bizNoFrom('314862001');

describe.each(testBackends())('business directory on $name', (backend) => {
  let t: TestApp;
  let agent: { headers: Headers };
  let backoffice: { headers: Headers };
  let admin: { headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const importFile = (
    body: Buffer | string,
    contentType: string,
    dryRun: boolean,
    headers: Record<string, string> = backoffice.headers,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/import?dryRun=${dryRun}`,
      headers: { ...headers, 'content-type': contentType },
      payload: body,
    });
  const counts = async () => {
    const db = t.ctx.database.db;
    const [c] = await db.select({ n: count() }).from(companies);
    const [k] = await db.select({ n: count() }).from(companyContacts);
    return { companies: c?.n ?? 0, contacts: k?.n ?? 0 };
  };

  it('registers a company with contacts, masked for everyone, and refuses a bad number or phone by field', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: admin.headers,
      payload: {
        bizNo: nuri,
        name: '(주)누리테크',
        contacts: [
          {
            name: '김민수',
            role: 'manager',
            phones: ['01023456789', '02-312-3456'],
            emails: ['MS.Kim@Nuri.example'],
          },
          { name: '이영희', role: 'operator', phones: ['010-3456-7890'] },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      bizNo: '1208147521',
      bizNoDisplay: '120-81-47521',
      name: '(주)누리테크',
      status: 'active',
      contacts: [
        {
          name: '김*수',
          role: 'manager',
          roleLabel: '관리책임자',
          phones: ['010-****-6789', '02-***-3456'],
          masked: true,
        },
        { name: '이*희', role: 'operator', roleLabel: '운영담당자', phones: ['010-****-7890'], emails: [] },
      ],
    });
    // The number whole: four digits alone turn up in the ids now and then.
    expect(JSON.stringify(created.json())).not.toMatch(/민|2345-?6789|MS\.Kim/);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: admin.headers,
      payload: { bizNo: nuri, name: 'x' },
    });
    expect(again.statusCode).toBe(409);

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: admin.headers,
      payload: {
        bizNo: badChecksum(haneul),
        name: '하늘',
        contacts: [{ name: '박', role: 'manager', phones: ['1644-7391', '12'] }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ where: '/bizNo', message: expect.stringContaining('사업자등록번호') }),
    ]);

    const badPhone = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: admin.headers,
      payload: {
        bizNo: haneul,
        name: '하늘',
        contacts: [{ name: '박', role: 'manager', phones: ['1644-7391', '12'], emails: ['nope'] }],
      },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors.map((error: { where: string }) => error.where)).toEqual([
      '/contacts/0/phones/0',
      '/contacts/0/phones/1',
      '/contacts/0/emails/0',
    ]);
    expect(
      (await t.app.inject({ url: `/api/v1/companies/${haneul}`, headers: agent.headers })).statusCode,
    ).toBe(404);

    const forbidden = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: agent.headers,
      payload: { bizNo: haneul, name: '하늘' },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('searches by company name part, 초성, number start, phone, e-mail, and a contact’s whole name or 초성', async () => {
    const search = async (q: string) => {
      const page = await t.app.inject({
        url: `/api/v1/companies?q=${encodeURIComponent(q)}`,
        headers: agent.headers,
      });
      expect(page.statusCode, `${q} ${t.log.slice(-2).join('\n')}`).toBe(200);
      return page.json().items.map((item: { bizNo: string }) => item.bizNo);
    };
    for (const q of [
      '누리',
      '누리 테크',
      'ㄴㄹㅌ',
      '120-81',
      '1208147521',
      '010-2345-6789',
      '+82 2 312 3456',
      'ms.kim@nuri.example',
      '김민수',
      '김 민수',
      'ㄱㅁㅅ',
    ]) {
      expect(await search(q), q).toEqual(['1208147521']);
    }
    for (const q of ['민수', '010-2345-6780', '하늘', 'ㅎㄴ']) expect(await search(q), q).toEqual([]);
  });

  it('reveals a contact only to a permitted role with a reason, in the access log', async () => {
    const company = (await t.app.inject({ url: `/api/v1/companies/${nuri}`, headers: agent.headers })).json();
    const id = company.contacts[0].id;
    const url = `/api/v1/companies/${nuri}/contacts/${id}/reveal`;
    expect(
      (await t.app.inject({ method: 'POST', url, headers: agent.headers, payload: { reason: '본인 확인' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url, headers: backoffice.headers, payload: {} })).statusCode,
    ).toBe(400);
    const revealed = await t.app.inject({
      method: 'POST',
      url,
      headers: backoffice.headers,
      payload: { reason: '계약 갱신 안내 전화' },
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({
      contactId: id,
      name: '김민수',
      phones: ['010-2345-6789', '02-312-3456'],
      emails: ['MS.Kim@nuri.example'],
    });
    const log = (await t.app.inject({ url: '/api/v1/access-log?limit=20', headers: admin.headers })).json();
    expect(
      log.items.map((entry: { action: string; subject: string }) => `${entry.action} ${entry.subject}`),
    ).toContain(`personal-data.reveal company-contact:${id}`);
    expect(t.log.join('\n')).not.toMatch(/김민수|2345-6789|MS\.Kim/);
  });

  it('upserts by PUT idempotently, keeping the ids of contacts with the same name and role', async () => {
    const before = (await t.app.inject({ url: `/api/v1/companies/${nuri}`, headers: agent.headers })).json();
    const body = {
      name: '(주)누리테크',
      status: 'active',
      contacts: [
        { name: '김 민수', role: 'manager', phones: ['010-2345-6789'], emails: [] },
        { name: '정하나', role: 'operator', phones: ['010-5555-6666'], emails: [] },
      ],
    };
    const first = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/companies/${nuri}`,
      headers: backoffice.headers,
      payload: body,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/companies/120-81-47521`,
      headers: backoffice.headers,
      payload: body,
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().contacts).toEqual(first.json().contacts);
    // Stored as written this time ('김 민수'), still the same contact.
    expect(first.json().contacts.map((contact: { name: string }) => contact.name)).toEqual([
      '김**수',
      '정*나',
    ]);
    expect(first.json().contacts[0].id).toBe(before.contacts[0].id);

    const created = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/companies/${haneul}`,
      headers: backoffice.headers,
      payload: { name: '하늘물산', status: 'inactive' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'inactive', statusLabel: '비활성', contacts: [] });
    expect(created.json().inactiveSince).not.toBeNull();
  });

  it('adds, replaces and removes a contact under a company', async () => {
    const url = `/api/v1/companies/${haneul}/contacts`;
    const added = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: { name: '오세훈', role: 'manager', phones: ['070-1234-5678'] },
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id;
    const replaced = await t.app.inject({
      method: 'PUT',
      url: `${url}/${id}`,
      headers: admin.headers,
      payload: { name: '오세훈', role: 'operator', phones: ['010-7777-8888'], emails: ['oh@haneul.example'] },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      id,
      role: 'operator',
      phones: ['010-****-8888'],
      emails: ['o***@haneul.example'],
    });
    expect(
      (await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, '010-7777-8888')).map(
        (m) => m.contact.id,
      ),
    ).toEqual([id]);
    expect(await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, '070-1234-5678')).toEqual(
      [],
    );
    const list = await t.app.inject({ url, headers: agent.headers });
    expect(list.json().map((contact: { id: string }) => contact.id)).toEqual([id]);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `${url}/${id}`, headers: admin.headers })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `${url}/${id}`, headers: admin.headers })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/companies/${haneul}`, headers: agent.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/companies/${haneul}`, headers: admin.headers }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ url: `/api/v1/companies/${haneul}`, headers: admin.headers })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/companies/12345', headers: admin.headers })).statusCode).toBe(
      400,
    );
  });

  const goodRows = [
    ['(주)누리테크', nuri, '김민수', '관리책임자', '010-2345-6789', 'ms.kim@nuri.example'],
    ['(주)누리테크', nuri, '한지민', '운영담당자', '010-1212-3434, 02-312-3456', ''],
    ['바다상사', bada, '최바다', '관리책임자', '010-9090-8080', 'sea@bada.example'],
  ];

  it('imports a CP949 CSV: a dry run reports and writes nothing; the import upserts and replaces contacts', async () => {
    const before = await counts();
    const dry = await importFile(toCp949Csv(goodRows), 'text/csv', true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      dryRun: true,
      imported: false,
      encoding: 'cp949',
      rows: 3,
      accepted: 3,
      refused: [],
      companies: { created: 1, updated: 1 },
      contacts: { written: 0, removed: 0 },
    });
    expect(await counts()).toEqual(before);

    const kimBefore = await findRegisteredContactsByPhone(
      t.ctx.database.db,
      t.ctx.fieldCodec,
      '010-2345-6789',
    );
    const done = await importFile(toCp949Csv(goodRows), 'text/csv; charset=cp949', false);
    expect(done.statusCode, done.body).toBe(200);
    // 누리테크 had 김민수 (kept) and 정하나 (no longer in the file: removed).
    expect(done.json()).toMatchObject({
      imported: true,
      accepted: 3,
      companies: { created: 1, updated: 1 },
      contacts: { written: 3, removed: 1 },
    });
    const kimAfter = await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, '01023456789');
    expect(kimAfter.map((m) => m.contact.id)).toEqual(kimBefore.map((m) => m.contact.id));
    expect(await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, '010-1212-3434')).toEqual(
      [
        {
          company: expect.objectContaining({ name: '(주)누리테크', bizNo: '1208147521', status: 'active' }),
          contact: expect.objectContaining({ name: '한지민', role: 'operator' }),
        },
      ],
    );
    expect(await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, '010-5555-6666')).toEqual(
      [],
    );
    const log = (
      await t.app.inject({ url: '/api/v1/access-log?action=directory.import', headers: admin.headers })
    ).json();
    expect(log.items).toHaveLength(1);
  });

  it('imports UTF-8 with and without a BOM, and XLSX, to the same state', async () => {
    const state = async () =>
      (await t.app.inject({ url: '/api/v1/companies?limit=100', headers: agent.headers })).json().items;
    const reference = await state();
    for (const [body, type, encoding] of [
      [toUtf8BomCsv(goodRows), 'text/csv', 'utf-8'],
      [Buffer.from(toCsvText(goodRows), 'utf8'), 'text/csv', 'utf-8'],
      [await toXlsx(goodRows), XLSX, 'xlsx'],
    ] as const) {
      const done = await importFile(body, type, false);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({
        imported: true,
        encoding,
        accepted: 3,
        refused: [],
        companies: { created: 0, updated: 2 },
        contacts: { written: 3, removed: 0 },
      });
      expect(await state()).toEqual(
        reference.map((item: Record<string, unknown>) => ({
          ...item,
          updatedAt: expect.any(String),
          contacts: expect.any(Array),
        })),
      );
    }
  });

  const badRows = [
    ['새회사', bizNoFrom('555550001'), '가나다', '관리책임자', '010-4444-0001', ''],
    ['새회사', badChecksum(bizNoFrom('555550002')), '라마바', '관리책임자', '010-4444-0002', ''],
    ['새회사2', bizNoFrom('555550003'), '사아자', '팀장', '010-4444-0003', ''],
    ['새회사3', bizNoFrom('555550004'), '차카타', '운영담당자', '02-12', ''],
    ['', bizNoFrom('555550005'), '파하', '운영담당자', '010-4444-0005', ''],
    ['딴이름', bizNoFrom('555550001'), '거너더', '운영담당자', '010-4444-0006', ''],
  ];

  it.each([
    ['CP949 CSV', async () => toCp949Csv(badRows), 'text/csv'],
    ['XLSX', async () => toXlsx(badRows), XLSX],
  ])(
    'refuses a %s with bad rows as a whole, naming every bad line (dry run the same)',
    async (_name, build, type) => {
      const before = await counts();
      const body = await build();
      const dry = await importFile(body, type, true);
      expect(dry.statusCode).toBe(200);
      const expected = [
        { line: 3, reason: '사업자등록번호의 검증번호가 맞지 않습니다 (번호를 다시 확인해 주세요)' },
        { line: 4, reason: '담당자 구분은 관리책임자 또는 운영담당자입니다' },
        { line: 5, reason: '연락처 1번째 번호의 형식이 올바르지 않습니다 (예: 010-1234-5678)' },
        { line: 6, reason: '기업명 값이 비어 있습니다' },
        { line: 7, reason: '같은 사업자등록번호의 기업명이 2행과 다릅니다' },
      ];
      expect(dry.json()).toMatchObject({
        dryRun: true,
        imported: false,
        rows: 6,
        accepted: 1,
        refused: expected,
      });

      const refused = await importFile(body, type, false);
      expect(refused.statusCode).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({
        code: 'import-refused',
        imported: false,
        accepted: 1,
        refused: expected,
        errors: expected.map((entry) => ({ where: `/line/${entry.line}`, message: entry.reason })),
      });
      expect(await counts()).toEqual(before);

      const english = await importFile(body, type, true, {
        ...backoffice.headers,
        'accept-language': 'en-US,en;q=0.9,ko;q=0.5',
      });
      expect(english.json().refused[0]).toEqual({
        line: 3,
        reason: 'business registration number has a wrong check digit',
      });
    },
  );

  it('answers 4xx problem+json for unreadable files, missing columns, wrong media types and roles', async () => {
    const problem = async (response: Awaited<ReturnType<typeof importFile>>, status: number) => {
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      return response.json();
    };
    expect(
      (await problem(await importFile('기업명,연락처\r\n누리,010-1234-5678\r\n', 'text/csv', true), 400))
        .detail,
    ).toContain('사업자등록번호, 담당자 이름, 담당자 구분');
    await problem(await importFile('', 'text/csv', true), 400);
    await problem(await importFile('"기업명,사업자등록번호\r\n', 'text/csv', true), 400);
    await problem(await importFile(Buffer.from('not a zip'), XLSX, true), 400);
    await problem(await importFile('{"a":1}', 'application/json', true), 400);
    await problem(await importFile(toCsvText(goodRows), 'text/csv', true, agent.headers), 403);
    const badQuery = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies/import?dryRun=maybe',
      headers: { ...backoffice.headers, 'content-type': 'text/csv' },
      payload: toCsvText(goodRows),
    });
    await problem(badQuery, 400);
  });

  it('shows a registered contact masked in a data-subject search, in clear in the export, and erases it on a delete, keeping the company', async () => {
    const phone = '010-9090-8080'; // 최바다 of 바다상사, imported above
    // The search before the export shows the registration masked, the company as it is.
    const found = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/find',
      headers: admin.headers,
      payload: { phone, reason: '정보주체 열람 요청' },
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().directoryContacts).toEqual([
      expect.objectContaining({
        company: { bizNo: bada.replace(/-/g, ''), name: '바다상사' },
        name: '최*다',
        role: 'manager',
        phones: ['010-****-8080'],
      }),
    ]);
    expect(found.body).not.toContain('최바다');
    expect(found.body).not.toContain('sea@bada.example');
    const exported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/export',
      headers: admin.headers,
      payload: { phone, reason: '정보주체 열람 요청' },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().directoryContacts).toEqual([
      expect.objectContaining({
        company: { bizNo: bada.replace(/-/g, ''), name: '바다상사' },
        name: '최바다',
        role: 'manager',
        phones: [phone],
        emails: ['sea@bada.example'],
      }),
    ]);
    const deleted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data-subjects/delete',
      headers: admin.headers,
      payload: { phone: '01090908080', reason: '정보주체 삭제 요청' },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, phone)).toEqual([]);
    const company = await t.app.inject({ url: `/api/v1/companies/${bada}`, headers: admin.headers });
    expect(company.statusCode).toBe(200);
    expect(company.json().contacts).toEqual([]);
  });
});
