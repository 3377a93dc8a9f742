import { startTestPostgres } from '../../scripts/test/startTestPostgres.ts';

/** A PostgreSQL superuser URL to benchmark on, and how to release it. */
export type BenchPostgres = { adminUrl: string; release: () => void };

/**
 * The PostgreSQL a benchmark runs on: the URL given, else IEUM_BENCH_DATABASE_URL, else a
 * throwaway cluster when the PostgreSQL server binaries are installed, durable as a production
 * server is (every commit synced to the disk, as the embedded database's are); null when there is none.
 */
export async function resolveBenchPostgres(given?: string): Promise<BenchPostgres | null> {
  const url = given ?? process.env.IEUM_BENCH_DATABASE_URL;
  if (url) return { adminUrl: url, release: () => {} };
  const cluster = await startTestPostgres({ durable: true });
  return cluster ? { adminUrl: cluster.url, release: () => cluster.stop() } : null;
}
