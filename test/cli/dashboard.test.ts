// `ml-lca dashboard`: flags, messages and exit codes, in process and as the built dist/cli.js.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slug } from '../../src/dashboard/model.js';
import { AS_OF, branchFixture, REPO, REPO_URL, writeFixture } from '../dashboard/history.js';
import { runDist, runInProcess, tempDir } from './helpers.js';

function fixture(): { dir: string; history: string } {
  const dir = tempDir('ml-lca-dash-cli-');
  return { dir, history: writeFixture(path.join(dir, 'history')) };
}

describe('ml-lca dashboard', () => {
  it('writes the site, names skipped files on stderr, says what it wrote', async () => {
    const { dir, history } = fixture();
    const r = await runInProcess(['dashboard', '--history', 'history', '--out', 'site', '--repo', REPO, '--as-of', AS_OF], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`ml-lca dashboard: wrote ${path.join(dir, 'site', 'index.html')}: 7 run(s) of 3 scenario(s), 2 team(s), 12 files`);
    expect(r.stderr.split('\n')).toEqual([
      'ml-lca dashboard: broken/half.json: skipped, not JSON',
      'ml-lca dashboard: notes/package.json: skipped, not an ml-lca model card (tool: Invalid input: expected object, received undefined)',
      'ml-lca dashboard: 1 duplicate run(s) (same run id or commit) counted once',
    ]);
    const ranker = readFileSync(path.join(dir, 'site', 'scenario', `${slug('ranker')}.html`), 'utf8');
    expect(ranker).toContain(`"repos":["${REPO_URL}"]`);
    expect(existsSync(path.join(history, 'ranker', 'run-1.json'))).toBe(true); // the history is only read
  });

  it('reads a checkout of the history branch (issue 16 layout) the same way', async () => {
    const dir = tempDir('ml-lca-dash-cli-');
    for (const [rel, text] of await branchFixture()) {
      const f = path.join(dir, 'checkout', ...rel.split('/'));
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, text);
    }
    const r = await runInProcess(['dashboard', '--history', 'checkout', '--out', 'site', '--repo', REPO, '--as-of', AS_OF], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`ml-lca dashboard: wrote ${path.join(dir, 'site', 'index.html')}: 6 run(s) of 2 scenario(s), 1 team(s), 10 files`);
    const team = readFileSync(path.join(dir, 'site', 'team', `${slug('search')}.html`), 'utf8');
    expect(team).toContain('<dd data-fact="spent" data-raw="60">60\u00a0kg</dd>');
  });

  it('takes the repository from GITHUB_REPOSITORY and GITHUB_SERVER_URL in CI (GitHub Enterprise Server too)', async () => {
    const { dir } = fixture();
    const { runCli } = await import('../../src/cli/main.js');
    const { nodeIo } = await import('../../src/io.js');
    const out: string[] = [];
    const io = {
      ...nodeIo({ log: () => {} }),
      stdout: (l: string) => out.push(l),
      cwd: dir,
      env: { GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: 'https://ghe.example.com' },
    };
    expect(await runCli(['dashboard', '--history', 'history', '--out', 'site', '--as-of', AS_OF], io)).toBe(0);
    const ranker = readFileSync(path.join(dir, 'site', 'scenario', `${slug('ranker')}.html`), 'utf8');
    expect(ranker).toContain('"repos":["https://ghe.example.com/o/r"]');
  });

  it.each([
    [['--out', 'site'], 'ml-lca: dashboard: expected --history DIR (model cards, or a checkout of the history branch), got nothing'],
    [['--history', 'history', '--repo', 'not a repo'], 'ml-lca: ml-lca dashboard --repo: expected OWNER/NAME of a GitHub repository, got "not a repo"'],
    [
      ['--history', 'history', '--repo', 'o/r', '--server-url', 'javascript:alert(1)'],
      'ml-lca: ml-lca dashboard --server-url: expected the http(s) URL of the GitHub server, without credentials, query or fragment, got "javascript:alert(1)"',
    ],
    [
      ['--history', 'history', '--as-of', 'yesterday'],
      'ml-lca: ml-lca dashboard --as-of: expected a date or an ISO 8601 time with a zone, e.g. 2026-03-31T12:00:00Z, got "yesterday"',
    ],
    [
      ['--history', 'history', '--colour', 'red'],
      "ml-lca: dashboard: expected one of --history, --out, --repo, --server-url, --title, --as-of, got Unknown option '--colour'",
    ],
  ])('exit 2 with one line for %j', async (args, message) => {
    const { dir } = fixture();
    const r = await runInProcess(['dashboard', ...args], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
  });

  it('exit 2 naming the directory when it holds no card, and when --out is a file', async () => {
    const dir = tempDir('ml-lca-dash-cli-');
    mkdirSync(path.join(dir, 'empty'));
    const r = await runInProcess(['dashboard', '--history', 'empty'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ml-lca: ${path.join(dir, 'empty')}: expected a directory holding ml-lca model cards (*.json) or a checkout of the history branch, got no such directory, or no *.json below it`,
    );
    const { history } = fixture();
    writeFileSync(path.join(dir, 'file'), 'x');
    const r2 = await runInProcess(['dashboard', '--history', history, '--out', 'file'], dir);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toBe(
      `ml-lca: ml-lca dashboard --out: expected a directory ml-lca can create or write, got ${path.join(dir, 'file')} (${path.join(dir, 'file')} exists and is not a directory)`,
    );
  });

  it('runs from the built dist/cli.js with no node_modules needed by the site', () => {
    const { dir } = fixture();
    const r = runDist(['dashboard', '--history', 'history', '--out', 'site', '--as-of', AS_OF], dir);
    expect(r.stderr.split('\n')[0]).toBe('ml-lca dashboard: broken/half.json: skipped, not JSON');
    expect(r.code).toBe(0);
    const js = readFileSync(path.join(dir, 'site', 'assets', 'uPlot.iife.min.js'), 'utf8');
    expect(js.length).toBeGreaterThan(40_000);
  });
});
