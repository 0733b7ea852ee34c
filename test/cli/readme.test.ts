// README.md shows real output of `npm run demo`: fail when the demo's output drifts from it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('has the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });

  it("shows the demo's real stdout and the beginning of its report.md", async () => {
    const dir = tempDir();
    const r = await runInProcess(['demo', '--out', 'ml-lca-out'], dir);
    expect(r.code).toBe(0);
    const shownStdout = /`npm run demo` prints:\n\n```\n([\s\S]*?)\n```/.exec(readme)?.[1];
    // The demo names the scenario relative to where it runs; the README ran it in the repository.
    expect(shownStdout?.split('\n').slice(1)).toEqual(r.stdout.split('\n').slice(1));
    const excerpt = /````markdown\n([\s\S]*?)\n````/.exec(readme)?.[1] ?? '';
    expect(excerpt.length).toBeGreaterThan(500);
    const report = readFileSync(path.join(dir, 'ml-lca-out/report.md'), 'utf8');
    expect(report.startsWith(excerpt)).toBe(true);
  });

  it('documents every top-level scenario key', async () => {
    const { Scenario } = await import('../../src/scenario/schema.js');
    const keys = Object.keys((Scenario as unknown as { shape?: Record<string, unknown> }).shape ?? {}).filter((k) => k !== '$schema');
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) expect(readme, k).toMatch(new RegExp('\\| `' + k + '[`.[]'));
  });
});
