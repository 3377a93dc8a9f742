import Manager, { type AmiMessage } from 'asterisk-manager';
import type { CtiEvent } from '../contract/cti/ctiEventSchema.ts';
import { type AmiBridgeState, translateAmiEvent } from '../domain/cti/translateAmiEvent.ts';

/** Where the bridge listens and where it reports. */
export type AsteriskBridgeOptions = {
  ami: { host: string; port: number; username: string; secret: string };
  /** The ieum CTI endpoint with the integration's token: http://host:3000/api/v1/cti/<token>. */
  ctiUrl: string;
  /** One line per event sent or refused; never a phone number (call ids and event names only). */
  log: (line: string) => void;
};

/** A running bridge. */
export type AsteriskBridge = {
  /** Resolves once logged in to the AMI (rejects when the login is refused). */
  ready: Promise<void>;
  /** Resolves when every CTI event translated so far has been delivered (or given up). */
  idle: () => Promise<void>;
  stop: () => Promise<void>;
};

const RETRIES = 5;

/**
 * `ieum cti asterisk`: connects to the Asterisk Manager Interface (asterisk-manager, reconnecting by
 * itself), turns queue events into generic CTI events (translateAmiEvent) and POSTs them, in order,
 * to the ieum CTI endpoint with the integration's token — the same endpoint any PBX bridge uses, so
 * the bridge runs beside the server as its own process (the embedded database has one owner), on
 * any host that reaches both, and calls go through the same authentication, validation and service.
 * A refused event (4xx) is logged and dropped; a network error, 429 or 5xx is retried with backoff.
 */
export function startAsteriskBridge(options: AsteriskBridgeOptions): AsteriskBridge {
  const { ami } = options;
  const manager = Manager(undefined, ami.host, ami.username, ami.secret, true);
  manager.options.port = ami.port;
  let state: AmiBridgeState = new Map();
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  const deliver = async (event: CtiEvent): Promise<void> => {
    for (let attempt = 1; attempt <= RETRIES && !stopped; attempt += 1) {
      try {
        const response = await fetch(options.ctiUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(event),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (response.ok) {
          options.log(`${event.event} ${event.callId}: sent`);
          return;
        }
        if (response.status !== 429 && response.status < 500) {
          options.log(`${event.event} ${event.callId}: refused (HTTP ${response.status}), dropped`);
          return;
        }
        options.log(`${event.event} ${event.callId}: HTTP ${response.status}, retrying`);
      } catch (error) {
        options.log(
          `${event.event} ${event.callId}: ${error instanceof Error ? error.message : 'failed'}, retrying`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
    options.log(`${event.event} ${event.callId}: given up after ${RETRIES} tries`);
  };

  manager.on('managerevent', (message: AmiMessage) => {
    const translated = translateAmiEvent(state, message);
    state = translated.state;
    for (const event of translated.send) queue = queue.then(() => deliver(event));
  });
  // Connects and logs in; on a lost connection, again after a pause (the package's own keepConnected
  // registers its reconnect only when called while disconnected, so the bridge does it itself).
  let connected = false;
  let reconnectTimer: NodeJS.Timeout | null = null;
  const connect = (onLoggedIn: () => void, onRefused: (error: Error) => void) => {
    manager.connect(ami.port, ami.host, () => {
      manager.login((refused) => {
        if (refused) return onRefused(new Error(`AMI login refused: ${String(refused.message ?? 'error')}`));
        connected = true;
        options.log(`AMI: logged in to ${ami.host}:${ami.port}`);
        onLoggedIn();
      });
    });
  };
  let failStart: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    failStart = reject;
    connect(resolve, reject);
  });
  manager.on('error', (error) => {
    options.log(`AMI: ${error.message}`);
    if (!connected) failStart(error);
  });
  manager.on('close', () => {
    if (stopped || !connected) return;
    connected = false;
    options.log('AMI connection closed; reconnecting in 5 s');
    const retry = () => {
      reconnectTimer = null;
      if (stopped) return;
      connect(
        () => {},
        (error) => options.log(error.message),
      );
    };
    reconnectTimer = setTimeout(retry, 5_000);
  });

  return {
    ready,
    idle: async () => {
      // Events may still arrive while earlier ones are delivered: wait until the chain stops growing.
      for (;;) {
        const current = queue;
        await current;
        if (current === queue) return;
      }
    },
    stop: async () => {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await new Promise<void>((resolve) => manager.disconnect(resolve));
      await queue;
    },
  };
}
