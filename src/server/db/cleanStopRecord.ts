import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The file in the embedded data directory a clean stop leaves (private, like the directory). */
export const CLEAN_STOP_FILE = 'ieum-clean-stop.json';

/**
 * What a clean stop of the embedded database recorded: the database's next transaction id at that
 * moment, and what the process that stopped had made sure of (the migrations it applied, the
 * start-up passes it ran — each as a fingerprint of what decides it). PostgreSQL gives every write
 * by anyone (this server, the CLI, any other version of ieum) a new transaction id, so a start that
 * finds the same next id knows nothing was written since, and what held at the stop still holds.
 */
export type CleanStop = {
  nextTransactionId: string;
  migrations: string;
  /** The start-up passes' fingerprint, null when the process that stopped did not run them (CLI). */
  passes: string | null;
};

const cleanStopSchema = z.object({
  nextTransactionId: z.string(),
  migrations: z.string(),
  passes: z.string().nullable(),
});

/** Reads and writes the record of the last clean stop of an embedded data directory. */
export const cleanStopRecord = {
  /** The record, or null when there is none or it cannot be read (then everything runs). */
  read(dataDir: string): CleanStop | null {
    try {
      const parsed = cleanStopSchema.safeParse(
        JSON.parse(fs.readFileSync(path.join(dataDir, CLEAN_STOP_FILE), 'utf8')),
      );
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  },
  /** Written whole or not at all (a temporary file renamed over the old record). */
  write(dataDir: string, record: CleanStop): void {
    const file = path.join(dataDir, CLEAN_STOP_FILE);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(record), { mode: 0o600 });
    fs.renameSync(temporary, file);
  },
};
