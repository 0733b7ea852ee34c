// `ml-lca compare` on a terminal: the summary line first, then a plain table without markdown.
import { describe, expect, it } from 'vitest';
import { changeWord, comparisonSummaryLine, renderComparisonText } from '../../src/report/compare-text.js';
import { renderComparison } from '../../src/report/markdown.js';
import type { Comparison } from '../../src/compare/schema.js';
import { nb } from './nbsp.js';

const comparison: Comparison = {
  baseline: { source: 'file:base.json', ref: 'main', sha: '0123456789abcdef', run_id: 7, created_at: '2026-01-01T00:00:00Z' },
  metrics: [
    // 10.68 -> 12.43 g: +1.75 g, +16.39 %; band ±0.5 g: a real change, worse
    {
      metric: 'per_functional_unit.co2e_g',
      base: 10.68,
      head: 12.43,
      delta: 1.75,
      delta_pct: 16.385768,
      better: 'lower',
      within_noise: false,
      noise_band: 0.5,
    },
    // 20 -> 20.01 kg: +0.05 %, within noise
    { metric: 'totals.co2e_kg', base: 20, head: 20.01, delta: 0.01, delta_pct: 0.05, better: 'lower', within_noise: true, noise_band: 0.4 },
    // 56.2 -> 41.3 g (stage inference, card unit kg): -26.5 %, better
    {
      metric: 'stages.inference.co2e_kg',
      base: 0.0562,
      head: 0.0413,
      delta: -0.0149,
      delta_pct: -26.512,
      better: 'lower',
      within_noise: false,
      noise_band: 0.001,
    },
    { metric: 'stages.inference\u001b[31m.cost_usd', base: null, head: 1, delta: null, delta_pct: null, better: 'lower', within_noise: null, noise_band: null },
  ],
  consistency: [],
  comparable: true,
};

describe('comparisonSummaryLine', () => {
  it('per FU base → head, change, direction, and how many metrics changed beyond noise', () => {
    expect(comparisonSummaryLine(comparison)).toBe(nb('per FU 10.7 → 12.4 g CO2e, +16.4 %, worse; 2 of 4 metrics changed beyond noise'));
  });

  it('within noise says so; not comparable says why first', () => {
    const quiet: Comparison = { ...comparison, metrics: [{ ...comparison.metrics[0]!, within_noise: true }] };
    expect(comparisonSummaryLine(quiet)).toBe(nb('per FU 10.7 → 12.4 g CO2e, +16.4 %, within noise; 0 of 1 metrics changed beyond noise'));
    const other: Comparison = { ...comparison, comparable: false, consistency: ['PUE differs: base 1.1 vs head 1.5.'] };
    expect(comparisonSummaryLine(other)).toBe('not comparable with the base: PUE differs: base 1.1 vs head 1.5.');
  });
});

describe('renderComparisonText', () => {
  // (rendered in each test, not while the file is collected: test/per-test.ts)
  it('summary first, then the base, then an aligned table with no markdown syntax', () => {
    const text = renderComparisonText(comparison);
    const lines = text.split('\n');
    expect(lines[0]).toBe(comparisonSummaryLine(comparison));
    expect(lines[2]).toBe('base: main 0123456 run 7 (file:base.json), created 2026-01-01T00:00:00Z');
    expect(text).not.toMatch(/[|`*]/);
    const header = lines.findIndex((l) => l.startsWith('metric'));
    expect(lines[header]).toMatch(/^metric +unit +base +head +Δ +Δ % +change$/);
    expect(lines[header + 1]).toMatch(/^-+( +-+){6}$/);
    // every row as wide as the header (columns aligned)
    const width = (s: string) => [...s].length;
    const rows = lines.slice(header + 2);
    expect(rows).toHaveLength(4);
    expect(rows[0]!.split(/ {2,}/)).toEqual(['CO2e per FU', 'g CO2e', '10.7', '12.4', '+1.75', nb('+16.4 %'), 'worse']);
    // 20 -> 20.01 kg needs 4 figures to show the change
    expect(rows[1]!.split(/ {2,}/)).toEqual(['total CO2e', 'kg CO2e', '20', '20.01', '+0.01', nb('+0.1 %'), 'within noise']);
    // the stage's kg become g so the figures read: 56.2 -> 41.3 g
    expect(rows[2]!.split(/ {2,}/)).toEqual(['inference: CO2e', 'g CO2e', '56.2', '41.3', '-14.9', nb('-26.5 %'), 'better']);
    expect(width(rows[2]!)).toBeLessThanOrEqual(width(lines[header + 1]!));
  });

  it('prints no control characters from a card (no escape sequence reaches the terminal)', () => {
    const text = renderComparisonText(comparison);
    const lines = text.split('\n');
    expect(text).not.toContain('\u001b');
    expect(lines[lines.length - 1]).toMatch(/^inference +\[31m: cost +USD +— +1 +— +— +no base value$/);
  });
});

describe('changeWord', () => {
  const m = { delta: null, better: 'lower', within_noise: null } as const;
  it('says which side has no value: a stage only in head has no base value, one only in base no head value', () => {
    expect(changeWord({ ...m, base: null, head: 1 })).toBe('no base value');
    expect(changeWord({ ...m, base: 1, head: null })).toBe('no head value');
    expect(changeWord({ ...m, base: null, head: null })).toBe('no value');
  });
  it('in the markdown table too (a stage only in the base)', () => {
    const onlyBase: Comparison = {
      ...comparison,
      metrics: [
        { metric: 'stages.training.co2e_kg', base: 2, head: null, delta: null, delta_pct: null, better: 'lower', within_noise: null, noise_band: null },
      ],
    };
    const md = renderComparison(onlyBase);
    expect(md).toContain('no head value');
    expect(md).not.toContain('no base value');
  });
});
