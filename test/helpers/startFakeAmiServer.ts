import { readFileSync } from 'node:fs';
import net from 'node:net';

/** A recorded AMI session: the banner, the login response and the events, as blocks of lines. */
export type AmiSession = { banner: string; loginResponse: string[]; events: string[][] };

/**
 * Reads a recorded AMI session file: the `Asterisk Call Manager/…` banner line, then blocks
 * separated by blank lines — the response to `Action: Login` (with `{{ActionID}}` where the client's
 * ActionID goes), then the events in the order Asterisk sent them.
 */
export function readAmiSession(file: string): AmiSession {
  const [bannerBlock, login, ...events] = readFileSync(file, 'utf8')
    .replace(/\r\n/g, '\n')
    .split(/\n\n+/)
    .map((block) => block.split('\n').filter((line) => line !== ''))
    .filter((block) => block.length > 0);
  const [banner, ...loginFromBanner] = bannerBlock ?? [];
  if (!banner?.startsWith('Asterisk Call Manager/')) throw new Error(`${file}: no AMI banner`);
  // The banner and the login response may share a block (no blank line after the banner).
  const loginResponse = loginFromBanner.length > 0 ? loginFromBanner : (login ?? []);
  const rest = loginFromBanner.length > 0 && login ? [login, ...events] : events;
  return { banner, loginResponse, events: rest };
}

const toWire = (lines: string[]): string => `${lines.join('\r\n')}\r\n\r\n`;

/**
 * A fake Asterisk Manager Interface on a real loopback TCP socket: greets with the recorded banner,
 * answers `Action: Login` (checking the credentials) with the recorded response and the client's
 * ActionID, then replays the recorded events in the AMI wire format (CRLF lines, a blank line after
 * each message). Any other action gets `Response: Success`.
 */
export async function startFakeAmiServer(
  session: AmiSession,
  credentials: { username: string; secret: string },
): Promise<{ port: number; logins: () => number; close: () => Promise<void> }> {
  let logins = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.write(`${session.banner}\r\n`);
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\r\n\r\n'); end >= 0; end = buffer.indexOf('\r\n\r\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 4);
        const fields = new Map(
          block.split('\r\n').map((line) => {
            const colon = line.indexOf(':');
            return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
          }),
        );
        const actionId = fields.get('actionid') ?? '';
        if (fields.get('action')?.toLowerCase() !== 'login') {
          socket.write(toWire(['Response: Success', `ActionID: ${actionId}`]));
          continue;
        }
        if (fields.get('username') !== credentials.username || fields.get('secret') !== credentials.secret) {
          socket.write(
            toWire(['Response: Error', `ActionID: ${actionId}`, 'Message: Authentication failed']),
          );
          continue;
        }
        logins += 1;
        socket.write(toWire(session.loginResponse.map((line) => line.replace('{{ActionID}}', actionId))));
        for (const event of session.events) socket.write(toWire(event));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake AMI server has no port');
  return {
    port: address.port,
    logins: () => logins,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
