// Types for the asterisk-manager package (plain JavaScript): the part of its API the Asterisk
// bridge uses (src/cli/startAsteriskBridge.ts).
declare module 'asterisk-manager' {
  /** One AMI message: keys lower-cased with spaces removed, repeated keys as lists. */
  export type AmiMessage = Record<string, unknown>;

  export type AsteriskManager = {
    options: { port: number | undefined; host: string; username: string; password: string; events: boolean };
    connect(port: number, host: string, callback?: (error: Error | null) => void): void;
    login(callback?: (error?: AmiMessage) => void): void;
    keepConnected(): void;
    disconnect(callback?: () => void): void;
    isConnected(): boolean;
    on(event: 'managerevent', listener: (event: AmiMessage) => void): void;
    on(event: 'close' | 'connect' | 'end', listener: () => void): void;
    on(event: 'error', listener: (error: Error) => void): void;
    removeAllListeners(event?: string): void;
  };

  /** Without a port it does not connect; call `connect` (then `login`) yourself. */
  export default function Manager(
    port: number | undefined,
    host: string,
    username: string,
    password: string,
    events: boolean,
  ): AsteriskManager;
}
