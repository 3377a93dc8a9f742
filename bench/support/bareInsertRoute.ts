import { sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { requirePermission } from '../../src/server/plugins/authentication.ts';
import type { ExtraRoutes } from '../../src/server/startServer.ts';

/** Where the baseline endpoint answers (POST, `{ body }`, 201 `{ id }`). */
export const BARE_INSERT_PATH = '/api/v1/bench/insert';

/**
 * The baseline the finish benches compare against: the same authentication, validation and
 * serialisation as any endpoint, and one INSERT … RETURNING of a single row.
 */
export const bareInsertRoute: ExtraRoutes = async (app, ctx) => {
  await ctx.database.db.execute(
    sql`create table bench_rows (id uuid primary key default gen_random_uuid(), body text not null, created_at timestamptz not null default now())`,
  );
  app.withTypeProvider<ZodTypeProvider>().post(
    BARE_INSERT_PATH,
    {
      schema: {
        body: z.object({ body: z.string().max(4000) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'consultation:create');
      const rows = await queryRows(
        ctx.database.db,
        sql`insert into bench_rows (body) values (${request.body.body}) returning id`,
        z.object({ id: z.string() }),
      );
      return reply.code(201).send({ id: rows[0]?.id ?? '' });
    },
  );
};
