// Publishing into the history branch (the core of `dashboard: true`) against issue 16's memory
// backend: the site is built from the version it is committed on, rebuilt when another run moved
// the branch, and only changed files are committed; the branch archive is read with limits.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { slug } from '../../src/dashboard/model.js';
import { filesFromZipball, type PublishTarget, publishDashboard } from '../../src/dashboard/publish.js';
import { MemoryBackend } from '../../src/history/index.js';
import { AS_OF, branchFixture, REPO } from './history.js';

const OPTS = { now: new Date(AS_OF), links: { server: 'https://github.com', repo: REPO }, title: 't', version: '0', sleep: async () => {}, backoffMs: () => 0 };

async function memoryTarget(): Promise<{ backend: MemoryBackend; target: PublishTarget; commits: string[][] }> {
  const backend = new MemoryBackend();
  backend.files = await branchFixture();
  backend.version = 6;
  const commits: string[][] = [];
  const target: PublishTarget = {
    label: 'memory history',
    head: () => backend.head(),
    files: async () => new Map(backend.files),
    commit: async (parent, files, message) => {
      commits.push([message, ...[...files.keys()].sort()]);
      return backend.commit(parent, files);
    },
  };
  return { backend, target, commits };
}

describe('publishDashboard', () => {
  it('commits the whole site under docs/ the first time, then nothing when nothing changed', async () => {
    const { backend, target, commits } = await memoryTarget();
    const first = await publishDashboard(target, OPTS);
    expect(first).toMatchObject({ kind: 'published', version: '7', runs: 6, scenarios: 2, attempts: 1, changed: 10 });
    expect(commits[0]?.[0]).toBe('ml-lca: dashboard of 6 run(s), 2 scenario(s)');
    expect(backend.files.get(`docs/team/${slug('search')}.html`)).toContain('data-fact="spent" data-raw="60"');
    expect(await publishDashboard(target, OPTS)).toEqual({ kind: 'unchanged', runs: 6, scenarios: 2, warnings: [] });
    expect(commits).toHaveLength(1);
  });

  it('when another run moves the branch first, builds again from the new version', async () => {
    const { backend, target, commits } = await memoryTarget();
    let raced = false;
    backend.beforeCommit = async () => {
      if (raced) return;
      raced = true;
      backend.files.set('v1/README-extra.txt', 'another run');
      backend.version += 1; // the head moved: this commit is refused, the next try rebuilds
    };
    const r = await publishDashboard(target, OPTS);
    expect(r).toMatchObject({ kind: 'published', attempts: 2, version: '8' });
    expect(commits).toHaveLength(2);
  });

  it('gives up after the tries, with the reason', async () => {
    const { backend, target } = await memoryTarget();
    backend.beforeCommit = async () => {
      backend.version += 1;
    };
    expect(await publishDashboard(target, { ...OPTS, maxAttempts: 2 })).toEqual({
      kind: 'failed',
      reason: 'memory history kept moving: 2 tries, each overtaken by another run',
      attempts: 2,
    });
  });

  it('an empty branch is not an error to hide', async () => {
    const target: PublishTarget = { label: 'branch x', head: async () => null, files: async () => new Map(), commit: async () => ({ ok: false }) };
    expect(await publishDashboard(target, OPTS)).toEqual({ kind: 'failed', reason: 'branch x does not exist yet (no run recorded)', attempts: 1 });
  });
});

describe('filesFromZipball', () => {
  const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)])));

  it('strips the top folder and keeps only the history layout and the site', () => {
    const got = filesFromZipball(
      zip({
        'acme-model-1a2b3c4/v1/index.json': '{}',
        'acme-model-1a2b3c4/docs/index.html': 'x',
        'acme-model-1a2b3c4/README.md': 'r',
        'acme-model-1a2b3c4/other/a.json': 'o',
      }),
    );
    expect([...got.entries()]).toEqual([
      ['v1/index.json', '{}'],
      ['docs/index.html', 'x'],
    ]);
  });

  it('refuses an archive past its limits', () => {
    const z = zip({ 'top/v1/a.json': 'aaaa', 'top/v1/b.json': 'bbbb', 'top/v1/c.json': 'cccc' });
    expect(() => filesFromZipball(z, { maxFiles: 2, maxBytes: 1000 })).toThrow('the branch archive holds more than 2 files or 1000 bytes');
    expect(() => filesFromZipball(z, { maxFiles: 10, maxBytes: 10 })).toThrow('more than 10 files or 10 bytes');
  });
});
