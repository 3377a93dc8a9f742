import net from 'node:net';

/** A TCP server on loopback that accepts connections and never says a word (a hung SMTP server). */
export type SilentTcpServer = {
  port: number;
  /** Connections accepted so far. */
  accepted: () => number;
  /** Connections accepted and not yet closed. */
  open: () => number;
  /** Connections the other side gave up on (closed) so far. */
  closed: () => number;
  stop: () => Promise<void>;
};

/** Starts a silent TCP server on 127.0.0.1 on a free port. */
export async function startSilentTcpServer(): Promise<SilentTcpServer> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let closed = 0;
  const server = net.createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      closed += 1;
    });
    // Read and drop whatever comes; answer nothing.
    socket.resume();
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    port,
    accepted: () => accepted,
    open: () => sockets.size,
    closed: () => closed,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
