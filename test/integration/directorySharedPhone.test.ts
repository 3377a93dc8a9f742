import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bizNoFrom, toCsvText } from '../factories/directoryFiles.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

const nuri = bizNoFrom('120814752');
const other = bizNoFrom('220813456');
const phone = '010-2345-6789';

// Within a company a number is one person's: a CTI pop from it must have one contact to name
// (qa-report-4 L11). Another company may list the same person's number.
describe.each(testBackends())('one contact per phone in a company on $name', (backend) => {
  let t: TestApp;
  let backoffice: { headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    backoffice = await t.userWithToken('backoffice');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: backoffice.headers,
      payload: {
        bizNo: nuri,
        name: '누리테크',
        contacts: [{ name: '김민수', role: 'manager', phones: [phone] }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (method: 'POST' | 'PUT', url: string, payload: object, language: 'en' | 'ko' = 'ko') =>
    t.app.inject({ method, url, headers: { ...backoffice.headers, 'accept-language': language }, payload });
  const contactsUrl = `/api/v1/companies/${nuri}/contacts`;
  const contactCount = async () =>
    (await t.app.inject({ url: contactsUrl, headers: backoffice.headers })).json().length;

  it("refuses a new contact with another contact's number: 409 naming the holder as the directory shows them, at the phone", async () => {
    const body = { name: '박영', role: 'operator', phones: ['010-9999-0000', '01023456789'] };
    const english = await send('POST', contactsUrl, body, 'en');
    expect(english.statusCode).toBe(409);
    expect(english.json()).toMatchObject({
      code: 'conflict',
      detail:
        'Phone 2 is already the number of 김*수 (account manager) of this company: one number, one person',
      errors: [{ where: '/phones/1', message: 'a number another contact of this company has' }],
    });
    const korean = await send('POST', contactsUrl, body);
    expect(korean.statusCode).toBe(409);
    expect(korean.json().detail).toBe(
      '연락처 2번째 번호는 이미 이 기업의 관리책임자 김*수의 번호입니다 (한 번호에는 한 사람)',
    );
    expect(korean.json().errors[0].message).toBe('이 기업의 다른 담당자가 쓰는 번호');
    // Nothing written, and the number is in no answer and no log line.
    expect(await contactCount()).toBe(1);
    for (const text of [english.body, korean.body, ...t.log]) {
      expect(text).not.toContain('2345-6789');
      expect(text).not.toContain('23456789');
    }
  });

  it("refuses replacing a contact's phones with another's number, and keeps a contact's own number", async () => {
    const added = await send('POST', contactsUrl, {
      name: '박영',
      role: 'operator',
      phones: ['010-1111-2222'],
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id;
    const taken = await send('PUT', `${contactsUrl}/${id}`, {
      name: '박영',
      role: 'operator',
      phones: [phone],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].where).toBe('/phones/0');
    const kept = await send('PUT', `${contactsUrl}/${id}`, {
      name: '박영',
      role: 'operator',
      phones: ['010-1111-2222', '010-3333-4444'],
    });
    expect(kept.statusCode, kept.body).toBe(200);
    // A contact id the company lacks is still a 404, whatever its phones.
    const missing = await send('PUT', `${contactsUrl}/00000000-0000-4000-8000-000000000000`, {
      name: '박영',
      role: 'operator',
      phones: [phone],
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses two contacts of one request sharing a number (400 at the second), and allows the number at another company', async () => {
    const shared = await send(
      'PUT',
      `/api/v1/companies/${nuri}`,
      {
        name: '누리테크',
        contacts: [
          { name: '김민수', role: 'manager', phones: [phone] },
          { name: '박영', role: 'operator', phones: ['010-1111-2222', phone] },
        ],
      },
      'en',
    );
    expect(shared.statusCode).toBe(400);
    expect(shared.json().errors).toEqual([
      expect.objectContaining({
        where: '/contacts/1/phones/1',
        message: 'Phone 2 is also the number of contact 1 of this request: one number, one person',
      }),
    ]);
    const elsewhere = await send('POST', '/api/v1/companies', {
      bizNo: other,
      name: '하늘상사',
      contacts: [{ name: '김민수', role: 'manager', phones: [phone] }],
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });

  it('refuses the import row whose number an earlier row of the same company has, in Korean or English', async () => {
    const rows = [
      ['누리테크', nuri, '김민수', '관리책임자', phone, ''],
      ['누리테크', nuri, '박영', '운영담당자', `010-5555-6666, ${phone}`, ''],
      ['하늘상사', other, '김민수', '관리책임자', phone, ''],
    ];
    const importFile = (language: 'en' | 'ko') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/companies/import?dryRun=true',
        headers: { ...backoffice.headers, 'content-type': 'text/csv', 'accept-language': language },
        payload: toCsvText(rows),
      });
    const english = await importFile('en');
    expect(english.statusCode, english.body).toBe(200);
    expect(english.json().refused).toEqual([
      {
        line: 3,
        reason: "phone 2 is already the number of this company's contact on line 2 (one number, one person)",
      },
    ]);
    const korean = await importFile('ko');
    expect(korean.json().refused).toEqual([
      { line: 3, reason: '연락처 2번째 번호는 같은 기업의 2행 담당자의 번호입니다 (한 번호에는 한 사람)' },
    ]);
  });
});
