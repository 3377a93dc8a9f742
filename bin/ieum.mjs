#!/usr/bin/env node
// Plain JS so that an old Node reports the version problem instead of failing to parse TypeScript.
import '../scripts/assert-node.mjs';

await import('../src/cli/main.ts');
