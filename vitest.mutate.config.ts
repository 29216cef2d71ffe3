// The tests a mutant of src/trace or src/api can fail (npm run mutate): those parts' own suites, less
// the two that launch Chromium (seconds per mutant; what they check is left out of the mutated code).
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';
import { EXIT_WITH_PARENT, KEPT_FORKS, keptForkPool } from './test/kept-fork-pool.js';

/** Quickest files first (vitest runs the slowest first): a mutant's run stops at its first failing test. */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const took = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`)?.duration ?? Infinity;
    return [...files].sort((a, b) => took(a) - took(b));
  }
}

export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/trace/**/*.test.ts', 'test/api/**/*.test.ts'], exclude: ['test/api/graphiql.test.ts', 'test/trace/html.test.ts'], env: { POLICY_KG_MUTATE: '1' },
    // One process runs every file of a mutant's run: LadybugDB, nodejieba and the modules load once.
    isolate: false,
    sequence: { sequencer: QuickestFirst } },
  plugins: [{
    // Stryker's vitest runner forces worker threads. A thread that held LadybugDB or nodejieba
    // aborts the process when it ends (V8: "Check failed: array_buffer_allocator" tearing the
    // isolate down), one crash and restart per few mutants; child processes end cleanly, and
    // one is kept from a mutant's run to the next (test/kept-fork-pool.ts).
    name: 'policy-kg:mutate-in-kept-forks',
    configureVitest({ vitest, project }) {
      vitest.config.pool = KEPT_FORKS;
      project.config.pool = KEPT_FORKS;
      project.config.poolRunner = keptForkPool;
      project.config.execArgv = [...project.config.execArgv, EXIT_WITH_PARENT];
    },
  }],
});
