// buildReport end to end on a memory file system: logs per stage (scenario globs relative to
// the scenario file, --log globs relative to the working directory), the assignment rule for
// bare --log globs, baseline comparison, budget modes, and a schema-valid card.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/io.js';
import { assignExtraLogs, buildReport, budgetFailed } from '../src/pipeline.js';
import { ModelCard } from '../src/report/card-schema.js';
import { InputError } from '../src/errors.js';

const HEADER =
  'timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue';
/** One CodeCarbon 2.3 row: energy_consumed includes the logger's PUE, which ingest divides out. */
function codecarbon(runId: string, energyConsumed: number, pue: number, durationS = 36_000): string {
  return `${HEADER}\n2026-11-20T10:00:00,p,${runId},${durationS},1.0,0.0001,40,700,10,0.4,${energyConsumed - 0.5},0.1,${energyConsumed},United States,USA,virginia,,,Linux,3.11,2.3.4,32,AMD,8,8 x H100,-77,39,256,machine,N,${pue}\n`;
}

const SCENARIO = `
name: pipe
functional_unit: { description: "1,000 requests", inferences: 1000 }
deployment: { lifetime_inferences: 1.0e9 }
grid: { intensity_g_per_kwh: 400 }
pue: 1.25
hardware: { model: H100-SXM, count: 8, lifespan_years: 4 }
stages:
  training: { logs: ["runs/train/*.csv"], hours: 10 }
  inference: { energy_kwh: 1, inferences: 100000, hours: 1, count: 1 }
budgets:
  - { metric: totals.co2e_kg, max: 10 }
  - { metric: totals.co2e_kg, max_increase_pct: 5 }
`;

function files(extra: Record<string, string> = {}) {
  return memoryIo({
    '/repo/lca/lca.yml': SCENARIO,
    // 12.5 kWh logged at PUE 1.25 -> 10 kWh IT energy (whole server: no overhead factor)
    '/repo/lca/runs/train/a.csv': codecarbon('run-a', 12.5, 1.25),
    ...extra,
  });
}

// Hand calculation (domain.md formulas): training IT 10 kWh × PUE 1.25 = 12.5 kWh × 0.4 kg = 5 kg op;
// embodied 8 × (164 kg GPU + 2,500 kg server ÷ 8, the bundled H100 server default) × 10 h / 35,040 h
// = 1.087900 kg. Inference 1 kWh × 1.25 × 0.4 = 0.5 kg op; embodied 476.5 × 1 / 35,040 = 0.0135988 kg.
// Total 6.6015 kg: within the 10 kg budget.
const TRAIN_OP = 10 * 1.25 * 0.4;
const PER_GPU_KG = 164 + 2500 / 8;
const TRAIN_EMB = (8 * PER_GPU_KG * 10) / 35_040;
const INF = 1 * 1.25 * 0.4 + PER_GPU_KG / 35_040;

describe('buildReport', () => {
  it('ingests scenario logs relative to the scenario file and assesses them', async () => {
    const io = files();
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '9.9.9' }, io);
    expect(ModelCard.safeParse(r.card).success).toBe(true);
    expect(r.card.tool.version).toBe('9.9.9');
    expect(r.card.created_at).toBe('2026-01-01T00:00:00.000Z');
    expect(r.card.stages.training!.it_energy_kwh).toBeCloseTo(10, 9);
    expect(r.card.stages.training!.operational_co2e_kg).toBeCloseTo(TRAIN_OP, 9);
    expect(r.card.stages.training!.embodied_co2e_kg).toBeCloseTo(TRAIN_EMB, 9);
    expect(r.card.totals.co2e_kg).toBeCloseTo(TRAIN_OP + TRAIN_EMB + INF, 9);
    // paths in the card are relative to the working directory
    expect(r.card.sources.map((s) => s.path)).toEqual(['lca/runs/train/a.csv']);
    expect(r.card.stages.training!.sources).toEqual(['lca/runs/train/a.csv']);
    expect(r.card.verdict).toBe('pass');
    expect(r.markdown.split('\n')[0]).toBe('## ✅ ml-lca: pipe: PASS — within all 2 budgets');
    // The Hugging Face block: operational CO2e of the up-front stage only, in grams (5,000 g).
    expect(r.card.hf_co2_eq_emissions.emissions).toBeCloseTo(TRAIN_OP * 1000, 6);
  });

  it('adds --log globs (relative to cwd) to the named stage, counting a file once', async () => {
    const io = files({ '/repo/extra/b.csv': codecarbon('run-b', 2.5, 1.25) });
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', extraLogs: ['training=extra/*.csv', 'lca/runs/train/a.csv'], version: '0' }, io);
    // a.csv matched by the scenario glob and by the bare --log counts once; b.csv adds 2 kWh IT
    expect(r.card.stages.training!.sources).toEqual(['lca/runs/train/a.csv', 'extra/b.csv']);
    expect(r.card.stages.training!.it_energy_kwh).toBeCloseTo(12, 9);
  });

  it('scenario logs may point above the scenario file while inside the working directory', async () => {
    const io = memoryIo({
      '/repo/lca/lca.yml': SCENARIO.replace('runs/train/*.csv', '../runs/a.csv'),
      '/repo/runs/a.csv': codecarbon('run-a', 12.5, 1.25),
      '/secret/b.csv': codecarbon('run-b', 12.5, 1.25),
    });
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, io);
    expect(r.card.sources.map((x) => x.path)).toEqual(['runs/a.csv']);
    expect(r.card.stages.training!.it_energy_kwh).toBeCloseTo(10, 9);
    const escaping = memoryIo({ '/repo/lca/lca.yml': SCENARIO.replace('runs/train/*.csv', '../../secret/b.csv'), '/secret/b.csv': codecarbon('b', 1, 1) });
    await expect(buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, escaping)).rejects.toMatchObject({ code: 'PATH_ESCAPE' });
  });

  it.each([
    ['an unknown budget metric', SCENARIO.replace('{ metric: totals.co2e_kg, max: 10 }', '{ metric: totals.co2_kg, max: 10 }'), 'budgets[0].metric'],
    ['an unknown grid region', SCENARIO.replace('grid: { intensity_g_per_kwh: 400 }', 'grid: { region: XX-NOWHERE }'), 'grid.region'],
  ])('%s is an InputError naming the scenario file and the field', async (_what, text, field) => {
    const io = memoryIo({ '/repo/lca/lca.yml': text, '/repo/lca/runs/train/a.csv': codecarbon('run-a', 12.5, 1.25) });
    await expect(buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, io)).rejects.toMatchObject({ file: '/repo/lca/lca.yml', field });
  });

  it('a glob that matches nothing is an InputError naming it', async () => {
    const io = files();
    await expect(buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', extraLogs: ['training=nope/*.csv'], version: '0' }, io)).rejects.toThrow(
      /nope\/\*\.csv/,
    );
  });

  it('compares with a baseline and evaluates regression budgets against it', async () => {
    const first = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, files());
    // head: training used twice the energy -> total carbon rises by 5 kg = +85 %, above +5 %
    const io = files({ '/repo/lca/runs/train/a.csv': codecarbon('run-a', 25, 1.25) });
    const meta = { source: 'file:base.json', ref: 'main', sha: null, run_id: null, created_at: first.card.created_at };
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', baseline: { card: first.card, meta }, version: '0' }, io);
    const m = r.card.comparison!.metrics.find((x) => x.metric === 'totals.co2e_kg')!;
    expect(m.delta).toBeCloseTo(TRAIN_OP, 9); // twice the operational training carbon
    expect(r.card.comparison!.comparable).toBe(true);
    const regression = r.card.budgets.find((b) => b.kind === 'regression')!;
    expect(regression.actual).toBeCloseTo((TRAIN_OP / (TRAIN_OP + TRAIN_EMB + INF)) * 100, 6);
    expect(regression.status).toBe('fail');
    expect(r.card.verdict).toBe('fail');
    expect(budgetFailed(r.card, 'fail')).toBe(true);
    expect(budgetFailed(r.card, 'warn')).toBe(false);
    expect(r.markdown).toContain('<details><summary><b>Comparison with base</b>');
  });

  it('budget-mode off evaluates no budget and says so', async () => {
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', budgetMode: 'off', version: '0' }, files());
    expect(r.card.budgets).toEqual([]);
    expect(r.card.verdict).toBe('pass');
    expect(r.warnings).toContain('budget-mode off: 2 budget(s) not evaluated');
  });
});

describe('buildReport with a Prometheus stage', () => {
  it('queries DCGM energy through the injected fetch and counts it as device energy', async () => {
    // One GPU's energy counter rises 3.6e9 mJ = 3.6e6 J = 1 kWh over the job window; no power gauge.
    const t0 = Date.parse('2025-03-09T00:00:00Z') / 1000;
    const counter = {
      metric: { __name__: 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', Hostname: 'node-a', gpu: '0', UUID: 'GPU-a-0' },
      values: [0, 1, 2, 3].map((i) => [t0 + i * 1200, String(1e9 + i * 1.2e9)]),
    };
    const queries: string[] = [];
    // Prometheus takes the query as a form body (POST /api/v1/query_range).
    const fakeFetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      const q = new URLSearchParams(String(init?.body ?? '')).get('query') ?? '';
      queries.push(q);
      const result = q.startsWith('DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION') ? [counter] : [];
      return new Response(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }), { status: 200 });
    }) as typeof fetch;
    const scenario = SCENARIO.replace(
      'training: { logs: ["runs/train/*.csv"], hours: 10 }',
      'training: { prometheus: { url: "http://127.0.0.1:9", selector: \'{job="t"}\', job_window: { start: "2025-03-09T00:00:00Z", end: "2025-03-09T01:00:00Z" }, step_s: 60 } }',
    );
    const io = memoryIo({ '/repo/lca/lca.yml': scenario });
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0', prometheus: { fetch: fakeFetch, env: {} } }, io);
    expect(queries.some((q) => q === 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{job="t"}')).toBe(true);
    const t = r.card.stages.training!;
    expect(t.energy_origin).toBe('prometheus');
    expect(t.energy_scope).toBe('device');
    expect(t.it_energy_kwh).toBeCloseTo(1, 6);
    expect(t.operational_co2e_kg).toBeCloseTo(1 * 1.25 * 0.4, 6);
    expect(r.card.sources[0]!.path).toMatch(/^prometheus:/);
  });
});

describe('assignExtraLogs', () => {
  const stages = (s: Record<string, object>) => ({ stages: s });
  it.each([
    ['STAGE=GLOB names the stage', stages({ training: { logs: ['a'] }, inference: {} }), ['inference=x.csv'], { inference: ['x.csv'] }],
    ['bare glob -> the only stage with logs', stages({ training: { logs: ['a'] }, inference: {} }), ['x.csv'], { training: ['x.csv'] }],
    ['bare glob -> the only stage', stages({ training: {} }), ['runs/**/*.csv'], { training: ['runs/**/*.csv'] }],
    ['= inside a path is not a stage', stages({ training: {} }), ['runs/a=b.csv'], { training: ['runs/a=b.csv'] }],
  ])('%s', (_what, scenario, extra, expected) => {
    expect(assignExtraLogs(scenario, extra)).toEqual(expected);
  });

  it.each([
    ['ambiguous bare glob', stages({ a: {}, b: {} }), ['x.csv'], /--log: expected STAGE=GLOB \(the scenario has 2 stages that could take it: a, b\)/],
    ['unknown stage', stages({ training: {} }), ['trainig=x.csv'], /--log: expected STAGE=GLOB with STAGE one of training, got "trainig=x.csv"/],
  ])('%s is a BAD_FLAG error', (_what, scenario, extra, message) => {
    let err: unknown;
    try {
      assignExtraLogs(scenario, extra);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('BAD_FLAG');
    expect((err as InputError).message).toMatch(message);
  });
});

describe('buildReport: the grid of the year of the run, and market-based results', () => {
  const scenario = (grid: string) => SCENARIO.replace('grid: { intensity_g_per_kwh: 400 }', grid).replace(/budgets:[\s\S]*$/, '');
  it("takes the data year from the logs' dates (CodeCarbon 2023 run -> Google's 2023 figure), else the card date", async () => {
    const log2023 = codecarbon('run-a', 12.5, 1.25).replace('2026-11-20T10:00:00', '2023-06-01T10:00:00');
    const io = memoryIo({ '/repo/lca/lca.yml': scenario('grid: { region: gcp:us-east1, basis: market }'), '/repo/lca/runs/train/a.csv': log2023 });
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '1' }, io);
    // data/gcp/2023.csv: "us-east1,South Carolina,0.29,560"
    expect(r.card.scenario.grid).toMatchObject({ intensity_g_per_kwh: 560, year: 2023, requested_year: 2023, cfe_pct: 29 });
    expect(r.card.scenario.assumptions.find((a) => a.path === 'grid.intensity_g_per_kwh')?.note).toContain('year of the run 2023 (logs)');
    const mb = r.card.market_based!;
    expect(mb.intensity_g_per_kwh).toBeCloseTo(560 * 0.71, 9);
    // operational scales with the factor; embodied is the same in both results
    expect(mb.operational_co2e_kg).toBeCloseTo(r.card.totals.operational_co2e_kg * 0.71, 9);
    expect(mb.co2e_kg - mb.operational_co2e_kg).toBeCloseTo(r.card.totals.embodied_co2e_kg, 9);
    expect(r.markdown).toContain('Scope 2 dual reporting: location-based');

    const noDates = memoryIo({ '/repo/lca/lca.yml': scenario('grid: { region: FR }').replace('logs: ["runs/train/*.csv"], ', 'energy_kwh: 10, ') });
    const r2 = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '1' }, noDates);
    // card date 2026-01-01: OWID has France up to 2024 -> 2024's 44.179085, said in the note
    expect(r2.card.scenario.grid).toMatchObject({ intensity_g_per_kwh: 44.179085, year: 2024, requested_year: 2026 });
    expect(r2.card.market_based ?? null).toBeNull();
  });
});

describe('buildReport fails closed (issue 12)', () => {
  it('a CodeCarbon run picked up twice by runs/**/emissions.csv counts once, with a warning naming both files', async () => {
    const io = memoryIo({
      '/repo/lca/lca.yml': SCENARIO.replace('runs/train/*.csv', 'runs/**/emissions.csv'),
      '/repo/lca/runs/train/emissions.csv': codecarbon('run-a', 12.5, 1.25),
      '/repo/lca/runs/train/backup/emissions.csv': codecarbon('run-a', 12.5, 1.25),
    });
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, io);
    // 10 kWh IT once, not 20
    expect(r.card.stages.training!.it_energy_kwh).toBeCloseTo(10, 9);
    expect(r.card.sources.map((s) => s.path)).toEqual(['lca/runs/train/backup/emissions.csv', 'lca/runs/train/emissions.csv']);
    expect(r.warnings).toContain(
      'training: lca/runs/train/emissions.csv repeats run p/run-a of lca/runs/train/backup/emissions.csv over the same time: counted once (10 kWh not added again)',
    );
  });

  it('a log with no usable samples makes the card incomplete: it leads the report and fails the gate', async () => {
    const io = files({ '/repo/lca/runs/train/a.csv': `${HEADER}\n` });
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, io);
    expect(r.card.verdict).toBe('incomplete');
    expect(r.card.stages.training!.completeness).toMatchObject({ status: 'incomplete', file: 'lca/runs/train/a.csv' });
    // estimated in its place from hours × count × power (10 h × 8 × 700 W = 56 kWh): the budget
    // fails too, and incomplete ranks above fail
    expect(r.card.stages.training!.it_energy_kwh).toBeCloseTo(56, 9);
    expect(r.card.budgets[0]!.status).toBe('fail');
    expect(budgetFailed(r.card, 'fail')).toBe(true);
    expect(budgetFailed(r.card, 'warn')).toBe(false);
    const md = r.markdown.split('\n');
    expect(md[0]).toBe('## ⛔ ml-lca: pipe: INCOMPLETE — the energy of stage `training` could not be determined, so this check cannot pass');
    expect(md.slice(0, 6).join('\n')).toContain('- ⛔ **training**: `lca/runs/train/a.csv`: the CodeCarbon file has a header but no rows');
    expect(md.slice(0, 6).join('\n')).toContain('**Fix:** CodeCarbon writes a row when the tracker stops');
  });

  it('a rejected row that changed a stage’s energy is at the top of the report', async () => {
    const rows = codecarbon('run-a', 12.5, 1.25).trimEnd().split('\n');
    const negative = rows[1]!.replace(',12.5,', ',-20,');
    const io = files({ '/repo/lca/runs/train/a.csv': `${rows.join('\n')}\n${negative}\n` });
    const r = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, io);
    expect(r.card.verdict).toBe('pass');
    const top = r.markdown.split('\n').slice(0, 6).join('\n');
    expect(top).toContain('**Data quality that changes the result:**');
    expect(top).toContain(
      "- ✂️ `lca/runs/train/a.csv` (stage training): 1 row rejected \\(negative energy\\_consumed\\), first at line 3: the stage's energy comes from the rest of the file",
    );
  });

  it.each([
    [
      'a per-inference stage without energy source',
      SCENARIO.replace('{ energy_kwh: 1, inferences: 100000, hours: 1, count: 1 }', '{ inferences: 100000 }'),
      'stages.inference',
      10,
    ],
    ['energy_kwh that overflows', SCENARIO.replace('{ energy_kwh: 1,', '{ energy_kwh: 1e308,'), 'stages.inference.energy_kwh', 10],
    ['a value that underflows', SCENARIO.replace('{ energy_kwh: 1,', '{ energy_kwh: 1e-320,'), 'stages.inference.energy_kwh', 10],
    ['unknown hardware (typo)', SCENARIO.replace('model: H100-SXM', 'model: H100-SMX'), 'hardware.model', 7],
    ['a log glob that matches nothing', SCENARIO.replace('runs/train/*.csv', 'runs/nope/*.csv'), 'stages.training.logs[0]', 9],
  ])('%s is exit 2 naming the scenario file, line and field', async (_what, text, field, line) => {
    const io = memoryIo({ '/repo/lca/lca.yml': text, '/repo/lca/runs/train/a.csv': codecarbon('run-a', 12.5, 1.25) });
    const e = await buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, io).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({ file: '/repo/lca/lca.yml', field, line });
  });

  it('a missing log names the scenario file, the stage and the pattern', async () => {
    const io = memoryIo({ '/repo/lca/lca.yml': SCENARIO.replace('runs/train/*.csv', 'runs/nope/*.csv') });
    await expect(buildReport({ scenarioPath: 'lca/lca.yml', cwd: '/repo', version: '0' }, io)).rejects.toThrow(
      '/repo/lca/lca.yml: line 9: stages.training.logs[0]: expected a log file matching "runs/nope/*.csv" (relative to /repo/lca), got no matching file',
    );
  });
});
