import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startupThreadPriority } from './startupThreadPriority.ts';

/** Each thread of this process: its name and nice value (field 19 of /proc/…/stat). */
function threads(): { tid: number; name: string; nice: number }[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      tid: Number(tid),
      name: fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim(),
      nice: Number(fields[16]),
    };
  });
}

const notLinux = process.platform !== 'linux';

describe.skipIf(notLinux /* Linux only */)('startupThreadPriority (Linux: thread priorities)', () => {
  it("lowers V8's background threads during a start and puts every thread back after", () => {
    const before = threads();
    const background = before.filter((thread) => thread.name.startsWith('V8Worker'));
    expect(background.length).toBeGreaterThan(0);
    startupThreadPriority.lower();
    const during = threads();
    startupThreadPriority.restore();
    const after = threads();

    const niceOf = (list: typeof before, tid: number) => list.find((thread) => thread.tid === tid)?.nice;
    // Only where the process may raise them again (root, CAP_SYS_NICE or RLIMIT_NICE): all or none.
    const lowered = background.filter((thread) => niceOf(during, thread.tid) === 19);
    expect(lowered.length === 0 || lowered.length === background.filter((t) => t.nice < 19).length).toBe(
      true,
    );
    // Nothing else is touched, and everything is back afterwards.
    // (A thread that ended meanwhile is no longer there to compare.)
    for (const thread of before.filter((t) => niceOf(after, t.tid) !== undefined)) {
      if (!thread.name.startsWith('V8Worker')) expect(niceOf(during, thread.tid)).toBe(thread.nice);
      expect(niceOf(after, thread.tid)).toBe(thread.nice);
    }
  });
});
