import { z } from 'zod';

/**
 * The channels a consultation runs on: a phone call or a chat. The one place the set is written;
 * the database, the domain, the server, the web app and the CLI all take it from here.
 */
export const channels = ['call', 'chat'] as const;

/** A consultation's channel on the wire. */
export const channelSchema = z.enum(channels);

/** Call or chat. */
export type Channel = z.output<typeof channelSchema>;
