import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

/**
 * A transfer filed at the very moment its rotation's next member is disabled. PGlite runs one
 * transaction at a time, so there the two can only follow each other and never race: the race is
 * played on PostgreSQL, in a fixed order — another transaction holds the row of the leaver's open
 * transfer, so the disable stops mid-way (after writing the disable, while locking what it hands
 * over), the filing starts then, and the held row is let go.
 */
describe.each(testBackends())('disabling someone while a transfer is filed for them on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  const inject = (user: User, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
  const file = (company: string) =>
    inject(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      companyName: company,
      contactName: '홍길동',
      phone: '010-1234-5678',
      inquiry: '정산 내역 확인 요청',
    });
  /** Sessions of this test's database waiting for a lock another holds. */
  const waitingForLocks = async (): Promise<number> => {
    const result = await t.ctx.database.db.execute(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    );
    const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
    return rows[0]?.n ?? 0;
  };

  /**
   * Two business-team members in type 1's rotation, the leaver first, each given one transfer: the
   * next transfer of type 1 is the leaver's turn. Returns them and the leaver's transfer.
   */
  async function rotationOfTwo(): Promise<{ leaver: User; stayer: User; heldId: string }> {
    const leaver = await t.userWithToken('backoffice');
    const stayer = await t.userWithToken('backoffice');
    const saved = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [
        {
          inquiryType: 1,
          sla: { kind: 'next-business-day', time: '12:00' },
          assignees: [leaver, stayer].map((member) => ({ userId: member.id, onDuty: true })),
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const held = (await file('선행상사')).json();
    expect(held.assignee?.id).toBe(leaver.id);
    expect((await file('중간상사')).json().assignee?.id).toBe(stayer.id);
    return { leaver, stayer, heldId: held.id };
  }

  /** Another transaction holding rows (`lock` locks them) until `letGo` is called. */
  async function holdRows(lock: ReturnType<typeof sql>): Promise<{ letGo: () => Promise<void> }> {
    let release = () => {};
    const holding = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = () => {};
    const rowsHeld = new Promise<void>((resolve) => {
      held = resolve;
    });
    const holder = t.ctx.database.db.transaction(async (tx) => {
      await tx.execute(lock);
      held();
      await holding;
    });
    await rowsHeld;
    return {
      letGo: async () => {
        release();
        await holder;
      },
    };
  }

  const disable = (leaver: User) =>
    inject(admin, 'PATCH', `/api/v1/users/${leaver.id}`, { disabled: true, openItems: 'rotation' });

  it.skipIf(backend.name === 'pglite' /* PostgreSQL only: the race needs two transactions at once */)(
    'files it before the disable (which hands it over) or after (skipping the leaver), never to the leaver',
    async () => {
      const { leaver, stayer, heldId } = await rotationOfTwo();
      // The disable stops while locking the transfers it hands over: after writing the disable.
      const holder = await holdRows(sql`select id from transfers where id = ${heldId}::uuid for update`);
      const disabling = disable(leaver);
      await expect.poll(waitingForLocks, { timeout: 10_000 }).toBe(1);
      // The disable has written itself and waits; the filing comes now. It may finish at once only
      // by reading the rotation from before the disable — the bug — so it is let run until it
      // either finishes or waits too.
      let filedAnswer: Awaited<ReturnType<typeof file>> | null = null;
      const filing = file('동시상사').then((answer) => {
        filedAnswer = answer;
        return answer;
      });
      await expect
        .poll(async () => filedAnswer !== null || (await waitingForLocks()) === 2, { timeout: 10_000 })
        .toBe(true);
      await holder.letGo();
      const [disabled, filed] = await Promise.all([disabling, filing]);
      expect(disabled.statusCode, disabled.body).toBe(200);
      expect(filed.statusCode, filed.body).toBe(201);
      expect(filed.json().assignee?.id).toBe(stayer.id);
      // It came after the disable: only the transfer held before it was handed over.
      expect(disabled.json().openItemsMoved).toEqual({
        transfers: 1,
        leads: 0,
        reassigned: 1,
        unassigned: 0,
      });
      const left = await inject(admin, 'GET', `/api/v1/users/${leaver.id}/open-items`);
      expect(left.json()).toMatchObject({ transfers: 0, leads: 0 });
    },
  );

  it.skipIf(backend.name === 'pglite' /* PostgreSQL only: the race needs two transactions at once */)(
    'hands over a transfer the rotation gave the leaver just before the disable, with the rest',
    async () => {
      const { leaver } = await rotationOfTwo();
      // The filing stops while numbering the transfer: after its rotation gave it to the leaver.
      const year = new Date(t.ctx.now()).getFullYear();
      const holder = await holdRows(sql`select last from transfer_counters where year = ${year} for update`);
      const filing = file('동시상사');
      await expect.poll(waitingForLocks, { timeout: 10_000 }).toBe(1);
      // The disable comes now. It may finish at once only by not waiting for the filing — the bug.
      let disabledAnswer: Awaited<ReturnType<typeof disable>> | null = null;
      const disabling = disable(leaver).then((answer) => {
        disabledAnswer = answer;
        return answer;
      });
      await expect
        .poll(async () => disabledAnswer !== null || (await waitingForLocks()) === 2, { timeout: 10_000 })
        .toBe(true);
      await holder.letGo();
      const [filed, disabled] = await Promise.all([filing, disabling]);
      expect(filed.statusCode, filed.body).toBe(201);
      expect(disabled.statusCode, disabled.body).toBe(200);
      // Filed first, to the leaver in turn; the disable waited for it and handed it over too.
      expect(filed.json().assignee?.id).toBe(leaver.id);
      expect(disabled.json().openItemsMoved).toEqual({
        transfers: 2,
        leads: 0,
        reassigned: 2,
        unassigned: 0,
      });
      const left = await inject(admin, 'GET', `/api/v1/users/${leaver.id}/open-items`);
      expect(left.json()).toMatchObject({ transfers: 0, leads: 0 });
    },
  );
});
