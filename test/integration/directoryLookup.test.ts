import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { companyRepository } from '../../src/server/repositories/companyRepository.ts';
import { findRegisteredContactsByPhone } from '../../src/server/services/companies/findRegisteredContactsByPhone.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

describe.each(testBackends())('directory lookup by phone on $name', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    const { db } = t.ctx.database;
    const now = t.ctx.now();
    const nuri = await companyRepository.insert(
      db,
      { bizNo: '1208147521', name: '(주)누리테크', status: 'active' },
      now,
    );
    const old = await companyRepository.insert(
      db,
      { bizNo: '1208147574', name: '옛상사', status: 'inactive' },
      now,
    );
    await companyRepository.insertContacts(
      t.ctx.database.db,
      t.ctx.fieldCodec,
      [
        {
          companyId: nuri.id,
          name: '김민수',
          role: 'manager',
          phones: ['010-2345-6789', '02-312-3456'],
          emails: ['ms.kim@nuri.example'],
        },
        { companyId: nuri.id, name: '이영희', role: 'operator', phones: ['010-3456-7890'], emails: [] },
        // The same number registered at an inactive account too (people move).
        { companyId: old.id, name: '김민수', role: 'operator', phones: ['01023456789'], emails: [] },
      ],
      now,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds every registered contact for a number typed in any format, active companies and 관리책임자 first', async () => {
    for (const typed of ['010-2345-6789', '+82 10 2345 6789', '01023456789', '０１０-２３４５-６７８９']) {
      const found = await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, typed);
      expect(
        found.map(({ company, contact }) => [
          company.bizNo,
          company.name,
          company.status,
          contact.name,
          contact.role,
        ]),
      ).toEqual([
        ['1208147521', '(주)누리테크', 'active', '김민수', 'manager'],
        ['1208147574', '옛상사', 'inactive', '김민수', 'operator'],
      ]);
      expect(found[0]?.contact.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('finds a contact by a landline among several phones', async () => {
    const found = await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, '(02) 312-3456');
    expect(found.map((match) => match.contact.name)).toEqual(['김민수']);
  });

  it('answers an empty list for an unregistered or invalid number', async () => {
    expect(await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, '010-9999-0000')).toEqual(
      [],
    );
    expect(await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, 'not a number')).toEqual(
      [],
    );
    expect(await findRegisteredContactsByPhone(t.ctx.database.db, t.ctx.fieldCodec, '')).toEqual([]);
  });

  it('keeps names, phones and e-mails sealed at rest', async () => {
    const rows = await queryRows(
      t.ctx.database.db,
      sql`select name, phones, emails, coalesce(contact_index, '{}') as index from company_contacts`,
      z.object({ name: z.string(), phones: z.string(), emails: z.string(), index: z.array(z.string()) }),
    );
    expect(rows.length).toBeGreaterThan(0);
    // Checked by form, not by looking for fragments such as '2345': those turn up by chance inside
    // random ciphertext and hashes. Each value is one sealed token (or empty), the index only hashes.
    const sealed = /^enc:v1:[0-9a-f]+:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;
    for (const row of rows) {
      expect(row.name).toMatch(sealed);
      for (const value of [row.phones, row.emails]) if (value !== '') expect(value).toMatch(sealed);
      for (const hash of row.index) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(rows.some((row) => row.phones !== '' && row.emails !== '')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/김민수|이영희|nuri\.example/);
  });
});
