import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export type TestSmtpServer = {
  url: string;
  port: number;
  messages: Array<{ envelopeTo: string[]; raw: string; parsed: ParsedMail }>;
  stop: () => Promise<void>;
  /** Starts again on the same port (after stop), to test delivery after an outage. */
  restart: () => Promise<void>;
};

/** Starts an SMTP server on 127.0.0.1 (no TLS, no auth), on `port` or a free one. */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const messages: TestSmtpServer['messages'] = [];
  let server: SMTPServer;
  const listen = (onPort: number) =>
    new Promise<number>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            simpleParser(raw)
              .then((parsed) => {
                messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
                callback();
              })
              .catch(callback);
          });
        },
      });
      server.on('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        const address = server.server.address();
        resolve(typeof address === 'object' && address ? address.port : onPort);
      });
    });
  const boundPort = await listen(port);
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    url: `smtp://127.0.0.1:${boundPort}`,
    port: boundPort,
    messages,
    stop,
    restart: async () => {
      await listen(boundPort);
    },
  };
}
