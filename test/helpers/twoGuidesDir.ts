import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const sources = [path.join(root, 'content/guides'), path.join(root, 'test/fixtures/guides')];

/**
 * A guides directory (IEUM_GUIDES_DIR) holding the business guide beside the second test guide
 * (partner-inquiry: ten inquiry types, a chat-only script), each with its example utterances.
 * Returns the directory and how to delete it.
 */
export function twoGuidesDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-guides-'));
  for (const source of sources) {
    for (const name of readdirSync(source)) {
      if (name.endsWith('.json') && !name.endsWith('.heldout.json'))
        copyFileSync(path.join(source, name), path.join(dir, name));
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
