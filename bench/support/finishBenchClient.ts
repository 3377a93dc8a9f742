import { z } from 'zod';
import { BARE_INSERT_PATH } from './bareInsertRoute.ts';
import type { BenchServer } from './startBenchServer.ts';
import { transferPathFinishBody } from './transferPathFinishBody.ts';

/** The two requests the finish benches compare, as an agent sends them. */
export type FinishBenchClient = {
  /** One bare INSERT (201). */
  insert: (i: number) => Promise<Response>;
  /** Finishes the next open consultation on the transfer path, with an Idempotency-Key (200). */
  finish: () => Promise<Response>;
};

/** An agent's client on `server`, with `consultations` consultations started for it to finish. */
export async function openFinishBenchClient(
  server: BenchServer,
  consultations: number,
): Promise<FinishBenchClient> {
  const token = await server.tokenFor('agent');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = (pathname: string, body: unknown, extra: Record<string, string> = {}) =>
    fetch(`${server.url}${pathname}`, {
      method: 'POST',
      headers: { ...headers, ...extra },
      body: JSON.stringify(body),
    });
  const ids: string[] = [];
  for (let i = 0; i < consultations; i++) {
    const started = await post('/api/v1/consultations', { channel: 'call', guideId: 'business-inquiry' });
    if (started.status !== 201) throw new Error(`start: ${started.status} ${await started.text()}`);
    ids.push(z.object({ id: z.string() }).parse(await started.json()).id);
  }
  let finished = 0;
  return {
    insert: (i) => post(BARE_INSERT_PATH, { body: `벤치마크 ${i}` }),
    finish: () => {
      const id = ids[finished++];
      if (id === undefined) throw new Error(`only ${consultations} consultations were started to finish`);
      return post(`/api/v1/consultations/${id}/finish`, transferPathFinishBody, {
        'idempotency-key': `finish-${id}`,
      });
    },
  };
}
