// scripts/setup-prometheus.sh never fails a build: where it cannot install it says why and
// exits 0 (the integration tests then skip); where the binaries exist it does nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBinaries } from './prometheus-server.js';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/setup-prometheus.sh');

describe('scripts/setup-prometheus.sh', () => {
  it('without apt-get (and without prometheus on PATH) explains and exits 0', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-nopath-'));
    try {
      const r = spawnSync('/bin/bash', [SCRIPT], { env: { PATH: empty }, encoding: 'utf8', timeout: 10_000 });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^setup-prometheus: cannot install: apt-get not found .* the Prometheus integration tests will be skipped$/m);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.runIf(findBinaries() !== null)('with prometheus and promtool installed: says so, changes nothing', () => {
    const r = spawnSync('/bin/bash', [SCRIPT], { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^setup-prometheus: already installed: .*prometheus.*version.*promtool$/m);
  });
});
