// Run before `npm start` (and by the startup bench): bundles the server into dist/server/ when its
// sources or packages changed since the last build. A start from the sources spends most of its
// time loading modules — hundreds of files resolved, read, stripped of their types, and for every
// file of a package a look-up of its package.json (drizzle-orm's is 180 KB, parsed again each
// time) — where the bundle is a few files. `npm run dev` and the tests keep running the sources.
//
// Stale means: any file the last build read (every source and package file, from esbuild's
// metafile), this script or package-lock.json differs in content; checked before each start.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/server');
const stampFile = path.join(outdir, 'inputs.json');
const entry = 'src/server/main.ts';

// Packages left to Node's own loading, each because bundling would change what it does: files
// read beside their code (__dirname: swagger's package.json, swagger-ui's static files, pino's
// worker files), a native addon (argon2), WebAssembly and data files found through import.meta.url
// (PGlite), and modules only a few requests load, on first use (exceljs, nodemailer, zxcvbn).
// zxcvbn's packages name their CommonJS build as `main`: bundled, `import()` of one yields only
// `default`, so `core.ZxcvbnFactory` was undefined and every password check (the first admin's
// setup, a new account) failed with a 500; Node's own loader gives the named exports.
const external = [
  '@electric-sql/pglite',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  '@node-rs/argon2',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
  '@zxcvbn-ts/language-en',
  'exceljs',
  'nodemailer',
  'pino',
];

// Node's own modules whose ESM form costs a start: importing one builds a facade that reads every
// export, getters included — node:http's load undici (~40 ms), node:crypto's set up WebCrypto
// (~25 ms), neither of which the server uses at start. The bundle takes them through require()
// instead (the banner's), which reads an export only when code uses it.
const requiredBuiltins = /^(node:)?(crypto|http)$/;
const builtinsThroughRequire: Plugin = {
  name: 'builtins-through-require',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: requiredBuiltins }, (args) =>
      args.namespace === 'required-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'required-builtin' },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'required-builtin' }, (args) => ({
      contents: `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
  },
};

type Stamp = { digest: string; inputs: string[] };

function digestOf(files: string[]): string | null {
  const hash = createHash('sha256');
  for (const file of files) {
    let content: Buffer;
    try {
      content = fs.readFileSync(path.join(root, file));
    } catch {
      return null;
    }
    hash.update(file).update('\0').update(content);
  }
  return hash.digest('hex');
}

function readStamp(): Stamp | null {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (
      typeof value === 'object' &&
      value !== null &&
      'digest' in value &&
      typeof value.digest === 'string' &&
      'inputs' in value &&
      Array.isArray(value.inputs) &&
      value.inputs.every((input) => typeof input === 'string')
    )
      return { digest: value.digest, inputs: value.inputs };
  } catch {
    // no build yet, or a damaged stamp: build
  }
  return null;
}

const alwaysInputs = ['scripts/buildServerIfStale.ts', 'package-lock.json'];
const stamp = readStamp();
if (stamp && fs.existsSync(path.join(outdir, 'main.mjs')) && digestOf(stamp.inputs) === stamp.digest)
  process.exit(0);

console.log('Bundling the server …');
// Built beside, then swapped in: a server starting meanwhile reads the old bundle or the new one.
const building = `${outdir}.${process.pid}.tmp`;
fs.rmSync(building, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outdir: building,
  bundle: true,
  // main.ts turns Node's compile cache on, then imports the rest: kept as its own chunk so the
  // cache is on before the bulk of the code is compiled.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  outExtension: { '.js': '.mjs' },
  external,
  plugins: [builtinsThroughRequire],
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __ieumCreateRequire } from 'node:module'; const require = __ieumCreateRequire(import.meta.url);",
  },
  // Error names and class names stay as written (logs, problem details), not as renamed when merged.
  keepNames: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const files = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('required-builtin:'));
const inputs = [...new Set([...files, ...alwaysInputs])].sort();
const digest = digestOf(inputs);
if (!digest) throw new Error('an input of the server bundle vanished while it was built');
fs.writeFileSync(path.join(building, 'inputs.json'), JSON.stringify({ digest, inputs } satisfies Stamp));
fs.rmSync(outdir, { recursive: true, force: true });
fs.renameSync(building, outdir);
