import { type ChildProcess, fork } from 'node:child_process';
import { z } from 'zod';

/** Server-sent-event clients held by child processes, and what they received. */
export type SseClients = {
  /**
   * Arrival times (wall-clock ms, Date.now(): comparable across processes) of every event of the
   * watched type, by its `transferId`, since the last report.
   */
  report: () => Promise<Map<string, number[]>>;
  stop: () => Promise<void>;
};

const CLIENTS_PER_PROCESS = 500;

const childMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('connected') }),
  z.object({ kind: z.literal('error'), message: z.string() }),
  z.object({ kind: z.literal('report'), arrivals: z.array(z.tuple([z.string(), z.array(z.number())])) }),
]);
type ChildMessage = z.infer<typeof childMessageSchema>;

function nextMessage(
  child: ChildProcess,
  kind: ChildMessage['kind'],
  timeoutMs: number,
): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`SSE client process: no "${kind}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (raw: unknown) => {
      const message = childMessageSchema.parse(raw);
      if (message.kind === 'error') {
        clearTimeout(timer);
        child.off('message', onMessage);
        reject(new Error(message.message));
      } else if (message.kind === kind) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message);
      }
    };
    child.on('message', onMessage);
  });
}

/**
 * Opens `count` SSE clients on `url` (at most 500 per child process, so the clients' parsing runs
 * beside the server rather than on its event loop) and resolves once every one is connected (has
 * read the stream's `: connected` preamble). They record when each `eventType` message arrives.
 */
export async function startSseClients(options: {
  url: string;
  authorization?: string;
  count: number;
  eventType: string;
}): Promise<SseClients> {
  const children: ChildProcess[] = [];
  for (let left = options.count; left > 0; left -= CLIENTS_PER_PROCESS) {
    const child = fork(new URL('./sseClientProcess.ts', import.meta.url).pathname, [], { stdio: 'inherit' });
    const connected = nextMessage(child, 'connected', 60_000);
    child.send({
      kind: 'start',
      url: options.url,
      authorization: options.authorization,
      count: Math.min(CLIENTS_PER_PROCESS, left),
      eventType: options.eventType,
    });
    children.push(child);
    await connected;
  }
  return {
    report: async () => {
      const merged = new Map<string, number[]>();
      for (const child of children) {
        const report = nextMessage(child, 'report', 60_000);
        child.send({ kind: 'report' });
        const message = await report;
        if (message.kind !== 'report') continue;
        for (const [key, times] of message.arrivals) merged.set(key, [...(merged.get(key) ?? []), ...times]);
      }
      return merged;
    },
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once('exit', () => resolve());
              child.send({ kind: 'stop' });
              setTimeout(() => child.kill(), 5_000).unref();
            }),
        ),
      );
    },
  };
}
