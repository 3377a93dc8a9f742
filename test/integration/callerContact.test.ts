import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsultationListSchema } from '../../src/contract/consultations/openConsultationListSchema.ts';
import { startedConsultationSchema } from '../../src/contract/consultations/startedConsultationSchema.ts';
import { companyRepository } from '../../src/server/repositories/companyRepository.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

// QA-9 M1: the pop knew the caller ("등록된 관리책임자 · 김*수 · (주)누리테크") and the record made
// the agent type the company again. The start and the open list carry who the directory says the
// caller is, for the record to start from — the name masked, as agents see the directory.
describe.each(testBackends())('the caller by the directory, for the record on $name', (backend) => {
  let t: TestApp;
  let agent: { id: string; headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    const { db } = t.ctx.database;
    const now = t.ctx.now();
    const nuri = await companyRepository.insert(
      db,
      { bizNo: '1208147521', name: '(주)누리테크', status: 'active' },
      now,
    );
    const hanbit = await companyRepository.insert(
      db,
      { bizNo: '1208147574', name: '한빛물류', status: 'active' },
      now,
    );
    const old = await companyRepository.insert(
      db,
      { bizNo: '2208162517', name: '옛상사', status: 'inactive' },
      now,
    );
    await companyRepository.insertContacts(
      db,
      t.ctx.fieldCodec,
      [
        { companyId: nuri.id, name: '김민수', role: 'manager', phones: ['010-2345-6789'], emails: [] },
        // One office number for two people of one company.
        { companyId: nuri.id, name: '이영희', role: 'operator', phones: ['02-312-3456'], emails: [] },
        { companyId: nuri.id, name: '박철수', role: 'operator', phones: ['02-312-3456'], emails: [] },
        // One number at two companies: no guess.
        { companyId: nuri.id, name: '정미나', role: 'operator', phones: ['010-5555-6666'], emails: [] },
        { companyId: hanbit.id, name: '정미나', role: 'manager', phones: ['010-5555-6666'], emails: [] },
        // An ended account's contact is not registered.
        { companyId: old.id, name: '최옛날', role: 'manager', phones: ['010-7777-0000'], emails: [] },
      ],
      now,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  async function start(callerNumber?: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', ...(callerNumber ? { callerNumber } : {}) },
    });
    expect(response.statusCode, response.body).toBe(201);
    return startedConsultationSchema.parse(response.json());
  }

  it('names the company and the masked contact when one contact of an active account lists the number', async () => {
    const started = await start('+82 10 2345 6789');
    expect(started.callerContact).toEqual({ companyName: '(주)누리테크', contactName: '김*수' });
    const open = openConsultationListSchema.parse(
      (await t.app.inject({ url: '/api/v1/consultations/open', headers: agent.headers })).json(),
    );
    const item = open.items.find((candidate) => candidate.consultation.id === started.id);
    expect(item?.callerContact).toEqual({ companyName: '(주)누리테크', contactName: '김*수' });
    // Nothing of the directory in clear anywhere in the answers.
    expect(JSON.stringify(open)).not.toContain('김민수');
  });

  it('names the company alone when several of its contacts share the number', async () => {
    expect((await start('02-312-3456')).callerContact).toEqual({
      companyName: '(주)누리테크',
      contactName: null,
    });
  });

  it('names nobody for a number of two companies, of an ended account, an unknown number or none', async () => {
    for (const number of ['010-5555-6666', '010-7777-0000', '010-9999-0000', undefined]) {
      expect((await start(number)).callerContact, String(number)).toBeNull();
    }
  });
});
