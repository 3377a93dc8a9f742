import http from 'node:http';

/** One request a receiver accepted. */
export type ReceivedWebhook = { headers: http.IncomingHttpHeaders; body: string };

/** A real HTTP webhook receiver on loopback that keeps every request it answers 2xx. */
export type TestWebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Status code to answer with (default 204); anything else is not kept. */
  respondWith: (status: number) => void;
  stop: () => Promise<void>;
  /** Listens again on the same port after `stop`, to test delivery after an outage. */
  restart: () => Promise<void>;
};

/** Starts a webhook receiver on 127.0.0.1, on `port` or a free one. */
export async function startWebhookReceiver(port = 0): Promise<TestWebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 204;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (status >= 200 && status < 300) {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      }
      response.writeHead(status).end();
    });
  });
  const listen = (onPort: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : onPort);
      });
    });
  const bound = await listen(port);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${bound}/hooks/ieum`,
    received,
    respondWith: (code) => {
      status = code;
    },
    stop,
    restart: async () => {
      await listen(bound);
    },
  };
}
