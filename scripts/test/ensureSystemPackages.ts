import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Debian packages the tests need: a real browser, Korean fonts for it, a real PostgreSQL, and nginx
 * (the shipped reverse-proxy configuration, deploy/nginx/ieum.conf, runs in front of the app).
 */
const required = [
  { pkg: 'chromium', present: () => fs.existsSync('/usr/bin/chromium') },
  { pkg: 'fonts-nanum', present: () => fs.existsSync('/usr/share/fonts/truetype/nanum') },
  { pkg: 'postgresql', present: () => findPostgresBin('initdb') !== null },
  { pkg: 'nginx', present: () => fs.existsSync('/usr/sbin/nginx') },
];

/** The newest installed PostgreSQL server binary by name (Debian keeps them per major version). */
export function findPostgresBin(name: string): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = `${root}/${version}/bin/${name}`;
    if (fs.existsSync(bin)) return bin;
  }
  return null;
}

/**
 * Installs what is missing when running as root (CI, a fresh dev machine); otherwise says exactly
 * what to install. Returns the packages still missing.
 */
export function ensureSystemPackages(): string[] {
  const missing = required.filter((r) => !r.present()).map((r) => r.pkg);
  if (missing.length === 0) return [];
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    console.warn(
      `Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
    return missing;
  }
  console.log(`Installing Debian packages: ${missing.join(' ')} …`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) console.warn('apt-get install failed');
  return required.filter((r) => !r.present()).map((r) => r.pkg);
}
