// recordRun: what a push run on the default branch records. Only complete assessments are
// history: a budget failure is recorded (the branch keeps its baseline), an incomplete card
// (energy of a stage not determined) is not.
import { describe, expect, it } from 'vitest';
import { MemoryBackend, TreeHistory, runsPath } from '../../src/history/index.js';
import { parseRunsFile } from '../../src/history/layout.js';
import { recordRun } from '../../src/github/history.js';
import type { RunContext } from '../../src/github/context.js';
import { makeCard } from '../ledger/cards.js';

const ctx: RunContext = {
  eventName: 'push',
  repo: { owner: 'acme', repo: 'model' },
  runId: 77,
  workflowFile: 'train.yml',
  sha: 'a'.repeat(40),
  ref: 'refs/heads/main',
  pullRequest: null,
  workflowRun: null,
  defaultBranch: 'main',
  runAttempt: 2,
  job: 'train',
};

describe('recordRun', () => {
  it('records pass, warn and fail cards in one commit, never an incomplete one, and says so', async () => {
    const backend = new MemoryBackend();
    const writer = new TreeHistory(backend, { backoffMs: () => 0, sleep: async () => {} });
    const at = '2026-03-05T00:00:00Z';
    const card = (scenario: string, verdict: 'pass' | 'fail' | 'incomplete') => ({ ...makeCard({ scenario, co2e_kg: 1, created_at: at }), verdict });
    const info: string[] = [];
    const line = await recordRun({
      writer,
      ctx,
      createdAt: at,
      cards: [card('ok', 'pass'), card('over', 'fail'), card('unmeasured', 'incomplete')].map((c) => ({ card: c, extraMetrics: [] })),
      now: new Date('2026-03-06T00:00:00Z'),
      log: { info: (m) => info.push(m), warning: (m) => info.push(`warning: ${m}`) },
    });
    expect(backend.version).toBe(1);
    expect(line).toMatch(/^Recorded in the history memory history \(commit `1`\)\.$/);
    for (const [name, verdict] of [
      ['ok', 'pass'],
      ['over', 'fail'],
    ] as const) {
      const [e] = parseRunsFile(backend.files.get(runsPath(name, at)) ?? '').entries;
      expect(e).toMatchObject({ run_id: 77, attempt: 2, repo: 'acme/model', branch: 'main', sha: 'a'.repeat(40), job: 'train', verdict });
    }
    expect(backend.files.has(runsPath('unmeasured', at))).toBe(false);
    expect(info).toContain('unmeasured: verdict incomplete: not recorded in the history (not a complete assessment)');
  });
});
