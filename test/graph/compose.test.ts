// docker-compose.yml validated by Debian's docker-compose (`config` parses and
// checks it against the Compose schema without an engine). .ci/run installs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const COMPOSE = new URL('../../docker-compose.yml', import.meta.url).pathname;
const available = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!available)('docker-compose.yml', () => {
  it('is a valid Compose file: Neo4j with Browser and Bolt, the API waiting for it to be healthy', () => {
    const config = execFileSync('docker-compose', ['-f', COMPOSE, 'config'], { encoding: 'utf8' });
    expect(config).toMatch(/neo4j:5/);
    expect(config).toMatch(/published: 7474|7474:7474/);
    expect(config).toMatch(/condition: service_healthy/);
    expect(config).toMatch(/NEO4J_URI: bolt:\/\/neo4j:7687/);
  });

  it('the validator rejects a broken file', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'policy-kg-compose-')), 'docker-compose.yml');
    writeFileSync(bad, readFileSync(COMPOSE, 'utf8').replace('condition: service_healthy', 'condition: service_ready'));
    const r = spawnSync('docker-compose', ['-f', bad, 'config', '-q'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/invalid/);
  });
});
