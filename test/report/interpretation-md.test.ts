// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { renderInterpretation } from '../../src/report/interpretation-md.js';
import { annotateNoise } from '../../src/compare/noise.js';
import type { ModelCard } from '../../src/report/card-schema.js';
import { cardOf, handA, inv, inventoriesA, scenarioA, source } from '../lca/interpret/fixtures.js';
import { mermaidBlocks, parseMermaid } from './mermaid-parse.js';
import { perTest } from '../per-test.js';
import { nb } from './nbsp.js';
import { mermaidCharts } from '../../src/report/charts.js';

const card = perTest(() => cardOf(scenarioA(), inventoriesA()));

/** The two numbers a pattern's groups capture (thousands separators dropped). */
function numbersAfter(text: string, pattern: RegExp): [number, number] {
  const m = pattern.exec(text);
  expect(m, String(pattern)).not.toBeNull();
  const n = (g: string | undefined) => Number((g ?? '').replaceAll(',', ''));
  return [n(m?.[1]), n(m?.[2])];
}

/** A number as the report shows it (rounded to 3 or 4 figures) against its exact value. */
function expectShown(shown: number, exact: number): void {
  expect(Math.abs(shown / exact - 1), `${shown} shown for ${exact}`).toBeLessThan(0.005);
}
let md = '';
beforeEach(() => {
  md = renderInterpretation(card);
});

describe('renderInterpretation', () => {
  it('names the dominant stage and term with their shares', () => {
    // training 440.468 / 440.913 kg = 99.9 %; marginal 4.4 / 4.887 g = 90.0 %
    expect(md).toContain(nb('Stage **training** dominates the assessed carbon: 99.9 % of 441 kg CO2e'));
    expect(md).toContain(
      nb('the **marginal** term dominates: 90.0 % of 4.89 g CO2e (marginal 4.4 g CO2e, embodied 0.0468 g CO2e, amortized up-front 0.44 g CO2e)'),
    );
  });

  it('states the breakeven and where the scenario sits', () => {
    // a count: a whole number
    expect(md).toContain('Breakeven at **99,052,729** inferences');
    expect(md).toContain('is **beyond** it: serving dominates each unit');
  });

  it('has the tornado table sorted by swing, grid first', () => {
    const perFu = md.slice(md.indexOf('| parameter'), md.indexOf('\n\n', md.indexOf('| parameter')));
    const rows = perFu.split('\n').slice(2);
    expect(rows[0]).toMatch(/^\| grid intensity \(g CO2e\/kWh\) +\| +200 \| +400 \| +600 \| +2\.47 → 7\.31 \| +4\.84 \|$/);
    expect(rows[1]).toMatch(/^\| lifetime inferences +\| +100,000,000 \|/);
    expect(rows).toHaveLength(6);
    // Two tables of at most 6 columns: per FU, then the total.
    expect(md).toMatch(/^\| parameter +\| kg CO2e total<br>at low → high \| swing<br>\(kg CO2e\) \|$/m);
  });

  it('gives the uncertainty range and its method', () => {
    // All-low corner (grid 200 g/kWh, PUE 1.05, embodied 15 kg, lifespan 5 years):
    //   1,001 kWh × 1.05 × 0.2 kg/kWh + 101 h × 15 kg / (5 × 8,760 h) = 210.21 + 0.0346 = 210.245 kg
    // All-high corner (600 g/kWh, PUE 1.5, 463 kg, 3 years):
    //   1,001 × 1.5 × 0.6 + 101 × 463 / (3 × 8,760) = 900.9 + 1.779 = 902.679 kg
    const [lo, hi] = numbersAfter(md, /Assessed stages: \*\*([\d.,]+)–([\d.,]+)\u00a0kg CO2e\*\*/);
    // (as shown, rounded to 3 figures: within 0.5 %)
    expectShown(lo, 1001 * 1.05 * 0.2 + (101 * 15) / (5 * 8760));
    expectShown(hi, 1001 * 1.5 * 0.6 + (101 * 463) / (3 * 8760));
    // the same corners per FU (handA: marginal + embodied + amortized)
    const [fLo, fHi] = numbersAfter(md, /Per functional unit: \*\*([\d.,]+)–([\d.,]+)\u00a0g CO2e\*\*/);
    expectShown(fLo, handA({ ci: 200, pue: 1.05, emb: 15, life: 5 }).perFuG);
    expectShown(fHi, handA({ ci: 600, pue: 1.5, emb: 463, life: 3 }).perFuG);
    // energy: 1,001 kWh × PUE 1.05 … 1.5 = 1,051.05 … 1,501.5 kWh, shown in MWh
    const [eLo, eHi] = numbersAfter(md, /Energy: ([\d.,]+)–([\d.,]+)\u00a0MWh/);
    expectShown(eLo, 1.05105);
    expectShown(eHi, 1.5015);
    // the lines whole, with the central values (440.91 kg, 4.887 g, 1,001 × 1.1 = 1,101.1 kWh), 3 figures
    expect(md).toContain(nb('- Assessed stages: **210–903 kg CO2e** (central 441 kg CO2e).'));
    expect(md).toContain(nb('- Per functional unit: **2.31–10.1 g CO2e** (central 4.89 g CO2e).'));
    expect(md).toContain(nb('- Energy: 1.05–1.5 MWh (central 1.1 MWh).'));
    expect(md).toContain('Method: interval arithmetic by vertices');
    expect(md).toContain('seed 20240521');
  });

  it('lists data quality with severity', () => {
    expect(md).toContain('- ⚠️ **warning** `no_experimentation_stage`');
  });

  it('shows SCI and the energy disclosure', () => {
    // (1.1 kWh × 400 g/kWh + 4.680 g) / 100 FU = 4.447 g
    expect(md).toContain(nb('SCI = (E × I + M) / R = (1.1 kWh × 400 g/kWh + 4.68 g) / 100 = **4.45 g CO2e per functional unit**'));
    expect(md).toContain('does not amortise training');
    expect(md).toContain(nb('- Hardware: 1 × H100-SXM (700 W each).'));
    expect(md).toContain(nb('- Facility: PUE 1.1 (applied once), IT overhead 1× on device-only energy, WUE 0 L/kWh.'));
  });

  it('every chart parses with the real mermaid parser (pie, lifetime xychart, tornado); the text itself has none', async () => {
    expect(mermaidBlocks(md)).toHaveLength(0);
    const charts = mermaidCharts(card);
    expect(await Promise.all([charts.stages!, charts.lifetime!, charts.tornado!].map(parseMermaid))).toEqual(['pie', 'xychart', 'xychart']);
  });

  it('adds head vs base noise statements and a chart that parses', async () => {
    const head = cardOf(scenarioA(), { ...inventoriesA(), training: inv({ host_energy_kwh: 1005, hours: 100 }) });
    const comparison = annotateNoise(
      {
        baseline: { source: 'artifact', ref: 'main', sha: null, run_id: 7, created_at: null },
        metrics: ['totals.co2e_kg', 'stages.training.co2e_kg'].map((metric) => {
          const b = metric === 'totals.co2e_kg' ? card.totals.co2e_kg : card.stages.training!.co2e_kg;
          const h = metric === 'totals.co2e_kg' ? head.totals.co2e_kg : head.stages.training!.co2e_kg;
          return { metric, base: b, head: h, delta: h - b, delta_pct: ((h - b) / b) * 100, better: 'lower' as const };
        }),
        consistency: [],
        comparable: true,
      },
      card,
      head,
    );
    const out = renderInterpretation({ ...head, comparison });
    // +5 kWh × 1.1 × 0.4 = +2.2 kg (+0.499 %), inside the 2 % floor: 0.02 × 443.11 kg = 8.86 kg
    expect(out).toContain('#### Real change or noise?');
    expect(out).toMatch(/`totals.co2e_kg`: \+2\.2\u00a0kg CO2e \(\+0\.5\u00a0%\) is within the noise band ±8\.86\u00a0kg CO2e: not a real change\./);
    // Non-headline metrics inside the noise are left to the comparison table.
    expect(out).not.toContain('`stages.training.co2e_kg`:');
    // One stage compared: no head-vs-base chart (the headline says it); the other charts parse.
    const charts = mermaidCharts({ ...head, comparison });
    expect(charts.headVsBase).toBeNull();
    for (const b of [charts.stages, charts.lifetime, charts.tornado]) await expect(parseMermaid(b!)).resolves.toBeTruthy();
  });

  it('escapes log paths and messages', () => {
    const evil = source({ path: 'runs/<img src=x>|@team.csv', rows: 10, rows_rejected: 5, energy_kwh: 1 });
    const c = cardOf(
      scenarioA(),
      { ...inventoriesA(), inference: inv({ host_energy_kwh: 1, hours: 1, inferences: 1e5, origin: 'logs', sources: [evil.path] }) },
      [evil],
    );
    const out = renderInterpretation(c);
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x&gt;\\|@\u200dteam.csv');
  });

  it('renders a card written before the optional fields existed', () => {
    const i = card.interpretation;
    const old: ModelCard = {
      ...card,
      interpretation: {
        dominant_stage: i.dominant_stage,
        breakeven_inferences: i.breakeven_inferences,
        sensitivity: i.sensitivity,
        uncertainty: { co2e_kg_low: 1, co2e_kg_high: 2 },
        data_quality: [],
      },
    };
    const out = renderInterpretation(old);
    expect(out).toContain(nb('Assessed stages: **1–2 kg CO2e**'));
    expect(out).toContain('No completeness or consistency findings.');
    expect(out).not.toContain('SCI');
  });
});
