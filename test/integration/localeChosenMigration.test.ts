import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { userRepository } from '../../src/server/repositories/userRepository.ts';
import { migrationsBefore, upgradeBackends } from '../helpers/migrationUpgrade.ts';

// Accounts as the release before left them: one on the default Korean, one that chose English.
const oldRows = `
  insert into users (id, email, name, role, locale) values
    ('00000000-0000-4000-8000-000000000001', 'kim@ieum.test', '김상담', 'agent', 'ko'),
    ('00000000-0000-4000-8000-000000000002', 'lee@ieum.test', '이상담', 'agent', 'en');
`;

describe.each(upgradeBackends(oldRows))(
  'migration account_locale_chosen on existing data, $name',
  (backend) => {
    const folder = migrationsBefore('_account_locale_chosen');
    afterAll(() => folder.remove());

    it('counts every existing account as having chosen its language, so no sign-in switches it; a new account has not', async () => {
      const upgraded = await backend.upgrade(folder.dir);
      try {
        const db = upgraded.database.db;
        const chosen = () =>
          queryRows(
            db,
            sql`select email, locale, locale_chosen_at is not null as chosen from users order by email`,
            z.object({ email: z.string(), locale: z.string(), chosen: z.boolean() }),
          );
        expect(await chosen()).toEqual([
          { email: 'kim@ieum.test', locale: 'ko', chosen: true },
          { email: 'lee@ieum.test', locale: 'en', chosen: true },
        ]);
        const kim = '00000000-0000-4000-8000-000000000001';
        expect(await userRepository.setLocaleIfUnchosen(db, kim, 'en', new Date())).toBeUndefined();
        await userRepository.insert(db, {
          email: 'new@ieum.test',
          name: '신규',
          role: 'agent',
          passwordHash: null,
        });
        expect((await chosen()).find((row) => row.email === 'new@ieum.test')).toEqual({
          email: 'new@ieum.test',
          locale: 'ko',
          chosen: false,
        });
      } finally {
        await upgraded.close();
      }
    });
  },
);
