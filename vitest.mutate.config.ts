// The tests a mutant of src/trace or src/api can fail (npm run mutate): those parts' own suites, less
// the two that launch Chromium (seconds per mutant; what they check is left out of the mutated code).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({ ...base, test: { ...base.test, include: ['test/trace/**/*.test.ts', 'test/api/**/*.test.ts'], exclude: ['test/api/graphiql.test.ts', 'test/trace/html.test.ts'], env: { POLICY_KG_MUTATE: '1' },
  // Stryker runs the tests in worker threads; loading LadybugDB and nodejieba afresh in each file's thread crashes them, so files share one.
  isolate: false } });
