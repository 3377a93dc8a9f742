import module from 'node:module';
import { startupThreadPriority } from './startupThreadPriority.ts';

// The server from its sources (`npm run dev`, tests; `npm start` runs the bundle built from the same
// entry, see scripts/buildServer.ts). Most of such a start is loading modules (hundreds of files,
// TypeScript stripped on the way): Node keeps their compiled code on disk (the OS temporary
// directory, or NODE_COMPILE_CACHE) and a restart reuses it. Enabled before the server's modules
// load, so they are imported below, not statically.
module.enableCompileCache();
// The start's work is on the main thread: V8's background threads yield to it until it is done.
startupThreadPriority.lower();
await import('./runServer.ts');
