import fs from 'node:fs';
import path from 'node:path';
import type { FieldCodec } from '../../src/server/crypto/fieldCodec.ts';

const SEALED = /enc:v1:[0-9a-f]+:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/g;

/**
 * What a copy of an embedded data directory gives away: every sealed value in its files (table
 * files, WAL, whatever else), opened with the key, that holds one of `traces` (case-insensitively),
 * as `file: trace`. The key sits in the same directory, so this is what anyone with the copy reads.
 */
export function sealedTracesInDataDir(
  dataDir: string,
  codec: FieldCodec,
  traces: readonly string[],
): string[] {
  const hits = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else
        for (const [token] of fs.readFileSync(file).toString('latin1').matchAll(SEALED)) {
          const open = codec.openText(token);
          if (!open.readable) continue;
          for (const trace of traces)
            if (open.value.toLowerCase().includes(trace.toLowerCase()))
              hits.add(`${path.relative(dataDir, file)}: ${trace}`);
        }
    }
  };
  walk(dataDir);
  return [...hits];
}
