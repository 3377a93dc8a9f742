/**
 * The web app's JavaScript as the browser downloads it: builds the app (vite build, with its
 * manifest) into a temp directory, then prints in gzip
 *   - the agent console's initial JS: the entry chunk and the console screen's chunk with every
 *     chunk they import statically (what a signed-in agent opening `/` waits for before the start
 *     panel shows), against the 180 KB target;
 *   - the whole app's JS (every chunk: the size of the one script before route-level splitting),
 *     the baseline the console's figure is a ratio of;
 *   - each other screen's initial JS, and the chunks the console loads later on demand.
 *
 *   node bench/webBundle.bench.ts            build, then measure
 *   node bench/webBundle.bench.ts --dist DIR measure an existing build made with `vite build --manifest`
 *
 * Sizes are gzip at level 9 of each file (what a server's static gzip or a proxy serves). Figures
 * only: sizes are never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

const CONSOLE_TARGET_KB = 180;
const root = path.resolve(import.meta.dirname, '..');

/** One chunk of Vite's build manifest (`.vite/manifest.json`), keyed by source path from src/web. */
const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    isDynamicEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    dynamicImports: z.array(z.string()).optional(),
  }),
);
type Manifest = z.infer<typeof manifestSchema>;

/** The screens, by the source file AppRoutes loads for them. */
const screens = [
  { name: 'console (/)', source: 'scenes/ConsoleScene.tsx' },
  { name: 'login (/login)', source: 'scenes/LoginScene.tsx' },
  { name: 'queue (/queue)', source: 'scenes/queue/QueueScene.tsx' },
  { name: 'funnel (/funnel)', source: 'scenes/funnel/FunnelScene.tsx' },
  { name: 'privacy (/privacy)', source: 'scenes/privacy/PrivacyScene.tsx' },
  { name: 'admin (/admin)', source: 'scenes/admin/AdminScene.tsx' },
];

const { values: options } = parseArgs({ options: { dist: { type: 'string' } } });

function build(): { dist: string; cleanUp: () => void } {
  const dist = mkdtempSync(path.join(tmpdir(), 'ieum-web-bench-'));
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--manifest',
      '--outDir',
      dist,
      '--emptyOutDir',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`vite build exited with ${result.status}`);
  console.log(
    `vite build                                  ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { dist, cleanUp: () => rmSync(dist, { recursive: true, force: true }) };
}

/** The chunk keys a key loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return seen;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;

function measure(dist: string): void {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')),
  );
  const gzipSizes = new Map<string, number>();
  const gzipOf = (file: string): number => {
    const known = gzipSizes.get(file);
    if (known !== undefined) return known;
    const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
    gzipSizes.set(file, size);
    return size;
  };
  const sizeOf = (keys: Iterable<string>): number => {
    const files = new Set([...keys].map((key) => manifest[key]?.file ?? ''));
    return [...files].filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + gzipOf(file), 0);
  };

  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the build manifest names no entry');
  const wholeApp = sizeOf(Object.keys(manifest));
  const entryOnly = sizeOf(staticClosure(manifest, [entry]));
  console.log(`whole app's JS (every chunk; baseline)      ${kb(wholeApp)}`);
  console.log(`entry (shell, session, router)              ${kb(entryOnly)}`);

  let consoleInitial = 0;
  for (const screen of screens) {
    const initial = staticClosure(manifest, [entry, screen.source]);
    const size = sizeOf(initial);
    if (screen.source === 'scenes/ConsoleScene.tsx') {
      consoleInitial = size;
      // What the console fetches later (a panel or a step opened on demand), for the record.
      const later = new Set<string>();
      for (const key of initial) {
        for (const dynamic of manifest[key]?.dynamicImports ?? []) {
          for (const loaded of staticClosure(manifest, [dynamic]))
            if (!initial.has(loaded)) later.add(loaded);
        }
      }
      const screenChunks = new Set(screens.map((other) => other.source));
      const onDemand = [...later].filter((key) => !screenChunks.has(key));
      if (onDemand.length > 0)
        console.log(`console: loaded on demand, not initial      ${kb(sizeOf(onDemand))}`);
    }
    console.log(
      `${`initial JS: ${screen.name}`.padEnd(44)}${kb(size)}  (${((size / wholeApp) * 100).toFixed(0)}% of the whole app)`,
    );
  }
  console.log(
    `\nsummary: console initial JS ${(consoleInitial / 1024).toFixed(1)} KB gzip — ${(
      consoleInitial / (CONSOLE_TARGET_KB * 1024)
    ).toFixed(
      2,
    )}× of the ${CONSOLE_TARGET_KB} KB target, ${(consoleInitial / wholeApp).toFixed(2)}× of the whole app's ${(
      wholeApp / 1024
    ).toFixed(1)} KB`,
  );
}

if (options.dist) {
  measure(path.resolve(options.dist));
} else {
  const built = build();
  try {
    measure(built.dist);
  } finally {
    built.cleanUp();
  }
}
