import { describe, expect, it } from 'vitest';
import { deltaPct, outputsOf } from '../../src/github/outputs.js';
import { aggregateVerdict, summaryMarkdown } from '../../src/github/summary.js';
import { artifactPattern } from '../../src/github/workflow-run.js';
import { sampleCard } from '../report/sample-card.js';
import type { ModelCard } from '../../src/report/card-schema.js';

const withComparison = (card: ModelCard, delta_pct: number | null, comparable = true): ModelCard => ({
  ...card,
  comparison: {
    baseline: { source: 'artifact', ref: 'main', sha: 'b'.repeat(40), run_id: 1, created_at: null },
    metrics: [{ metric: 'per_functional_unit.co2e_g', base: 1, head: 1.1, delta: 0.1, delta_pct, better: 'lower' }],
    consistency: [],
    comparable,
  },
});

describe('outputs', () => {
  it('one scenario: its own values', () => {
    const card = withComparison(sampleCard(), 9.915);
    const o = outputsOf([{ card, cardPath: '/w/ml-lca-out/chat-7b/model-card.json', markdown: '# r' }]);
    expect(o).toMatchObject({
      'co2e-kg': String(card.totals.co2e_kg),
      'co2e-per-fu-g': String(card.per_functional_unit.co2e_g),
      verdict: card.verdict,
      'card-path': '/w/ml-lca-out/chat-7b/model-card.json',
      'report-markdown': '# r',
      'delta-pct': '9.915',
    });
  });

  it.each([
    [null, true, null],
    [12.5, false, null], // not comparable (other functional unit): no delta to report
    [-3, true, -3],
  ])('deltaPct(%j, comparable=%j) = %j', (d, comparable, expected) => {
    expect(deltaPct(withComparison(sampleCard(), d, comparable))).toBe(expected);
  });

  it('several scenarios: kg summed, worst verdict, per-unit values only in results', () => {
    const a = { ...sampleCard(), verdict: 'pass' as const };
    const b = { ...sampleCard(), scenario: { ...sampleCard().scenario, name: 'b' }, verdict: 'warn' as const };
    const o = outputsOf([
      { card: a, cardPath: '/a', markdown: 'A' },
      { card: b, cardPath: '/b', markdown: 'B' },
    ]);
    expect(Number(o['co2e-kg'])).toBeCloseTo(2 * a.totals.co2e_kg, 9);
    expect(o.verdict).toBe('warn');
    expect(o['co2e-per-fu-g']).toBe('');
    expect(o['delta-pct']).toBe('');
    expect(o['card-path']).toBe('/a\n/b');
    expect(JSON.parse(o.results)).toEqual([
      { scenario: 'chat-7b', verdict: 'pass', co2e_kg: a.totals.co2e_kg, co2e_per_fu_g: a.per_functional_unit.co2e_g, delta_pct: null, card_path: '/a' },
      { scenario: 'b', verdict: 'warn', co2e_kg: b.totals.co2e_kg, co2e_per_fu_g: b.per_functional_unit.co2e_g, delta_pct: null, card_path: '/b' },
    ]);
  });
});

describe('summary', () => {
  it.each([
    [['pass', 'pass'], 'pass'],
    [['pass', 'warn'], 'warn'],
    [['warn', 'fail', 'pass'], 'fail'],
    [[], 'pass'],
  ] as const)('aggregateVerdict(%j) = %s', (v, expected) => {
    expect(aggregateVerdict(v)).toBe(expected);
  });

  it('one scenario: the report and the notes; several: an aggregated verdict line first', () => {
    const one = summaryMarkdown([{ card: sampleCard(), notes: ['Model card artifact: `ml-lca-chat-7b`'] }]);
    expect(one).toMatch(/^## .* ml-lca: chat-7b/);
    expect(one).toContain('> Model card artifact: `ml-lca-chat-7b`');
    const fail = { ...sampleCard(), verdict: 'fail' as const };
    const two = summaryMarkdown([
      { card: sampleCard(), notes: [] },
      { card: fail, notes: [] },
    ]);
    expect(two.split('\n')[0]).toBe(
      `# ❌ ml-lca: FAIL (2 scenarios: 1 fail, ${sampleCard().verdict === 'warn' ? 1 : 0} warn, ${sampleCard().verdict === 'pass' ? 1 : 0} pass)`,
    );
  });
});

describe('workflow_run artifact pattern', () => {
  it.each([
    ['ml-lca-{scenario}', 'ml-lca-chat-7b', true],
    ['ml-lca-{scenario}', 'ml-lca-', false],
    ['ml-lca-{scenario}', 'other-ml-lca-x', false],
    ['carbon.card', 'carbon.card', true],
    ['carbon.card', 'carbonXcard', false],
  ])('%j matches %j: %j', (template, name, ok) => {
    expect(artifactPattern(template).test(name)).toBe(ok);
  });
});
