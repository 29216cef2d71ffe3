// What a user sees first: the version, and an install with no engine warnings on the Node the
// README names. npm records each installed package's `engines` in package-lock.json; every one
// must accept the Node this suite runs on and the oldest our package.json claims.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string; engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }> };

describe('installing and starting', () => {
  it('prints its version', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('installs no package that declares a Node newer than ours', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const refused = Object.entries(lock.packages)
      .map(([path, p]) => [path, !p.engines || Array.isArray(p.engines) ? undefined : p.engines.node] as const)
      .filter(([, range]) => range && !(semver.satisfies(process.versions.node, range) && semver.satisfies(oldest, range)))
      .map(([path, range]) => `${path.replace(/^.*node_modules\//, '')} needs node ${range}`);
    expect(refused).toEqual([]);
  });
});
