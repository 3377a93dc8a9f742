import fs from 'node:fs';
import os from 'node:os';

// V8's background threads (Node's platform workers): optimising compilers and GC helpers.
const BACKGROUND_THREAD = /^V8Worker/;
// The lowest priority (nice 19): such a thread then runs only when a core is otherwise idle.
const LOWEST = 19;
// Linux capability bit that allows raising a thread's priority again.
const CAP_SYS_NICE = 23n;

/**
 * Whether this process may raise a thread back to `priority` once lowered: with CAP_SYS_NICE, or
 * when RLIMIT_NICE allows it (unprivileged processes can otherwise only lower a priority).
 */
function mayRaiseBackTo(priority: number): boolean {
  try {
    const capabilities = /^CapEff:\s*([0-9a-f]+)$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (capabilities && (BigInt(`0x${capabilities}`) >> CAP_SYS_NICE) & 1n) return true;
    const limit = /^Max nice priority\s+(\d+)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'))?.[1];
    return limit !== undefined && 20 - Number(limit) <= priority;
  } catch {
    return false;
  }
}

let lowered: { tid: number; priority: number }[] = [];

/**
 * V8's background threads at the lowest priority while the server starts, and back after. A
 * start is work on the main thread; meanwhile V8 compiles PGlite's hottest functions with its
 * optimising compiler in the background (the SQL parser alone is ~0.7 s of CPU, started by the
 * first few queries). On an idle core that costs the start nothing; on a busy machine (another
 * process on every core) those threads took the main thread's share: a next start of 1.27 s took
 * 1.13 s with them lowered (median of 12 interleaved at load 4-6). Linux only, and only when the
 * process may raise them again afterwards (they would otherwise stay low for good).
 */
export const startupThreadPriority = {
  lower(): void {
    if (process.platform !== 'linux' || lowered.length > 0) return;
    try {
      for (const entry of fs.readdirSync('/proc/self/task')) {
        const tid = Number(entry);
        if (tid === process.pid) continue;
        if (!BACKGROUND_THREAD.test(fs.readFileSync(`/proc/self/task/${entry}/comm`, 'utf8'))) continue;
        const priority = os.getPriority(tid);
        if (priority >= LOWEST || !mayRaiseBackTo(priority)) continue;
        os.setPriority(tid, LOWEST);
        lowered.push({ tid, priority });
      }
    } catch {
      // A thread gone meanwhile: the others stay as they are, and the start runs as before.
    }
  },
  /** Puts every lowered thread back where it was. */
  restore(): void {
    for (const { tid, priority } of lowered) {
      try {
        os.setPriority(tid, priority);
      } catch {
        // Gone meanwhile.
      }
    }
    lowered = [];
  },
};
