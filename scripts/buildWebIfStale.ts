// Run before `npm start`: builds the web console only when its sources changed since the last
// build, so a restart takes a second, not a full Vite build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const inputs = ['src/web', 'src/domain', 'src/contract', 'vite.config.ts', 'package-lock.json'];
const stamp = 'dist/web/.build-hash';

function hashTree(target: string, hash: ReturnType<typeof createHash>): void {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) {
      if (entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
      hashTree(path.join(target, entry), hash);
    }
    return;
  }
  hash.update(target);
  hash.update(fs.readFileSync(target));
}

const hash = createHash('sha256');
for (const input of inputs) hashTree(input, hash);
const digest = hash.digest('hex');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest && fs.existsSync('dist/web/index.html'))
  process.exit(0);
console.log('Building the web console …');
const result = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stamp, digest);
