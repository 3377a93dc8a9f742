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

  /**
   * @param sync syncs one file descriptor to the disk; tests observe the calls through it.
   *   A failure is thrown on to the engine, which — as PostgreSQL does when fsync fails — stops
   *   rather than go on with data it cannot be sure of.
   */
  constructor(dataDir: string, sync: (fd: number) => void = fs.fsyncSync) {
    super(dataDir);
    this.#sync = sync;
  }

  override async init(pg: PGlite, opts: PostgresModule): Promise<{ emscriptenOpts: PostgresModule }> {
    const { emscriptenOpts } = await super.init(pg, opts);
    const giveFsync = (module: PostgresModule) => {
      const streamOps: unknown = module.NODEFS && Reflect.get(module.NODEFS, 'stream_ops');
      if (typeof streamOps !== 'object' || streamOps === null) {
        throw new Error("PGlite's NODEFS has no stream_ops: commits cannot be made durable");
      }
      // One object shared by every NODEFS file, so every file opened from now on can be synced.
      Reflect.set(streamOps, 'fsync', (stream: NodeStream) => {
        if (typeof stream.nfd === 'number') this.#sync(stream.nfd);
        return 0;
      });
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), giveFsync] } };
  }
}
