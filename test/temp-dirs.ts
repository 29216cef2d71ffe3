// Each test file's temporary files (stores, corpora, reports) go in a directory of its own,
// removed when the file's tests end: a run leaves nothing behind, and `npm run mutate`, which
// runs the suites once per mutant, does not fill the disk (12,000 directories, 78 GB, once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Shared by the files a process runs. A file whose run was cancelled (a mutant's run stops at
// its first failure, in a process kept for the next mutant) never runs its afterAll: its
// directory goes when the next file starts, and each directory is made in the outer one, not
// in the last file's (nested 60 deep, the path grew too long and every file failed to start).
const KEY = Symbol.for('policy-kg:temp-dirs');
const shared = ((globalThis as Record<symbol, unknown>)[KEY] ??= { outer: process.env.TMPDIR, base: tmpdir() }) as { outer?: string; base: string; left?: string };
if (shared.left) rmSync(shared.left, { recursive: true, force: true });

const dir = mkdtempSync(join(shared.base, 'policy-kg-file-'));
shared.left = dir; // until its afterAll
process.env.TMPDIR = dir; // os.tmpdir() reads it at each call
afterAll(() => {
  if (shared.outer === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = shared.outer;
  rmSync(dir, { recursive: true, force: true });
  shared.left = undefined;
});
