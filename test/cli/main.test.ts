import { describe, expect, it } from 'vitest';
import { runInProcess } from './helpers.js';

describe('ml-lca (dispatch)', () => {
  it('--help lists every command and the exit codes', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['report', 'ingest', 'compare', 'demo', 'ledger']) expect(r.stdout).toContain(`ml-lca ${c}`);
    expect(r.stdout).toContain('Exit codes: 0');
  });

  it('no command prints usage and exits 2', async () => {
    const r = await runInProcess([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage:');
  });

  it('--version prints the package version', async () => {
    const r = await runInProcess(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['frobnicate'], 'ml-lca: expected a command: report, ingest, compare, ledger, data, measure, demo, hf-card'],
    [
      ['report', '--scenario', 'x.yml', '--bogus'],
      "ml-lca: report: expected one of --scenario, --log, --baseline, --out, --budget-mode, got Unknown option '--bogus'",
    ],
    [['report'], 'ml-lca: report: expected --scenario FILE (the scenario YAML or JSON), got nothing'],
    [['report', '--scenario'], 'ml-lca: report: expected a value after the flag'],
    [['report', '--scenario', 'x.yml', '--budget-mode', 'strict'], 'ml-lca: report --budget-mode: expected one of fail, warn, off, got "strict"'],
    [['report', '--scenario', 'x.yml', 'extra'], 'ml-lca: report: expected ml-lca report --scenario FILE'],
    [
      ['compare', 'a.json'],
      'ml-lca: compare: expected ml-lca compare BASE_CARD.json|HISTORY_DIR HEAD_CARD.json [--json | --markdown] [--sha SHA] [--branch NAME] [--repo OWNER/NAME], got "a.json"',
    ],
    [['demo', '--out'], 'ml-lca: demo: expected a value after the flag'],
  ])('%j exits 2 with one line: %s', async (argv, message) => {
    const r = await runInProcess(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(message)).toBe(true);
  });

  it('per-command --help', async () => {
    const r = await runInProcess(['compare', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Usage: ml-lca compare BASE_CARD.json|HISTORY_DIR HEAD_CARD.json [--json | --markdown] [--sha SHA] [--branch NAME] [--repo OWNER/NAME]',
    );
  });
});

describe('lazy loading', () => {
  it('the ingest command does not load the report or GitHub code', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const path = await import('node:path');
    const { ROOT } = await import('./helpers.js');
    // In the bundle, dist/cli.js imports each command's chunk dynamically; the ingest chunk's
    // static imports must not reach the report renderer or octokit.
    const cli = readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8');
    expect(cli).toMatch(/import\(['"]\.\/chunks\/ingest\.js['"]\)/);
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || !existsSync(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import[^'"]*['"](\.[^'"]+)['"]/gm)) visit(path.join(path.dirname(file), m[1]!));
    };
    visit(path.join(ROOT, 'dist/chunks/ingest.js'));
    const names = [...seen].map((f) => path.basename(f));
    expect(names).not.toContain('markdown.js');
    expect(names).not.toContain('pipeline.js');
    expect([...seen].some((f) => /octokit|@actions/.test(readFileSync(f, 'utf8').slice(0, 2000)))).toBe(false);
  });
});
