import { describe, expect, it } from 'vitest';
import { COMMENT_MAX_CHARS, renderComparison, renderReport } from '../../src/report/markdown.js';
import type { Comparison } from '../../src/compare/schema.js';
import { sampleCard } from './sample-card.js';

const comparison: Comparison = {
  baseline: { source: 'artifact', ref: 'main', sha: '0123456789abcdef', run_id: 42, created_at: '2025-12-31T00:00:00Z' },
  metrics: [
    // base 1.0 g -> head 0.93244724 g: delta -0.06755276 g, -6.755276 %
    { metric: 'per_functional_unit.co2e_g', base: 1, head: 0.93244724, delta: -0.06755276, delta_pct: -6.755276, better: 'lower' },
    // base 20 kg -> head 25.431164 kg: +5.431164 kg, +27.15582 %
    { metric: 'totals.co2e_kg', base: 20, head: 25.431164, delta: 5.431164, delta_pct: 27.15582, better: 'lower' },
  ],
  consistency: [],
  comparable: true,
};

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

describe('renderReport', () => {
  it('puts the verdict first, then the headline per functional unit', () => {
    const md = renderReport(sampleCard({ verdict: 'warn' }));
    const [first] = md.split('\n');
    expect(first).toBe('## ⚠️ ml-lca: chat-7b: WARN');
    // C_FU = 0.858 + 0.049924 + 0.02452324 = 0.93244724 g (sample-card.ts)
    expect(md).toContain('**0.9324 g CO2e per functional unit** (1,000 chat requests served; 1,000 inferences)');
    expect(md.indexOf('WARN')).toBeLessThan(md.indexOf('### Per stage'));
  });

  it('has a per-stage table with units and a total row', () => {
    const md = renderReport(sampleCard());
    expect(md).toContain('| stage');
    for (const h of [
      'hours (h)',
      'IT energy (kWh)',
      'facility energy (kWh)',
      'operational (kg CO2e)',
      'embodied (kg CO2e)',
      'total (kg CO2e)',
      'water (L)',
      'cost (USD)',
    ]) {
      expect(md).toContain(h);
    }
    // 8 × 0.7 kW × 10 h = 56 kWh; × 0.429 = 24.024 kg op; 0.49924 kg embodied; 24.52324 kg total
    expect(row(md, 'training')).toEqual(['training', 'estimate (device)', '10', '56', '56', '24.02', '0.4992', '24.52', '0', '—']);
    expect(row(md, '**total**')).toEqual(['**total**', '', '', '58', '58', '24.88', '0.5492', '**25.43**', '0', '—']);
  });

  it('breaks the functional unit into marginal, embodied and amortized with shares', () => {
    const md = renderReport(sampleCard());
    // shares of 0.93244724 g: 0.858 -> 92.0 %, 0.049924 -> 5.4 %, 0.02452324 -> 2.6 %
    expect(row(md, 'marginal').slice(0, 3)).toEqual(['marginal', '0.858', '92.0 %']);
    expect(row(md, 'embodied').slice(0, 3)).toEqual(['embodied', '0.04992', '5.4 %']);
    expect(row(md, 'amortized').slice(0, 3)).toEqual(['amortized', '0.02452', '2.6 %']);
    expect(md).toContain('Breakeven: after 27,010,000 inferences');
  });

  it('compares with the base: delta, delta %, direction', () => {
    const md = renderReport(sampleCard({ comparison }));
    expect(md).toContain('Per functional unit vs base main `0123456` run 42 (`artifact`): -6.755 % (better).');
    expect(row(md, '`totals.co2e_kg`')).toEqual(['`totals.co2e_kg`', 'kg CO2e', '20', '25.43', '+5.431', '+27.16 %', 'lower', 'worse']);
    expect(row(md, '`per_functional_unit.co2e_g`').slice(4)).toEqual(['-0.06755', '-6.755 %', 'lower', 'better']);
    expect(md).toContain('Same functional unit and system boundary as the base.');
  });

  it('states why two cards are not comparable', () => {
    const c: Comparison = { ...comparison, comparable: false, consistency: ['Functional units differ: "1 query" vs "1,000 chat requests served".'] };
    const md = renderReport(sampleCard({ comparison: c }));
    expect(md).toContain('⚠️ Not comparable with base');
    expect(renderComparison(c)).toContain('- Functional units differ');
  });

  it('lists assumptions with their sources and logs with rows, rejected rows and warnings', () => {
    const md = renderReport(sampleCard());
    expect(row(md, '`grid.intensity_g_per_kwh`')).toEqual([
      '`grid.intensity_g_per_kwh`',
      '429 g CO2e/kWh',
      '350–500',
      'default',
      'textbook \\(US average\\) (2024)',
    ]);
    expect(row(md, '`runs/infer/emissions.csv`')).toEqual([
      '`runs/infer/emissions.csv`',
      'codecarbon',
      'inference',
      '2',
      '1',
      '12',
      '1',
      'row 7: negative energy rejected',
    ]);
  });

  it('escapes what users and logs wrote', () => {
    const base = sampleCard();
    const card = sampleCard({
      scenario: { ...base.scenario, name: '<img src=x onerror=alert(1)> @octocat', functional_unit: { description: '**x** | y', inferences: 1000 } },
      sources: [{ ...base.sources[0]!, path: 'a|b`c.csv', warnings: ['<script>', 'cc @org/team'] }],
      warnings: ['see [here](http://evil)'],
    });
    const md = renderReport(card);
    // Fenced blocks (mermaid charts) are not rendered as markdown: no mention or HTML there.
    const prose = md.replace(/^```[\s\S]*?^```$/gm, '');
    expect(prose).not.toMatch(/@octocat|@org/);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('[here](');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; @\u200doctocat');
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
    expect(md).toContain('Sources omitted');
  });

  it('keeps the verdict line when even the head does not fit', () => {
    const budgets = Array.from({ length: 500 }, (_, i) => ({
      metric: `totals.co2e_kg`,
      limit: i,
      actual: 1e6,
      status: 'fail' as const,
      message: `budget ${i} exceeded by a long way`,
    }));
    const md = renderReport(sampleCard({ budgets, verdict: 'fail' }), { maxChars: 1000 });
    expect(md.length).toBeLessThanOrEqual(1000);
    expect(md.split('\n')[0]).toBe('## ❌ ml-lca: chat-7b: FAIL');
  });

  it('fits a realistic report in one comment untrimmed', () => {
    const md = renderReport(sampleCard({ comparison }), { maxChars: COMMENT_MAX_CHARS });
    expect(md).not.toContain('Trimmed');
  });
});

describe('renderReport: the rules behind the per-stage numbers', () => {
  const withScenario = (over: Partial<ReturnType<typeof sampleCard>['scenario']>) => {
    const c = sampleCard();
    return renderReport({ ...c, scenario: { ...c.scenario, ...over } });
  };

  it('says the embodied boundary: accelerators only, or with their share of the server', () => {
    expect(withScenario({})).toContain(
      'embodied carbon is the time share of 8 × H100-SXM over 3 years. Accelerators only: server embodied carbon is outside the boundary (set hardware.host_embodied_kg).',
    );
    const c = sampleCard().scenario.hardware;
    expect(withScenario({ hardware: { ...c, host_embodied_kg: 2500, devices_per_host: 8, utilization: 0.85 } })).toContain(
      "embodied carbon is the time share of 8 × H100-SXM over 3 years at 85.0 % utilization. Each accelerator also carries 1/8 of its server's 2,500 kg CO2e.",
    );
  });

  it('says how water is counted, off site only when it is in the boundary', () => {
    expect(withScenario({ wue_l_per_kwh: 0.5 })).toContain('Water: IT energy × WUE 0.5 L/kWh on site.');
    const grid = { ...sampleCard().scenario.grid, water_intensity_l_per_kwh: 2.5 };
    expect(withScenario({ wue_l_per_kwh: 0.5, grid })).toContain(
      'Water: IT energy × WUE 0.5 L/kWh on site + facility energy × 2.5 L/kWh off site (electricity generation).',
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
    else expect(md).toContain(sentence);
  });

  it('shows the Hugging Face block with what it counts, escaped', () => {
    const c = sampleCard();
    const md = renderReport({ ...c, hf_co2_eq_emissions: { ...c.hf_co2_eq_emissions, hardware_used: '8 x <b>H100</b>', training_type: 'fine-tuning' } });
    expect(md).toContain('#### Hugging Face `co2_eq_emissions`');
    expect(md).toContain(
      '**24,024 g CO2e** (training_type fine-tuning): ml-lca 0.1.0 \\(ISO 14040/14044 life cycle assessment\\): operational CO2e of stage training',
    );
    expect(md).toContain('hardware 8 x &lt;b&gt;H100&lt;/b&gt;.');
    expect(md).toContain('`ml-lca hf-card --card model-card.json README.md`');
  });
});
