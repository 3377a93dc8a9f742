import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src/server/createLogger.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { assignDefaultGuide } from '../../src/server/services/guides/assignDefaultGuide.ts';
import { loadGuideCatalog } from '../../src/server/services/guides/loadGuideCatalog.ts';
import { migrationsBefore, upgradeBackends } from '../helpers/migrationUpgrade.ts';

// Rows as the release before this one wrote them: a transfer and its lead from a consultation
// (on another guide id than the default, to tell the two back-fills apart), a transfer filed on
// its own, and the settings and rotation of an inquiry type.
const oldRows = `
  insert into users (id, email, name, role) values ('00000000-0000-4000-8000-000000000001', 'kim@ieum.test', '김', 'backoffice');
  insert into consultations (id, agent_id, channel, guide_id, guide_version, status)
    values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'chat', 'older-guide', 'v1', 'completed');
  insert into transfers (id, number, kind, consultation_id, inquiry_type, channel, inquiry, filed_by, due_at)
    values ('00000000-0000-4000-8000-000000000003', 'T-2026-000001', 'lead', '00000000-0000-4000-8000-000000000002', 6, 'chat', 'x',
            '00000000-0000-4000-8000-000000000001', now()),
           ('00000000-0000-4000-8000-000000000004', 'T-2026-000002', 'transfer', null, 3, 'call', 'y',
            '00000000-0000-4000-8000-000000000001', now());
  insert into leads (id, transfer_id, consultation_id, company_name, contact_name, phone, email, guide_version, filed_by, retention_ends_at)
    values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000003', null, '이음', 'c', 'p', 'e', 'v1',
            '00000000-0000-4000-8000-000000000001', now());
  insert into transfer_type_settings (inquiry_type, sla_kind, sla_minutes) values (3, 'business-minutes', 30);
  insert into transfer_assignees (inquiry_type, user_id, position) values (3, '00000000-0000-4000-8000-000000000001', 0);
`;

const backends = upgradeBackends(oldRows);

describe.each(backends)('migration guide_data (guide ids) on existing data, $name', (backend) => {
  const folder = migrationsBefore('_guide_data');
  afterAll(() => folder.remove());

  it('back-fills transfers and leads from their consultation, the rest and the settings with the default guide', async () => {
    const upgraded = await backend.upgrade(folder.dir);
    try {
      const { db } = upgraded.database;
      const guideIds = z.object({ guide_id: z.string() });
      const read = (query: string) => queryRows(db, sql.raw(query), guideIds);
      // Until the server starts, rows not traceable to a consultation wait unassigned.
      expect(await read(`select guide_id from transfers order by number`)).toEqual([
        { guide_id: 'older-guide' },
        { guide_id: '' },
      ]);
      const guides = await loadGuideCatalog('content/guides');
      const assigned = await assignDefaultGuide(upgraded.database, guides, createLogger('silent'));
      expect(assigned).toBe(3);
      expect(await read(`select guide_id from transfers order by number`)).toEqual([
        { guide_id: 'older-guide' },
        { guide_id: 'business-inquiry' },
      ]);
      expect(await read(`select guide_id from leads`)).toEqual([{ guide_id: 'older-guide' }]);
      expect(await read(`select guide_id from transfer_type_settings`)).toEqual([
        { guide_id: 'business-inquiry' },
      ]);
      expect(await read(`select guide_id from transfer_assignees`)).toEqual([
        { guide_id: 'business-inquiry' },
      ]);
      // A second start finds nothing left to assign.
      expect(await assignDefaultGuide(upgraded.database, guides, createLogger('silent'))).toBe(0);
    } finally {
      await upgraded.close();
    }
  });
});
