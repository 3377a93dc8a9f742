import net from 'node:net';

/** A loopback TCP proxy in front of a server, that a test can cut like a network outage. */
export type TcpProxy = {
  port: number;
  /** Drops every open connection and refuses new ones until `restore`. */
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Starts a proxy on 127.0.0.1 forwarding to host:port. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no address');
  const port = address.port;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return { port, cut: close, restore: () => listen(port), stop: close };
}
