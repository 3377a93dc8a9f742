/**
 * A child process holding many server-sent-event clients for a benchmark, so the clients' own work
 * (reading and parsing every message on every stream) does not run on the server's event loop.
 * Started by startSseClients with IPC; see there for the protocol.
 */
import http from 'node:http';

type Start = { kind: 'start'; url: string; authorization?: string; count: number; eventType: string };
type Message = Start | { kind: 'report' } | { kind: 'stop' };

// Every arrival, keyed by the event data's `transferId`: the wall-clock millisecond at which each
// client read it.
const arrivals = new Map<string, number[]>();
const requests: http.ClientRequest[] = [];
// Wall-clock milliseconds: the clients run in other processes, whose performance clocks start elsewhere.
const now = () => Date.now();

function openClient(start: Start, onConnected: () => void): void {
  const target = new URL(start.url);
  const marker = `event: ${start.eventType}\n`;
  const request = http.get(
    target,
    { headers: start.authorization ? { authorization: start.authorization } : {}, agent: false },
    (response) => {
      if (response.statusCode !== 200) {
        process.send?.({ kind: 'error', message: `event stream: HTTP ${response.statusCode}` });
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      let connected = false;
      response.on('data', (chunk: string) => {
        const at = now();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          if (!connected && message.includes(': connected')) {
            connected = true;
            onConnected();
          }
          const typeAt = message.indexOf(marker);
          if (typeAt === -1) continue;
          const dataAt = message.indexOf('data: ', typeAt);
          if (dataAt === -1) continue;
          const data: unknown = JSON.parse(message.slice(dataAt + 6));
          const key =
            typeof data === 'object' && data !== null && 'transferId' in data ? String(data.transferId) : '';
          const list = arrivals.get(key);
          if (list) list.push(at);
          else arrivals.set(key, [at]);
        }
      });
    },
  );
  request.on('error', () => {});
  requests.push(request);
}

process.on('message', (message: Message) => {
  if (message.kind === 'start') {
    let connected = 0;
    for (let i = 0; i < message.count; i++) {
      openClient(message, () => {
        connected += 1;
        if (connected === message.count) process.send?.({ kind: 'connected' });
      });
    }
  } else if (message.kind === 'report') {
    process.send?.({ kind: 'report', arrivals: [...arrivals] });
    arrivals.clear();
  } else {
    for (const request of requests) request.destroy();
    process.disconnect();
  }
});
