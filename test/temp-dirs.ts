// Each test file's temporary files (stores, corpora, reports) go in a directory of its own,
// removed when the file's tests end: a run leaves nothing behind, and `npm run mutate`, which
// runs the suites once per mutant, does not fill the disk (12,000 directories, 78 GB, once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const outer = process.env.TMPDIR;
const dir = mkdtempSync(join(tmpdir(), 'policy-kg-file-'));
process.env.TMPDIR = dir; // os.tmpdir() reads it at each call
afterAll(() => {
  if (outer === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = outer;
  rmSync(dir, { recursive: true, force: true });
});
