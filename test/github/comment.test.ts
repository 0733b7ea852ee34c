import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { octokitFor } from './helpers.js';
import { commentBody, COMMENT_LIMIT, findPreviousComment, sameReport, upsertComment, viewerLogin } from '../../src/github/comment.js';
import { sampleCard } from '../report/sample-card.js';

let fake: FakeGitHub;
const repo = { owner: 'acme', repo: 'model' };
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.comments.length = 0;
  fake.requests.length = 0;
  fake.faults.length = 0;
  fake.readOnly = false;
  fake.viewerLogin = 'github-actions';
});

const MARK = '<!-- ml-lca:chat-7b -->';
const add = (issue: number, login: string, body: string) => {
  const c = { id: 5000 + fake.comments.length, issue, body, user: { login, type: 'Bot' } };
  fake.comments.push(c);
  return c;
};

describe('viewer and previous comment', () => {
  it.each([
    ['github-actions', 'github-actions'],
    ['my-app[bot]', 'my-app'],
    ['octocat', 'octocat'],
  ])('viewer %j -> %j (GraphQL viewer, [bot] stripped)', async (login, expected) => {
    fake.viewerLogin = login;
    expect(await viewerLogin(octokitFor(fake))).toBe(expected);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /graphql']);
  });

  it("keeps only the viewer's comment with this scenario's marker, paging 100 at a time", async () => {
    for (let i = 0; i < 230; i++) add(7, i % 2 ? 'someone' : 'github-actions[bot]', `chatter ${i}`);
    add(7, 'mallory', `${MARK}\nforged by another user`);
    add(7, 'github-actions[bot]', '<!-- ml-lca:other-model -->\nanother scenario');
    const ours = add(7, 'github-actions[bot]', `${MARK}\nours`);
    const prev = await findPreviousComment(octokitFor(fake), repo, 7, 'chat-7b', 'github-actions');
    expect(prev).toEqual({ id: ours.id, body: `${MARK}\nours` });
    const pages = fake.requests.filter((r) => r.path.startsWith('/repos/acme/model/issues/7/comments'));
    // 233 comments: page 1 (1-100), page 2 (101-200), page 3 (201-233) holds ours.
    expect(pages.map((r) => r.path)).toEqual([
      '/repos/acme/model/issues/7/comments?per_page=100',
      '/repos/acme/model/issues/7/comments?per_page=100&page=2',
      '/repos/acme/model/issues/7/comments?per_page=100&page=3',
    ]);
  });

  it('returns null when only other identities carry the marker', async () => {
    add(7, 'mallory', `${MARK}\nforged`);
    expect(await findPreviousComment(octokitFor(fake), repo, 7, 'chat-7b', 'github-actions')).toBeNull();
  });
});

describe('upsertComment', () => {
  const body = `${MARK}\nreport v1\n<sub>ml-lca 0.1.0 · model card schema 1.0 · 2026-01-01T00:00:00Z</sub>\n`;
  const args = (over: object = {}) => ({ repo, prNumber: 7, scenarioName: 'chat-7b', body, mode: 'always' as const, ...over });

  it('creates, then updates the same comment in place', async () => {
    const o = octokitFor(fake);
    const a = await upsertComment(o, args());
    expect(a.action).toBe('created');
    const b = await upsertComment(o, args({ body: body.replace('v1', 'v2') }));
    expect(b).toMatchObject({ action: 'updated', id: a.action === 'created' ? a.id : -1 });
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]!.body).toContain('report v2');
  });

  it('on-change: leaves the comment alone when only the footer timestamp differs; always: updates', async () => {
    const o = octokitFor(fake);
    await upsertComment(o, args());
    const later = body.replace('2026-01-01T00:00:00Z', '2026-02-02T00:00:00Z');
    expect((await upsertComment(o, args({ body: later, mode: 'on-change' }))).action).toBe('unchanged');
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect((await upsertComment(o, args({ body: later, mode: 'always' }))).action).toBe('updated');
  });

  it('never: makes no request at all', async () => {
    expect(await upsertComment(octokitFor(fake), args({ mode: 'never' }))).toEqual({ action: 'skipped', reason: 'comment: never' });
    expect(fake.requests).toHaveLength(0);
  });

  it('a read-only token (fork PR, 403) is reported as failed + forbidden, not thrown', async () => {
    fake.readOnly = true;
    const r = await upsertComment(octokitFor(fake), args());
    expect(r).toMatchObject({ action: 'failed', forbidden: true });
    expect(r.action === 'failed' && r.reason).toMatch(/HTTP 403: Resource not accessible by integration/);
  });

  it('a 5xx that outlasts the retries is failed, not forbidden', async () => {
    fake.faults.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 503, times: 10 });
    const r = await upsertComment(octokitFor(fake, [], { retries: 2 }), args());
    expect(r).toMatchObject({ action: 'failed', forbidden: false });
    expect(fake.requests.filter((q) => q.method === 'POST' && q.path.includes('/comments')).map((q) => q.status)).toEqual([503, 503, 503]);
  });
});

describe('commentBody', () => {
  it('starts with the marker and stays under 65,536 characters with the verdict kept', () => {
    const card = sampleCard();
    card.warnings = Array.from({ length: 3000 }, (_, i) => `warning number ${i} ${'x'.repeat(40)}`);
    const b = commentBody(card);
    expect(b.startsWith(`${MARK}\n`)).toBe(true);
    expect(b.length).toBeLessThan(COMMENT_LIMIT);
    expect(b).toMatch(/ml-lca: chat-7b: (PASS|WARN|FAIL)/);
  });

  it.each([
    ['a\n<sub>ml-lca 0.1.0 · x · 2026-01-01</sub>\n', 'a\n<sub>ml-lca 0.1.0 · x · 2027-01-01</sub>\n', true],
    ['a\n<sub>ml-lca 0.1.0 · x</sub>\n', 'b\n<sub>ml-lca 0.1.0 · x</sub>\n', false],
  ])('sameReport(%j, %j) = %j', (a, b, same) => {
    expect(sameReport(a, b)).toBe(same);
  });
});
