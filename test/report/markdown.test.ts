import { describe, expect, it } from 'vitest';
import { COMMENT_MAX_CHARS, renderComparison, renderReport } from '../../src/report/markdown.js';
import type { BudgetResult, Comparison } from '../../src/compare/schema.js';
import { sampleCard } from './sample-card.js';
import { nb } from './nbsp.js';
import { comparisonCard, demoCard, forkCard, incompleteCard } from './review-cards.js';

const comparison: Comparison = {
  baseline: { source: 'artifact', ref: 'main', sha: '0123456789abcdef', run_id: 42, created_at: '2025-12-31T00:00:00Z' },
  metrics: [
    // base 1.0 g -> head 0.93244724 g: delta -0.06755276 g, -6.755276 %; band ±0.02 g: a real change
    {
      metric: 'per_functional_unit.co2e_g',
      base: 1,
      head: 0.93244724,
      delta: -0.06755276,
      delta_pct: -6.755276,
      better: 'lower',
      within_noise: false,
      noise_band: 0.02,
    },
    // base 20 kg -> head 25.431164 kg: +5.431164 kg, +27.15582 %; band ±8 kg: within noise
    { metric: 'totals.co2e_kg', base: 20, head: 25.431164, delta: 5.431164, delta_pct: 27.15582, better: 'lower', within_noise: true, noise_band: 8 },
    // 2 kWh -> 2.5 kWh: +25 %, a real change; water 0 -> 0: unchanged
    { metric: 'stages.inference.energy_kwh', base: 2, head: 2.5, delta: 0.5, delta_pct: 25, better: 'lower', within_noise: false, noise_band: 0.05 },
    { metric: 'stages.inference.water_l', base: 0, head: 0, delta: 0, delta_pct: 0, better: 'lower', within_noise: true, noise_band: 0 },
  ],
  consistency: [],
  comparable: true,
};

const budgets: BudgetResult[] = [
  { metric: 'per_functional_unit.co2e_g', kind: 'absolute', limit: 1, warn_limit: 0.9, actual: 0.93244724, status: 'warn', message: 'x' },
  { metric: 'totals.co2e_kg', kind: 'absolute', limit: 100, warn_limit: null, actual: 25.431164, status: 'pass', message: 'x' },
  { metric: 'totals.co2e_kg', kind: 'regression', limit: 10, warn_limit: 5, actual: 27.15582, status: 'fail', message: 'x' },
];

/** The cells of the table row that starts with `first` (split on unescaped pipes, trimmed). */
function row(md: string, first: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith('|') && cellsOf(l)[0] === first);
  if (!line) throw new Error(`no row ${first}`);
  return cellsOf(line);
}
function cellsOf(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}
/** The markdown before the first collapsed section: what a reviewer sees without a click. */
const top = (md: string) => md.slice(0, md.indexOf('<details>'));
/** The body of the collapsed section titled `title`. */
function section(md: string, title: string): string {
  const start = md.indexOf(`<details><summary><b>${title}</b>`);
  if (start < 0) throw new Error(`no section ${title}`);
  return md.slice(start, md.indexOf('</details>', start));
}

describe('renderReport: above the fold', () => {
  it('puts the verdict with its reason first, then the headline per functional unit and total', () => {
    const md = renderReport(sampleCard({ verdict: 'warn', budgets: [budgets[0]!] }));
    expect(md.split('\n')[0]).toBe('## ⚠️ ml-lca: chat-7b: WARN — CO2e per FU is above its warning level');
    // C_FU = 0.858 + 0.049924 + 0.02452324 = 0.93244724 g -> 932 mg (sample-card.ts)
    expect(top(md)).toContain(nb('**932 mg CO2e** per functional unit\\'));
    expect(top(md)).toContain(nb('**25.4 kg CO2e** over the assessed stages (range 20–60 kg CO2e)\\'));
    expect(top(md)).toContain(
      nb('FU: 1,000 chat requests served (1,000 inferences) · 58 kWh facility energy · 0 L water · lifetime (1,000,000,000 inferences) 932 kg CO2e'),
    );
  });

  it.each([
    ['pass', [budgets[1]!], 'within its budget'],
    ['pass', [], 'no budgets set'],
    ['fail', budgets, 'total CO2e rose +27.2 % vs base, over its limit'],
    ['warn', [{ ...budgets[0]!, actual: null }], 'a budget could not be checked'],
  ] as const)('says why the verdict is %s', (verdict, b, reason) => {
    const md = renderReport(sampleCard({ verdict, budgets: [...b] }));
    expect(md.split('\n')[0]).toBe(nb(`## ${{ pass: '✅', warn: '⚠️', fail: '❌' }[verdict]} ml-lca: chat-7b: ${verdict.toUpperCase()} — ${reason}`));
  });

  it('one line per budget, worst first, with the warning level and the limit both shown', () => {
    const md = renderReport(sampleCard({ verdict: 'fail', budgets }));
    const lines = top(md)
      .split('\n')
      .filter((l) => /^- (❌|⚠️|✅)/.test(l));
    expect(lines).toEqual([
      nb('- ❌ **total CO2e vs base** +27.2 %, over the limit · warn at +5 %, limit +10 %'),
      nb('- ⚠️ **CO2e per FU** 932 mg CO2e, above the warning level · warn at 900 mg CO2e, limit 1 g CO2e'),
      nb('- ✅ **total CO2e** 25.4 kg CO2e · limit 100 kg CO2e'),
    ]);
  });

  it('more than five budgets: five lines, a count of the rest, and a Budgets section with every one', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...budgets[1]!, limit: 100 + i }));
    const md = renderReport(sampleCard({ budgets: many }));
    expect(top(md)).toContain('- and 3 more (0 fail, 0 warn, 3 pass): see Budgets below');
    expect(section(md, 'Budgets')).toContain('8 budgets: 0 fail, 0 warn, 8 pass');
    expect(row(section(md, 'Budgets'), '✅ pass')).toEqual(['✅ pass', '`totals.co2e_kg`', nb('25.4 kg CO2e'), '—', nb('100 kg CO2e')]);
  });

  it('the change against the base: arrow, %, base value, noise; then what changed most', () => {
    const md = renderReport(sampleCard({ comparison }));
    const t = top(md);
    // Head, base and band in one unit (the larger's); 1 -> 0.932 g at 3 figures shows -0.068 for -0.0676.
    expect(t).toContain(nb('**0.932 g CO2e** per functional unit ▼ -6.8 % vs base 1 g, better, beyond noise (±0.02 g)\\'));
    expect(t).toContain(nb('▲ +27.2 % vs base 20 kg, within noise (±8 kg)'));
    expect(t).toContain('**What changed most** vs base main `0123456` run 42 (`artifact`): 2 of 4 metrics beyond noise:');
    expect(row(t, 'inference: facility energy (kWh)')).toEqual(['inference: facility energy (kWh)', '2', '2.5', nb('▲ +25.0 %'), 'worse']);
    // The headline two are not repeated in the table, and what did not change is left out.
    expect(t).not.toContain('| CO2e per FU');
    expect(t).not.toContain('inference: water');
  });

  it('states why two cards are not comparable, and shows no change table', () => {
    const c: Comparison = {
      ...comparison,
      comparable: false,
      consistency: ['Functional units differ: "1 query" vs "1,000 chat requests served".', 'PUE differs.'],
    };
    const md = renderReport(sampleCard({ comparison: c }));
    expect(top(md)).toContain(
      '⚠️ Not comparable with base main `0123456` run 42 (`artifact`): Functional units differ: "1 query" vs "1,000 chat requests served". (1 more in Comparison with base)',
    );
    expect(top(md)).not.toContain('What changed most');
    expect(renderComparison(c)).toContain('- Functional units differ');
  });

  it('INCOMPLETE first: the stage, the file and the fix, and the budgets said to rest on incomplete figures', async () => {
    const md = renderReport(await incompleteCard());
    const lines = md.split('\n');
    expect(lines[0]).toBe('## ⛔ ml-lca: chat-7b: INCOMPLETE — the energy of stage `inference` could not be determined, so this check cannot pass');
    expect(lines[2]).toMatch(/^- ⛔ \*\*inference\*\*: `.*logs\/all-na\.csv`: device 0: none of its 10 values is usable .*\*\*Fix:\*\* check the power column/);
    expect(top(md)).toContain('**Budgets** (on the incomplete figures above):');
  });
});

describe('renderReport: details on demand', () => {
  it('collapses every other section, each with a summary that says what is inside', async () => {
    const md = renderReport(await demoCard());
    const summaries = [...md.matchAll(/<details><summary><b>([^<]+)<\/b> · (.*)<\/summary>/g)].map((m) => [m[1], m[2]!.replace(/\u00a0/g, ' ')]);
    expect(summaries).toEqual([
      ['Per stage', 'experimentation 81.3 % of 23.8 kg CO2e over 3 stages; energy, water, cost'],
      ['Per functional unit', '9.84 g CO2e = 8.99 marginal + 0.378 embodied + 0.475 amortized'],
      ['Interpretation', 'experimentation dominates, breakeven at 2,537,872 inferences, most sensitive to lifetime inferences'],
      ['Uncertainty', '20.6–31 kg CO2e, 8.85–12.2 g CO2e per FU'],
      ['Data quality', '0 errors, 0 warnings, 3 notes'],
      ['Charts', 'CO2e by stage, CO2e per FU vs lifetime inferences, Sensitivity'],
      ['Hugging Face co2_eq_emissions', '21.4 kg CO2e'],
      ['Assumptions', '15 parameters: 7 defaults with their sources, 8 from the scenario or logs'],
      ['Logs read', '2 files, 305 rows, 0 rejected'],
    ]);
    // The part above the fold has no chart and no wide table.
    expect(top(md)).not.toContain('```');
  });

  it.each([
    ['demo', demoCard],
    ['comparison', comparisonCard],
    ['incomplete', incompleteCard],
    ['fork', forkCard],
  ])('%s: every table has at most 6 columns and every header a unit or a name', async (_, make) => {
    const md = renderReport(await make());
    const headers = md.split('\n').filter((l, i, all) => l.startsWith('|') && /^\| :?-/.test(all[i + 1] ?? ''));
    expect(headers.length).toBeGreaterThan(3);
    for (const h of headers) expect(cellsOf(h).length, h).toBeLessThanOrEqual(6);
  });

  it('per stage: two tables, units in every header, one unit per quantity, labels that say what the energy is', () => {
    const md = section(renderReport(sampleCard()), 'Per stage');
    expect(md).toContain('| stage     | energy from                | hours<br>(h) | IT energy incl.<br>overhead (kWh) | facility<br>energy (kWh) |');
    // 8 × 0.7 kW × 10 h = 56 kWh; × 0.429 = 24.024 kg op; 0.49924 kg embodied; 24.52324 kg total
    expect(row(md, 'training')).toEqual(['training', 'hours × power, device only', '10', '56', '56']);
    expect(row(md, 'inference')).toEqual(['inference', 'logs, whole server', '1', '2', '2']);
    const impacts = md.slice(md.indexOf('| stage     | operational'));
    expect(cellsOf(impacts.split('\n')[0]!)).toEqual([
      'stage',
      'operational<br>(kg CO2e)',
      'embodied<br>(kg CO2e)',
      'total<br>(kg CO2e)',
      'water<br>(L)',
      'cost<br>(USD)',
    ]);
    expect(row(impacts, 'training')).toEqual(['training', '24', '0.499', '24.5', '0', '—']);
    expect(row(impacts, '**total**')).toEqual(['**total**', '24.9', '0.549', '**25.4**', '0', '—']);
  });

  it('breaks the functional unit into marginal, embodied and amortized with shares', () => {
    const md = section(renderReport(sampleCard()), 'Per functional unit');
    expect(md).toContain(nb('932 mg CO2e = 858 marginal + 49.9 embodied + 24.5 amortized'));
    // shares of 0.93244724 g: 0.858 -> 92.0 %, 0.049924 -> 5.4 %, 0.02452324 -> 2.6 %
    expect(row(md, 'marginal').slice(0, 3)).toEqual(['marginal', '858', nb('92.0 %')]);
    expect(row(md, 'embodied').slice(0, 3)).toEqual(['embodied', '49.9', nb('5.4 %')]);
    expect(row(md, 'amortized').slice(0, 3)).toEqual(['amortized', '24.5', nb('2.6 %')]);
    expect(md).toContain('Breakeven: after 27,010,000 inferences');
  });

  it('compares with the base: one unit per row, delta in it, delta %, direction', () => {
    const md = section(renderReport(sampleCard({ comparison })), 'Comparison with base');
    expect(md).toContain('4 metrics, 2 beyond noise (1 worse, 1 better)');
    expect(row(md, 'total CO2e (kg CO2e)')).toEqual(['total CO2e (kg CO2e)', '20', '25.4', '+5.43', nb('+27.2 %'), 'within noise']);
    expect(row(md, 'CO2e per FU (g CO2e)')).toEqual(['CO2e per FU (g CO2e)', '1', '0.932', '-0.0676', nb('-6.8 %'), 'better']);
    expect(md).toContain('Same functional unit and system boundary as the base.');
  });

  it('lists assumptions with their sources, and logs with rows, rejected rows and warnings', () => {
    const md = renderReport(sampleCard());
    const a = section(md, 'Assumptions');
    expect(row(a, '`grid.intensity_g_per_kwh`')).toEqual(['`grid.intensity_g_per_kwh`', nb('429 g CO2e/kWh'), '350–500', 'default']);
    expect(a).toContain('- `grid.intensity_g_per_kwh`: textbook \\(US average\\) (2024)');
    const logs = section(md, 'Logs read');
    expect(logs).toContain('IT energy as logged,<br>before overhead (kWh)');
    expect(row(logs, '`runs/infer/emissions.csv`')).toEqual(['`runs/infer/emissions.csv`', 'codecarbon, whole server', 'inference', '2', '1', '12 (1)']);
    expect(logs).toContain('- `runs/infer/emissions.csv`: row 7: negative energy rejected');
  });

  it('escapes what users and logs wrote, in markdown and in the HTML of a summary', () => {
    const base = sampleCard();
    const card = sampleCard({
      scenario: { ...base.scenario, name: '<img src=x onerror=alert(1)> @octocat', functional_unit: { description: '**x** | y', inferences: 1000 } },
      stages: { '<b>exp</b> @team': base.stages.training!, inference: base.stages.inference! },
      interpretation: { ...base.interpretation, dominant_stage: '<b>exp</b> @team' },
      sources: [{ ...base.sources[0]!, path: 'a|b`c.csv', warnings: ['<script>', 'cc @org/team'] }],
      warnings: ['see [here](http://evil)'],
    });
    const md = renderReport(card);
    // Fenced blocks (mermaid charts) are not rendered as markdown: no mention or HTML there.
    const prose = md.replace(/^```[\s\S]*?^```$/gm, '');
    expect(prose).not.toMatch(/@octocat|@org|@team/);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>exp');
    expect(md).not.toContain('[here](');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; @\u200doctocat');
    // In a <summary> (HTML, no markdown): entities, no backslashes.
    expect(md).toContain(nb('<summary><b>Per stage</b> · &lt;b&gt;exp&lt;/b&gt; @\u200dteam 96.4 % of'));
    // the pipe in a path cannot open a new table cell
    expect(md).toContain('``a\\|b`c.csv``');
  });

  it.each([2_000, 5_000, 12_000])('trims details, never the verdict, to %i characters', (max) => {
    const base = sampleCard();
    const sources = Array.from({ length: 300 }, (_, i) => ({
      ...base.sources[0]!,
      path: `runs/host-${i}/gpu_power.csv`,
      warnings: ['gap of 600 s not integrated'],
    }));
    const card = sampleCard({ sources, verdict: 'fail' });
    const full = renderReport(card);
    expect(full.length).toBeGreaterThan(max);
    const md = renderReport(card, { maxChars: max });
    expect(md.length).toBeLessThanOrEqual(max);
    expect(md.startsWith('## ❌ ml-lca: chat-7b: FAIL')).toBe(true);
    expect(md).toMatch(/Trimmed to fit [\d,]+ characters: .*Logs read omitted; the model card JSON has every value\./);
    // Sections are trimmed from the end: what is left is whole.
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
  });

  it('lists at most 50 logs; the card has the rest', () => {
    const base = sampleCard();
    const sources = Array.from({ length: 80 }, (_, i) => ({ ...base.sources[0]!, path: `runs/host-${i}/gpu_power.csv` }));
    const logs = section(renderReport(sampleCard({ sources })), 'Logs read');
    expect(logs).toContain('`runs/host-49/gpu_power.csv`');
    expect(logs).not.toContain('`runs/host-50/gpu_power.csv`');
    expect(logs).toContain('And 30 more logs: the model card JSON lists every one.');
  });

  it('keeps the verdict line when even the head does not fit', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...budgets[1]!, status: 'fail' as const, limit: i, message: `budget ${i} exceeded` }));
    const card = sampleCard({
      budgets: many,
      verdict: 'fail',
      interpretation: {
        ...sampleCard().interpretation,
        data_quality: Array.from({ length: 500 }, (_, i) => ({ severity: 'error' as const, code: 'x', message: `error ${i} `.repeat(40) })),
      },
    });
    const md = renderReport(card, { maxChars: 1000 });
    expect(md.length).toBeLessThanOrEqual(1000);
    expect(md.split('\n')[0]).toBe('## ❌ ml-lca: chat-7b: FAIL — 500 budgets are over their limits');
  });

  it('fits a realistic report in one comment untrimmed', async () => {
    expect(renderReport(sampleCard({ comparison }), { maxChars: COMMENT_MAX_CHARS })).not.toContain('Trimmed');
    expect(renderReport(await comparisonCard(), { maxChars: COMMENT_MAX_CHARS })).not.toContain('Trimmed');
  });
});

describe('renderReport: the rules behind the per-stage numbers', () => {
  const withScenario = (over: Partial<ReturnType<typeof sampleCard>['scenario']>) => {
    const c = sampleCard();
    return renderReport({ ...c, scenario: { ...c.scenario, ...over } });
  };

  it('says the embodied boundary: accelerators only, or with their share of the server', () => {
    expect(withScenario({})).toContain(
      nb(
        'embodied carbon is the time share of 8 × H100-SXM over 3 years. Accelerators only: server embodied carbon is outside the boundary (set hardware.host_embodied_kg).',
      ),
    );
    const c = sampleCard().scenario.hardware;
    expect(withScenario({ hardware: { ...c, host_embodied_kg: 2500, devices_per_host: 8, utilization: 0.85 } })).toContain(
      nb("embodied carbon is the time share of 8 × H100-SXM over 3 years at 85.0 % utilization. Each accelerator also carries 1/8 of its server's 2.5 t CO2e."),
    );
  });

  it('says how water is counted, off site only when it is in the boundary', () => {
    expect(withScenario({ wue_l_per_kwh: 0.5 })).toContain(nb('Water: IT energy × WUE 0.5 L/kWh on site.'));
    const grid = { ...sampleCard().scenario.grid, water_intensity_l_per_kwh: 2.5 };
    expect(withScenario({ wue_l_per_kwh: 0.5, grid })).toContain(
      nb('Water: IT energy × WUE 0.5 L/kWh on site + facility energy × 2.5 L/kWh off site (electricity generation).'),
    );
  });

  it.each([
    [{ electricity_usd_per_kwh: null, gpu_hour_usd: null }, null],
    [{ electricity_usd_per_kwh: 0.08, gpu_hour_usd: null }, 'Cost: facility energy × 0.08 USD/kWh.'],
    [{ electricity_usd_per_kwh: null, gpu_hour_usd: 2 }, 'Cost: 2 USD per accelerator-hour × accelerators × hours.'],
    [
      { electricity_usd_per_kwh: 0.08, gpu_hour_usd: 2, gpu_hour_includes_electricity: true },
      'Cost: 2 USD per accelerator-hour × accelerators × hours; the rental price includes electricity (gpu_hour_includes_electricity: true), so 0.08 USD/kWh is applied only to stages without hours.',
    ],
    [
      { electricity_usd_per_kwh: 0.08, gpu_hour_usd: 2, gpu_hour_includes_electricity: false },
      'Cost: 2 USD per accelerator-hour × accelerators × hours + facility energy × 0.08 USD/kWh (gpu_hour_includes_electricity: false).',
    ],
  ])('shows the cost rule for %j', (prices, sentence) => {
    const md = withScenario(prices);
    if (sentence === null) expect(md).not.toContain('Cost:');
    else expect(md).toContain(nb(sentence));
  });

  it('shows the Hugging Face block with what it counts, escaped', () => {
    const c = sampleCard();
    const md = renderReport({ ...c, hf_co2_eq_emissions: { ...c.hf_co2_eq_emissions, hardware_used: '8 x <b>H100</b>', training_type: 'fine-tuning' } });
    const hf = section(md, 'Hugging Face co2_eq_emissions');
    // 24.024 kg operational = 24,024 g in the block
    expect(hf).toContain(nb('· 24 kg CO2e</summary>'));
    expect(hf).toContain(
      nb(
        '**24 kg CO2e** (the block states grams: 24,024 g), training_type fine-tuning: ml-lca 0.1.0 \\(ISO 14040/14044 life cycle assessment\\): operational CO2e of stage training',
      ),
    );
    expect(hf).toContain('hardware 8 x &lt;b&gt;H100&lt;/b&gt;.');
    expect(hf).toContain('`ml-lca hf-card --card model-card.json README.md`');
  });
});
