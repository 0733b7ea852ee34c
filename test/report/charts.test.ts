// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compactCount, headVsBaseChart, lifetimeChart, mermaidLabel, plainNumber, stagePie, tornadoChart } from '../../src/report/charts.js';
import { lifetimeSvg, stagesSvg, svgCharts } from '../../src/report/svg.js';
import type { Comparison } from '../../src/compare/schema.js';
import { cardOf, inventoriesA, scenarioA } from '../lca/interpret/fixtures.js';
import { mermaidBlocks, parseMermaid } from './mermaid-parse.js';
import { buildReport } from '../../src/pipeline.js';
import { nodeIo } from '../../src/io.js';
import { perTest } from '../per-test.js';

const card = perTest(() => cardOf(scenarioA(), inventoriesA()));

const comparison: Comparison = {
  baseline: { source: 'artifact', ref: 'main', sha: 'abc1234', run_id: 1, created_at: null },
  metrics: [
    { metric: 'stages.training.co2e_kg', base: 450.5, head: 440.468, delta: -10.032, delta_pct: -2.227, better: 'lower' },
    { metric: 'totals.co2e_kg', base: 451, head: 440.91, delta: -10.09, delta_pct: -2.24, better: 'lower' },
    { metric: 'per_functional_unit.co2e_g', base: 5, head: 4.887, delta: -0.113, delta_pct: -2.26, better: 'lower' },
  ],
  consistency: [],
  comparable: true,
};

describe('plainNumber: mermaid accepts no exponents', () => {
  it.each([
    [440.468036529, 6, '440.468'],
    [1.5e-7, 4, '0.00000015'],
    [1234567.891, 4, '1235000'],
    [-0.30103, 3, '-0.301'],
    [0, 4, '0'],
    [2e21, 4, '2000000000000000000000'],
  ])('%d (%d digits) -> %s', (x, sig, s) => {
    expect(plainNumber(x, sig)).toBe(s);
  });
});

describe('compactCount', () => {
  it.each([
    [1e6, '1e6'],
    [5e9, '5e9'],
    [99_052_728.86, '9.9e7'],
    [9.96e9, '1e10'],
  ])('%d -> %s', (x, s) => expect(compactCount(x)).toBe(s));
});

describe('mermaid charts parse with the real mermaid parser', () => {
  it('rejects a broken diagram (so the check can fail)', async () => {
    await expect(parseMermaid('xychart-beta\n  x-axis ["a", "b"]\n  line [1, 1.5e-7]')).rejects.toThrow();
    await expect(parseMermaid('pie\n  "a" : x')).rejects.toThrow();
  });

  it('stage pie: one slice per stage with kg values', async () => {
    const pie = stagePie(card)!;
    expect(await parseMermaid(pie)).toBe('pie');
    expect(pie).toContain('"training" : 440.468');
    expect(pie).toContain('"inference" : 0.44468');
  });

  it('lifetime xychart: log10 g per FU at 1e6..1e12, scenario and breakeven marked', async () => {
    const chart = lifetimeChart(card)!;
    expect(await parseMermaid(chart)).toBe('xychart');
    expect(chart).toContain('"1e9 scenario"');
    expect(chart).toContain('"9.9e7 breakeven"');
    // log10(444.9148) = 2.648, log10(4.887272) = 0.6891; floor log10(4.44680) = 0.64805
    expect(chart).toMatch(/line \[2\.648, .*0\.6891/);
    expect(chart).toMatch(/line \[0\.648, 0\.648/);
  });

  it('tornado: horizontal bars of swings, largest first', async () => {
    const chart = tornadoChart(card)!;
    expect(await parseMermaid(chart)).toBe('xychart');
    // grid: 7.307272 − 2.467272 = 4.84 g
    expect(chart).toMatch(/bar \[4\.84, /);
  });

  it('head vs base: bars side by side', async () => {
    const chart = headVsBaseChart(comparison)!;
    expect(await parseMermaid(chart)).toBe('xychart');
    expect(chart).toContain('"training base", "training head", "total base", "total head"');
    expect(chart).toContain('bar [450.5, 440.468, 451, 440.91]');
    expect(headVsBaseChart({ ...comparison, comparable: false })).toBeNull();
  });

  it('survives a hostile scenario name', async () => {
    const hostile = cardOf(scenarioA({ name: 'x"\n  "injected" : 99\n#;{}<script>' }), inventoriesA());
    const pie = stagePie(hostile)!;
    expect(await parseMermaid(pie)).toBe('pie');
    expect(pie.split('\n')).toHaveLength(4);
    expect(mermaidLabel('a"b\nc')).toBe("a'b c");
  });
});

/** Strict-enough XML checks that happy-dom's lenient DOMParser skips: unique attributes, bare '&', balanced tags. */
function checkXml(svg: string): void {
  for (const tag of svg.matchAll(/<([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)) {
    const names = [...(tag[2] ?? '').matchAll(/([\w:-]+)="/g)].map((m) => m[1]);
    expect(new Set(names).size, `duplicate attribute in <${tag[1]}>`).toBe(names.length);
  }
  expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  const opens = [...svg.matchAll(/<([a-zA-Z]+)(?:\s[^>]*)?(?<!\/)>/g)].map((m) => m[1]);
  const closes = [...svg.matchAll(/<\/([a-zA-Z]+)>/g)].map((m) => m[1]);
  expect(opens.sort()).toEqual(closes.sort());
}

describe('svg charts', () => {
  it('writes lifetime.svg and stages.svg with escaped text', () => {
    const hostile = cardOf(scenarioA({ name: 'a<b>&"c"' }), inventoriesA());
    const files = svgCharts(hostile);
    expect(Object.keys(files).sort()).toEqual(['lifetime.svg', 'stages.svg']);
    for (const svg of Object.values(files)) {
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain('a&lt;b&gt;&amp;&quot;c&quot;');
      expect(svg).not.toContain('a<b>');
      checkXml(svg);
    }
  });

  it('marks the breakeven and the scenario on the lifetime chart', () => {
    const svg = lifetimeSvg(card)!;
    expect(svg).toContain('breakeven 9.9e7');
    expect(svg).toContain('scenario 1e9: 4.887 g');
    expect(svg).toContain('per-inference floor');
  });

  it('leaves out charts without data', () => {
    const empty = cardOf(scenarioA(), { training: { ...inventoriesA().training!, host_energy_kwh: 0, hours: 0 } });
    expect(stagesSvg(empty)).toBeNull();
    expect(stagePie(empty)).toBeNull();
  });
});

describe('the demo report', () => {
  it('has the stage pie, the lifetime curve and the tornado, and every mermaid block parses', async () => {
    const io = nodeIo({ now: () => new Date('2026-01-01T00:00:00Z') });
    const { markdown } = await buildReport({ scenarioPath: 'examples/scenarios/chat-model.yml', version: '0.0.0-test' }, io);
    const blocks = mermaidBlocks(markdown);
    const kinds = await Promise.all(blocks.map(parseMermaid));
    expect(kinds).toEqual(['pie', 'xychart', 'xychart']);
    expect(blocks[1]).toMatch(/"[\d.]+e\d+ breakeven"/);
  });
});
