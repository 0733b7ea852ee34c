// Issue 12 "Must show", end to end: the bundled dist/index.js on a pull request whose power log
// has no usable samples (every power.draw reads [N/A]). The PR comment and the job summary are
// headed INCOMPLETE with the stage, the file and the fix; the card, the report, the artifact and
// every output are written; then the step fails (budget-mode fail). Under budget-mode warn it is
// a warning annotation and the step passes. Own fake GitHub: no state shared with other files.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeGitHub } from './fake-github.js';
import { makeWorkspace, pullRequestEvent, ROOT, runAction, TOKEN, useFakeGitHub } from './harness.js';

const SCENARIO = [
  'name: chat-model',
  'functional_unit: { description: "1,000 chat requests", inferences: 1000 }',
  'deployment: { lifetime_inferences: 1000000 }',
  'grid: { region: US, intensity_g_per_kwh: 400 }',
  'hardware: { model: H100-SXM, count: 1 }',
  'stages:',
  '  inference: { logs: ["runs/gpu_power.csv"], inferences: 6000 }',
  'budgets:',
  '  - { metric: per_functional_unit.co2e_g, max: 0.000001 }',
  '',
].join('\n');

const LOG = readFileSync(path.join(ROOT, 'test/fixtures/nvidia-smi/all-na.csv'), 'utf8');
const HEADLINE = '## ⛔ ml-lca: chat-model: INCOMPLETE — the energy of stage `inference` could not be determined, so this check cannot pass';
const STAGE_LINE =
  '- ⛔ **inference**: `runs/gpu_power.csv`: device 0: none of its 10 values is usable \\(10 not available \\(\\[N/A\\], NaN or empty\\)\\). **Fix:**';

let fake: FakeGitHub;

useFakeGitHub((f) => {
  fake = f;
});

function prRun(number: number, runId: number, budgetMode: string) {
  const workspace = makeWorkspace({ 'lca.yml': SCENARIO, 'runs/gpu_power.csv': LOG });
  const run = runAction({
    fake,
    workspace,
    inputs: { scenario: 'lca.yml', 'github-token': TOKEN, 'budget-mode': budgetMode, baseline: 'none' },
    eventName: 'pull_request',
    event: pullRequestEvent({ number, repo: `${fake.owner}/${fake.repo}` }),
    runId,
    ref: `refs/pull/${number}/merge`,
  });
  return { workspace, run };
}

describe('action end to end: a PR whose log has no usable samples', () => {
  it('budget-mode fail: comment and summary headed INCOMPLETE, outputs written, then the step fails', async () => {
    const { workspace, run } = prRun(21, 501, 'fail');
    const r = await run;
    expect(r.code).toBe(1);
    // The comment: marker, then the INCOMPLETE verdict with stage, file and fix before any figure.
    const comments = fake.comments.filter((c) => c.issue === 21);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body.split('\n');
    expect(body[0]).toBe('<!-- ml-lca:chat-model -->');
    expect(body[1]).toBe(HEADLINE);
    expect(body.slice(2, 8).join('\n')).toContain(STAGE_LINE);
    // The job summary says the same first.
    expect(r.summary.split('\n')[0]).toBe(HEADLINE);
    expect(r.summary).toContain(STAGE_LINE);
    // Outputs, card and artifact are all written.
    expect(r.outputs.verdict).toBe('incomplete');
    expect(r.outputs['card-path']).toBe(path.join(workspace, 'ml-lca-out/chat-model/model-card.json'));
    const card = JSON.parse(readFileSync(r.outputs['card-path']!, 'utf8')) as {
      verdict: string;
      stages: Record<string, { completeness: { status: string; file: string } }>;
    };
    expect(card.verdict).toBe('incomplete');
    expect(card.stages.inference!.completeness).toMatchObject({ status: 'incomplete', file: 'runs/gpu_power.csv' });
    expect(JSON.parse(r.outputs.results!)).toEqual([expect.objectContaining({ scenario: 'chat-model', verdict: 'incomplete' })]);
    expect(r.outputs['report-markdown']!.split('\n')[0]).toBe(HEADLINE);
    expect(fake.artifacts.some((a) => a.runId === 501)).toBe(true);
    // The step fails last, saying INCOMPLETE with the stage, the file and the fix.
    const failAt = r.stdout.indexOf('::error::');
    expect(failAt).toBeGreaterThan(r.stdout.indexOf('PR comment created'));
    expect(r.stdout.slice(failAt).split('\n')[0]).toMatch(
      /^::error::ml-lca: INCOMPLETE: chat-model: stage inference: runs\/gpu_power\.csv: device 0: none of its 10 values is usable .*\. Fix: check the power column/,
    );
  });

  it('budget-mode warn: the same report, a warning annotation, and the step passes', async () => {
    const r = await prRun(22, 502, 'warn').run;
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('incomplete');
    expect(r.summary.split('\n')[0]).toBe(HEADLINE);
    expect(r.stdout).toMatch(/::warning::ml-lca: INCOMPLETE: chat-model: stage inference: runs\/gpu_power\.csv: .* \(budget-mode: warn\)/);
    expect(r.stdout).not.toContain('::error::');
  });
});
