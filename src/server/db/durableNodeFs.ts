import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type PostgresModule = Parameters<NodeFS['init']>[1];

/** What Emscripten's NODEFS keeps of an open file: the Node file descriptor behind it. */
type NodeStream = { nfd?: unknown };

/**
 * PGlite's Node file system, made durable. PGlite writes its files through Emscripten's NODEFS,
 * which has no fsync: PostgreSQL's fsync() at each commit reaches nothing, and the engine runs with
 * fsync off (`-F`). A committed write then survives a crash of the process (it is in the
 * operating system's cache) but not a power cut or a kernel crash, after which the WAL can lack
 * commits already answered — or the data files be ahead of it, which PostgreSQL cannot repair.
 * Here NODEFS gets an fsync that syncs the real file, and the engine is told to use it
 * (`startParams`): each commit flushes the WAL to the disk before it is answered, as on a
 * PostgreSQL server. (`fdatasync`, the usual wal_sync_method on Linux, is a no-op in PGlite's
 * build; fsync is the one that reaches the file system.)
 */
export class DurableNodeFS extends NodeFS {
  /** The engine settings that make it call fsync at each commit and at checkpoints. */
  static readonly startParams: readonly string[] = ['-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

  readonly #sync: (fd: number) => void;
  readonly #onFailedWrite: (error: unknown) => void;

  /**
   * @param sync syncs one file descriptor to the disk; tests observe the calls through it.
   *   A failure is thrown on to the engine, which — as PostgreSQL does when fsync fails — stops
   *   rather than go on with data it cannot be sure of.
   * @param onFailedWrite called when the engine cannot write a file (a full disk, a file system
   *   gone read-only, an I/O error), before the engine hears of it; by default it ends the process
   *   (stopOnFailedWrite). Told of such a failure, PGlite's engine spins in its WAL flush for good —
   *   at full CPU, no request answered, deaf to SIGTERM, even once space is freed — where
   *   PostgreSQL would stop (a PANIC) and recover at its restart. Ending the process here is that
   *   stop: every commit answered is in the synced WAL, replayed at the next start.
   */
  constructor(
    dataDir: string,
    sync: (fd: number) => void = fs.fsyncSync,
    onFailedWrite: (error: unknown) => void = stopOnFailedWrite(dataDir),
  ) {
    super(dataDir);
    this.#sync = sync;
    this.#onFailedWrite = onFailedWrite;
  }

  override async init(pg: PGlite, opts: PostgresModule): Promise<{ emscriptenOpts: PostgresModule }> {
    const { emscriptenOpts } = await super.init(pg, opts);
    const giveFsync = (module: PostgresModule) => {
      const streamOps: unknown = module.NODEFS && Reflect.get(module.NODEFS, 'stream_ops');
      if (typeof streamOps !== 'object' || streamOps === null) {
        throw new Error("PGlite's NODEFS has no stream_ops: commits cannot be made durable");
      }
      const write: unknown = Reflect.get(streamOps, 'write');
      if (typeof write !== 'function') {
        throw new Error("PGlite's NODEFS has no write: a failed write could not be stopped on");
      }
      Reflect.set(streamOps, 'write', (...args: unknown[]) => {
        try {
          return Reflect.apply(write, streamOps, args);
        } catch (error) {
          this.#onFailedWrite(error);
          throw error;
        }
      });
      // One object shared by every NODEFS file, so every file opened from now on can be synced.
      Reflect.set(streamOps, 'fsync', (stream: NodeStream) => {
        if (typeof stream.nfd === 'number') this.#sync(stream.nfd);
        return 0;
      });
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), giveFsync] } };
  }
}

/**
 * Ends the process after the embedded engine failed to write in dataDir, saying why and what to
 * do (see DurableNodeFS). Synchronous on purpose: the engine is inside a write and must not go on.
 */
export function stopOnFailedWrite(dataDir: string): (error: unknown) => void {
  return () => {
    let full = false;
    try {
      const space = fs.statfsSync(dataDir);
      full = space.bavail === 0 || space.ffree === 0;
    } catch {
      // The disk cannot even be asked: the message then names no cause.
    }
    const cause = full ? 'its disk is full' : 'the disk refused the write (read-only, or an I/O error)';
    process.stderr.write(
      `ieum stopped: the embedded database could not write in ${dataDir}: ${cause}. Every change answered before is on the disk and is replayed at the next start: ${full ? 'free space there' : 'check the disk'}, then start ieum again.\n`,
    );
    process.exit(1);
  };
}
