// The four cards a reviewer's comment is checked on (issue 17): the demo, a change with a
// comparison and budgets that pass, warn and fail (plus a period budget), an INCOMPLETE card,
// and a fork-sized long card (many stages, logs, findings and budgets, hostile names). The
// first three come from the real pipeline on the bundled example logs; the long one grows the
// demo card by hand, the way a card read from a fork's artifact could look.
import { copyFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildReport, compareWithBaseline } from '../../src/pipeline.js';
import { nodeIo } from '../../src/io.js';
import { ModelCard } from '../../src/report/card-schema.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-03-15T12:00:00Z');
const io = () => nodeIo({ now: () => NOW });

/** A scenario in a temp dir next to copies of the example logs (and the all-[N/A] log). */
function workspace(scenario: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ml-lca-review-'));
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  copyFileSync(path.join(ROOT, 'examples/logs/training/emissions.csv'), path.join(dir, 'logs/emissions.csv'));
  copyFileSync(path.join(ROOT, 'examples/logs/inference/gpu_power.csv'), path.join(dir, 'logs/gpu_power.csv'));
  copyFileSync(path.join(ROOT, 'test/fixtures/nvidia-smi/all-na.csv'), path.join(dir, 'logs/all-na.csv'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, 'lca.yml'), scenario);
  return path.join(dir, 'lca.yml');
}

function scenario(opts: { experimentationKwh: number; inferenceLog: string; budgets: string[]; ledger?: string }): string {
  return [
    'name: chat-7b',
    'functional_unit: { description: "1,000 chat requests served", inferences: 1000 }',
    'deployment: { lifetime_inferences: 5.0e7 }',
    'grid: { region: US }',
    'pue: 1.12',
    'it_overhead_factor: 1.375',
    'wue_l_per_kwh: 0.5',
    'electricity_usd_per_kwh: 0.08',
    'hardware: { model: H100-SXM, count: 8, lifespan_years: 4 }',
    'stages:',
    `  experimentation: { energy_kwh: ${opts.experimentationKwh}, hours: 20 }`,
    '  training: { logs: ["logs/emissions.csv"] }',
    `  inference: { logs: ["logs/${opts.inferenceLog}"], count: 1, inferences: 6000 }`,
    ...(opts.ledger ? [`ledger: ${opts.ledger}`] : []),
    ...(opts.budgets.length ? ['budgets:', ...opts.budgets.map((b) => `  - ${b}`)] : ['budgets: []']),
    '',
  ].join('\n');
}

export async function demoCard(): Promise<ModelCard> {
  return (await buildReport({ scenarioPath: path.join(ROOT, 'examples/scenarios/chat-model.yml'), version: '0.0.0-test' }, io())).card;
}

/**
 * Head: the demo with 20 % more experimentation energy than the base. Budgets: total within
 * its limit (pass), per FU over its warning level (warn), total +10 % at most vs base (fail),
 * and a monthly team budget from a one-entry ledger.
 */
export async function comparisonCard(): Promise<ModelCard> {
  const budgets = [
    '{ metric: totals.co2e_kg, max: 100, warn: 50 }',
    '{ metric: per_functional_unit.co2e_g, max: 15, warn: 9 }',
    '{ metric: totals.co2e_kg, max_increase_pct: 10, warn_increase_pct: 5 }',
    '{ scope: model, period: month, metric: totals.co2e_kg, max: 120, warn: 80 }',
  ];
  const ledger = `${JSON.stringify({ created_at: '2026-03-02T10:00:00Z', scenario: 'chat-7b', co2e_kg: 61.5, run_id: 7 })}\n`;
  const base = await buildReport(
    { scenarioPath: workspace(scenario({ experimentationKwh: 40, inferenceLog: 'gpu_power.csv', budgets: [] })), version: '0.0.0-test' },
    io(),
  );
  const headPath = workspace(scenario({ experimentationKwh: 48, inferenceLog: 'gpu_power.csv', budgets, ledger: 'file:spend.jsonl' }), {
    'spend.jsonl': ledger,
  });
  const meta = { source: 'artifact', ref: 'main', sha: '0123456789abcdef0123', run_id: 4242, created_at: '2026-03-14T09:00:00Z' };
  const head = await buildReport({ scenarioPath: headPath, version: '0.0.0-test', baseline: { card: base.card, meta } }, io());
  // buildReport compares already; recomputed here so the test does not depend on how.
  return ModelCard.parse({ ...head.card, comparison: head.card.comparison ?? compareWithBaseline(base.card, head.card, meta) });
}

/** The inference log has no usable sample: the card is INCOMPLETE. */
export async function incompleteCard(): Promise<ModelCard> {
  const p = workspace(scenario({ experimentationKwh: 40, inferenceLog: 'all-na.csv', budgets: ['{ metric: per_functional_unit.co2e_g, max: 15 }'] }));
  return (await buildReport({ scenarioPath: p, version: '0.0.0-test', budgetMode: 'fail' }, io())).card;
}

/**
 * The demo grown to what a large fork's card can hold: 14 stages with long names, 300 logs with
 * long paths and warnings, 40 data-quality findings (12 errors), 30 budgets, hostile text.
 */
export async function forkCard(): Promise<ModelCard> {
  const demo = await demoCard();
  const stages: ModelCard['stages'] = { ...demo.stages };
  const template = demo.stages.training!;
  for (let i = 0; i < 11; i++) {
    const name = `shard-${String(i).padStart(2, '0')}-distillation-with-a-rather-long-stage-name-<b>@team`;
    stages[name] = {
      ...template,
      co2e_kg: template.co2e_kg * (1 + i / 7),
      sources: [`runs/very/deep/directory/structure/of/the/fork/shard-${i}/emissions.csv`],
    };
  }
  const sources = Array.from({ length: 300 }, (_, i) => ({
    ...demo.sources[0]!,
    path: `runs/very/deep/directory/structure/of/the/fork/node-${String(i).padStart(3, '0')}/gpu_power_with_a_long_name.csv`,
    warnings: ['gap of 600 s not integrated', 'clock went backwards <script>alert(1)</script> @org/team'],
  }));
  const data_quality = Array.from({ length: 40 }, (_, i) => ({
    severity: i < 12 ? ('error' as const) : i < 30 ? ('warning' as const) : ('info' as const),
    code: `finding_${i}`,
    message: `node-${i}: ${i < 12 ? 'power column reads 0 W for 40 % of the run; its energy is understated' : 'a long finding'} [link](http://evil.example) @org`,
  }));
  const budgets = Array.from({ length: 30 }, (_, i) => ({
    metric: i % 2 ? 'totals.co2e_kg' : 'per_functional_unit.co2e_g',
    kind: 'absolute' as const,
    limit: 10 + i,
    warn_limit: 5 + i,
    actual: i % 3 === 0 ? 100 : 1,
    status: i % 3 === 0 ? ('fail' as const) : ('pass' as const),
    message: `budget ${i}`,
  }));
  return ModelCard.parse({
    ...demo,
    scenario: { ...demo.scenario, name: `fork-of-chat-7b-with-an-extremely-long-scenario-name-that-goes-on-and-on <img src=x> @everyone` },
    stages,
    sources,
    interpretation: { ...demo.interpretation, data_quality },
    budgets,
    verdict: 'fail',
    warnings: Array.from({ length: 50 }, (_, i) => `warning ${i}: something about the fork's logs that a reviewer may want to know`),
  });
}
