// The project's directory (where package.json, content/ and src/ are), for files the server reads
// beside its code: migrations, the search builder's sources. Computed from this file's place
// (src/server/); the bundled server (dist/server/, scripts/buildServer.ts) sits at the same depth,
// so both answer the same directory — a path relative to a module's own file would not survive
// bundling.
export const projectRoot = new URL('../../', import.meta.url);
