import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { octokitFor } from './helpers.js';
import { accept, boundaryDifference, cardFromZip, findBaseline, type HeadIdentity } from '../../src/github/baseline.js';
import { parseContext } from '../../src/github/context.js';
import type { BaselineSpec } from '../../src/github/inputs.js';
import { openHistory } from '../../src/github/history.js';
import type { ActionOctokit } from '../../src/github/octokit.js';
import { sampleCard } from '../report/sample-card.js';

const card = sampleCard();
const cardText = JSON.stringify(card);
const head: HeadIdentity = { name: card.scenario.name, boundary: card.scenario.boundary };
const meta = { source: 'artifact', ref: 'main', sha: 'b'.repeat(40), run_id: 1, created_at: null };

describe('cardFromZip', () => {
  it.each([
    [{ 'model-card.json': strToU8(cardText), 'report.md': strToU8('# r') }, cardText],
    [{ 'out/chat/model-card.json': strToU8(cardText) }, cardText],
    [{ 'report.md': strToU8('# r') }, null],
  ])('%#: finds model-card.json at any depth, or null', (files, expected) => {
    expect(cardFromZip(zipSync(files))).toBe(expected);
  });

  it('throws on bytes that are not a zip (the caller turns it into a statement)', () => {
    expect(() => cardFromZip(new TextEncoder().encode('not a zip at all'))).toThrow();
  });
});

describe('accept: a baseline is compared only when it is the same scenario and boundary', () => {
  it('accepts a valid card of the same scenario', () => {
    expect(accept(cardText, 'x', meta, head)).toMatchObject({ kind: 'found', meta });
  });
  it.each([
    ['{', /not valid JSON/],
    [JSON.stringify({ ...card, totals: 'lots' }), /not a model card this version can read \(totals:/],
    [JSON.stringify({ ...card, scenario: { ...card.scenario, name: 'other' } }), /is for scenario "other", not "chat-7b"/],
    [
      JSON.stringify({
        ...card,
        scenario: { ...card.scenario, boundary: { stages: ['training'], flows: ['device_energy', 'facility_overhead', 'embodied', 'water_onsite'] } },
      }),
      /another system boundary \(stages added: inference; flows removed: water_onsite\)/,
    ],
  ])('%#: refuses with a plain statement', (text, note) => {
    const r = accept(text, 'artifact x of run 1', meta, head);
    expect(r.kind).toBe('none');
    expect(r.kind === 'none' && r.note).toMatch(note);
    expect(r.kind === 'none' && r.note).toMatch(/nothing compared/);
  });

  it('boundaries compare as sets (order does not matter)', () => {
    expect(boundaryDifference({ stages: ['a', 'b'], flows: ['x'] }, { stages: ['b', 'a'], flows: ['x'] })).toBeNull();
  });
});

describe('findBaseline against a fake GitHub', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub();
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.runs.length = 0;
    fake.artifacts.length = 0;
    fake.faults.length = 0;
    fake.requests.length = 0;
    fake.contents.clear();
  });

  const prEvent = {
    pull_request: {
      number: 3,
      base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'acme/model' } },
      head: { sha: 'c'.repeat(40), repo: { full_name: 'acme/model' } },
    },
  };
  const ctx = (eventName = 'pull_request') =>
    parseContext(
      {
        GITHUB_REPOSITORY: 'acme/model',
        GITHUB_EVENT_NAME: eventName,
        GITHUB_RUN_ID: '9',
        GITHUB_WORKFLOW_REF: 'acme/model/.github/workflows/train.yml@refs/pull/3/merge',
      },
      eventName === 'pull_request' ? prEvent : {},
    );
  /** The artifact store as the action wires it with `history: artifact`. */
  const artifactStores = (octokit: ActionOctokit, eventName?: string) => {
    const h = openHistory({
      inputs: { history: 'artifact', historyBranch: 'ml-lca-data', historyRepo: null },
      ctx: ctx(eventName),
      octokit,
      artifactName: () => 'ml-lca-chat-7b',
      artifactTemplate: 'ml-lca-{scenario}',
      retryBaseMs: 1,
      log: () => {},
    });
    return h.primary ? [h.primary] : [];
  };
  const find = (spec: BaselineSpec, eventName?: string) =>
    findBaseline(octokitFor(fake), { spec, ctx: ctx(eventName), stores: artifactStores(octokitFor(fake), eventName), head });
  const addRun = (id: number, createdAt: string, withArtifact: boolean, expired = false) => {
    fake.runs.push({ id, workflowFile: 'train.yml', branch: 'main', event: 'push', conclusion: 'success', headSha: String(id).padStart(40, '0'), createdAt });
    if (withArtifact)
      fake.artifacts.push({ id: id * 10, runId: id, name: 'ml-lca-chat-7b', zip: Buffer.from(zipSync({ 'model-card.json': strToU8(cardText) })), expired });
  };

  it('takes the newest successful push run that carries the artifact', async () => {
    addRun(1, '2026-01-01T00:00:00Z', true);
    addRun(2, '2026-01-02T00:00:00Z', true);
    addRun(3, '2026-01-03T00:00:00Z', false); // newest, but without the artifact
    const r = await find({ kind: 'history' });
    expect(r).toMatchObject({
      kind: 'found',
      meta: { source: 'artifact', ref: 'main', run_id: 2, sha: '2'.padStart(40, '0'), created_at: '2026-01-02T00:00:00Z' },
    });
    expect(fake.requests.filter((q) => q.path.endsWith('/zip')).map((q) => q.path)).toEqual(['/repos/acme/model/actions/artifacts/20/zip']);
  });

  it('an expired artifact is named as such', async () => {
    addRun(1, '2026-01-01T00:00:00Z', true, true);
    const r = await find({ kind: 'history' });
    expect(r.kind === 'none' && r.note).toMatch(/artifact ml-lca-chat-7b of run 1 on main has expired/);
  });

  it('no run at all: a plain statement', async () => {
    const r = await find({ kind: 'history' });
    expect(r).toEqual({
      kind: 'none',
      note: 'No baseline: no successful push run of train.yml on main (newest 20) carries artifact ml-lca-chat-7b; nothing compared.',
    });
  });

  it('API failures after the retries become a statement, never a throw', async () => {
    fake.faults.push({ method: 'GET', path: /\/runs$/, status: 500, times: 100 });
    const octokit = octokitFor(fake, [], { retries: 1 });
    const r = await findBaseline(octokit, { spec: { kind: 'history' }, ctx: ctx(), stores: artifactStores(octokit), head });
    expect(r.kind === 'none' && r.note).toMatch(/^No baseline: it could not be retrieved from workflow run artifacts \(HTTP 500/);
  });

  it('file:PATH reads the card at the base SHA through the contents API', async () => {
    fake.contents.set(`${'b'.repeat(40)}:cards/base.json`, cardText);
    const r = await find({ kind: 'file', path: 'cards/base.json' });
    expect(r).toMatchObject({ kind: 'found', meta: { source: 'file:cards/base.json', sha: 'b'.repeat(40), run_id: null } });
    const missing = await find({ kind: 'file', path: 'cards/nope.json' });
    expect(missing.kind === 'none' && missing.note).toMatch(/cards\/nope\.json does not exist at the base commit bbbbbbb \(main\)/);
  });

  it.each([
    [{ kind: 'none' } as const, 'pull_request'],
    [{ kind: 'history' } as const, 'push'],
  ])('%j on %s: nothing to compare, no statement, no request', async (spec, event) => {
    expect(await find(spec, event)).toEqual({ kind: 'none', note: null });
    expect(fake.requests).toHaveLength(0);
  });
});
