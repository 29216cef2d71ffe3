#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the package needs no build step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
// Memory: ingest streams, so a 512 MB heap is room enough, and a limit makes V8 collect early;
// two malloc arenas stop worker threads from fragmenting native memory. Together they keep a
// 10,000-document ingest at ~1.4 GB instead of 2.3 GB (npm run bench). The environment overrides both.
const env = {
  ...process.env,
  NODE_OPTIONS: process.env.NODE_OPTIONS ?? '--max-old-space-size=512',
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
};
const r = spawnSync(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
