/**
 * Business directory import (issue 11): 10,000 registered contacts from a CP949 CSV, as Korean
 * offices export them, through the real endpoint over loopback HTTP.
 *
 *   node bench/directoryImport.bench.ts                   PGlite, then PostgreSQL when available
 *   --database-url URL    PostgreSQL admin URL (default IEUM_BENCH_DATABASE_URL, else a throwaway
 *                         cluster when the server binaries are installed)
 *   --only pglite|postgres    --contacts N (default 10000)
 *
 * Prints, for a dry run, the first import (all new) and a re-import (every contact matched and
 * replaced): the time, rows/s and the ratio to the 10 s acceptance budget; and as a baseline
 * measured in the same run, plain batched INSERTs of the same number of rows into a scratch
 * table (no decoding, checking, sealing or indexing), to show what the import adds.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { manyContactRows, toCp949Csv } from '../test/factories/directoryFiles.ts';
import { resolveBenchPostgres } from './support/resolveBenchPostgres.ts';
import { startBenchServer } from './support/startBenchServer.ts';

const BUDGET_MS = 10_000;

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    only: { type: 'string' },
    contacts: { type: 'string', default: '10000' },
  },
});
const contactCount = Number(options.contacts);
const rows = manyContactRows(contactCount);
const file = new Uint8Array(toCp949Csv(rows));

async function runOn(kind: 'pglite' | 'postgres', adminUrl?: string): Promise<void> {
  const server = await startBenchServer({ adminUrl });
  try {
    const token = await server.tokenFor('backoffice');
    const post = async (dryRun: boolean) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/v1/companies/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: file,
      });
      const report = await response.json();
      const ms = performance.now() - started;
      if (response.status !== 200 || report.accepted !== contactCount) {
        throw new Error(`import answered ${response.status}: ${JSON.stringify(report).slice(0, 300)}`);
      }
      return { ms, report };
    };
    // Baseline: the same number of rows, plain batched INSERTs of short text into a scratch table.
    const db = server.ctx.database.db;
    await db.execute(
      sql`create table bench_plain_rows (id serial primary key, company text, name text, phone text, email text)`,
    );
    const baselineStarted = performance.now();
    await db.transaction(async (tx) => {
      for (let start = 0; start < rows.length; start += 1000) {
        const values = rows
          .slice(start, start + 1000)
          .map((row) => sql`(${row[0]}, ${row[2]}, ${row[4]}, ${row[5]})`);
        await tx.execute(
          sql`insert into bench_plain_rows (company, name, phone, email) values ${sql.join(values, sql`, `)}`,
        );
      }
    });
    const baselineMs = performance.now() - baselineStarted;

    const dry = await post(true);
    const first = await post(false);
    const again = await post(false);
    const line = (label: string, ms: number, extra = '') =>
      console.log(
        `${label.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${((contactCount / ms) * 1000).toFixed(0).padStart(7)} rows/s  ${(ms / BUDGET_MS).toFixed(3)}× of the ${BUDGET_MS / 1000} s budget  ${(ms / baselineMs).toFixed(1)}× the baseline${extra}`,
      );
    console.log(
      `━━ directory import (${kind}, ${contactCount} contacts, ${first.report.companies.created} companies, CP949 CSV ${(file.length / 1024).toFixed(0)} KiB)`,
    );
    console.log(
      `${'baseline: plain batched INSERTs'.padEnd(40)} ${(baselineMs / 1000).toFixed(2).padStart(7)} s  ${((contactCount / baselineMs) * 1000).toFixed(0).padStart(7)} rows/s`,
    );
    line('dry run (decode, parse, check)', dry.ms);
    line('import, all new', first.ms, `  (${first.ms <= BUDGET_MS ? 'met' : 'NOT met'})`);
    line('re-import, every contact replaced', again.ms, `  (${again.ms <= BUDGET_MS ? 'met' : 'NOT met'})`);
  } finally {
    await server.stop();
  }
}

if (options.only !== 'postgres') await runOn('pglite');
if (options.only !== 'pglite') {
  const postgres = await resolveBenchPostgres(options['database-url']);
  if (postgres) {
    try {
      await runOn('postgres', postgres.adminUrl);
    } finally {
      postgres.release();
    }
  } else {
    console.log(
      '━━ directory import (postgres): skipped — no PostgreSQL installed; set IEUM_BENCH_DATABASE_URL',
    );
  }
}
