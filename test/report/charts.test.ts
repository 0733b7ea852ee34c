// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  CHART_COLORS,
  compactCount,
  headVsBaseChart,
  lifetimeChart,
  lifetimePoints,
  mermaidLabel,
  plainNumber,
  stagePie,
  themeDirective,
  tornadoChart,
} from '../../src/report/charts.js';
import { contrastRatio } from './contrast.js';
import { lifetimeSvg, overlaps, stagesSvg, svgCharts, textBox } from '../../src/report/svg.js';
import type { Comparison } from '../../src/compare/schema.js';
import { cardOf, inventoriesA, scenarioA } from '../lca/interpret/fixtures.js';
import { mermaidBlocks, parseMermaid } from './mermaid-parse.js';
import { buildReport } from '../../src/pipeline.js';
import { nodeIo } from '../../src/io.js';
import { perTest } from '../per-test.js';

const card = perTest(() => cardOf(scenarioA(), inventoriesA()));

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

describe('compactCount: chart axes in words a reader knows', () => {
  it.each([
    [1e6, '1M'],
    [5e9, '5B'],
    [99_052_728.86, '99M'],
    [9.96e9, '10B'],
  ])('%d -> %s', (x, s) => expect(compactCount(x)).toBe(s));
});

describe('chart colours', () => {
  it('the main series and the text keep 3:1 on GitHub light and dark; references are grey', () => {
    for (const bg of ['#ffffff', '#0d1117']) {
      expect(contrastRatio(CHART_COLORS.main, bg)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(CHART_COLORS.text, bg)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(CHART_COLORS.reference, bg)).toBeGreaterThanOrEqual(3);
      for (const slice of CHART_COLORS.slices) expect(contrastRatio(slice, bg), slice).toBeGreaterThanOrEqual(3);
    }
    // white slice labels on every slice colour
    for (const slice of CHART_COLORS.slices) expect(contrastRatio(slice, '#ffffff'), slice).toBeGreaterThanOrEqual(3);
  });

  it('every chart starts with the theme: main series first in the palette, transparent background', () => {
    for (const chart of [stagePie(card), lifetimeChart(card), tornadoChart(card), headVsBaseChart(stageComparison)]) {
      const first = chart!.split('\n')[0]!;
      const init = JSON.parse(first.replace(/^%%\{init: /, '').replace(/\}%%$/, '')) as { theme: string; themeVariables: Record<string, unknown> };
      expect(init.theme).toBe('base');
      expect(init.themeVariables.background).toBe('transparent');
    }
    expect(themeDirective('xy')).toContain(`"plotColorPalette":"${CHART_COLORS.main}, ${CHART_COLORS.reference}"`);
    expect(themeDirective('pie')).toContain(`"pie1":"${CHART_COLORS.slices[0]}"`);
  });
});

const stageComparison: Comparison = {
  baseline: { source: 'artifact', ref: 'main', sha: 'abc1234', run_id: 1, created_at: null },
  metrics: [
    { metric: 'stages.training.co2e_kg', base: 450.5, head: 440.468, delta: -10.032, delta_pct: -2.227, better: 'lower' },
    { metric: 'stages.inference.co2e_kg', base: 0.4, head: 0.44468, delta: 0.04468, delta_pct: 11.17, better: 'lower' },
    { metric: 'totals.co2e_kg', base: 451, head: 440.91, delta: -10.09, delta_pct: -2.24, better: 'lower' },
  ],
  consistency: [],
  comparable: true,
};

describe('mermaid charts parse with the real mermaid parser', () => {
  it('rejects a broken diagram (so the check can fail)', async () => {
    await expect(parseMermaid('xychart-beta\n  x-axis ["a", "b"]\n  line [1, 1.5e-7]')).rejects.toThrow();
    await expect(parseMermaid('pie\n  "a" : x')).rejects.toThrow();
  });

  it('stage pie: one slice per stage, 3 figures, in one unit named in the title', async () => {
    const pie = stagePie(card)!;
    expect(await parseMermaid(pie)).toBe('pie');
    expect(pie).toContain('title kg CO2e by stage, scenario-a');
    expect(pie).toContain('"training" : 440');
    expect(pie).toContain('"inference" : 0.445');
  });

  it('lifetime xychart: g per FU from 0 (no log10), the decades around breakeven and scenario, each marked once', async () => {
    const chart = lifetimeChart(card)!;
    expect(await parseMermaid(chart)).toBe('xychart');
    expect(chart).not.toMatch(/log10/);
    // curve: 1e7 48.49 g, breakeven 9.9e7 8.894 g, 1e9 4.887 g (scenario), 1e10 4.491, 1e11 4.451;
    // 1e6 is more than a decade below the breakeven, 1e8 sits next to it (×1.01), 1e12 past 100 × the scenario.
    expect(chart).toContain('x-axis "lifetime inferences" ["10M", "99M breakeven", "1B scenario", "10B", "100B"]');
    expect(chart).toContain('y-axis "g CO2e per FU" 0 --> 50');
    expect(chart).toContain('line [48.5, 8.89, 4.89, 4.49, 4.45]');
    // the per-inference floor: 4.4 + 0.0468 = 4.447 g
    expect(chart).toContain('line [4.45, 4.45, 4.45, 4.45, 4.45]');
    expect(chart.match(/breakeven/g)).toHaveLength(1);
    expect(chart.match(/scenario/g)).toHaveLength(1);
  });

  it('lifetime points: at most 7, never dropping a marked point', () => {
    const curve = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((e) => ({ inferences: 10 ** e, co2e_g_per_fu: 1 + 10 ** (9 - e) }));
    const wide = {
      ...card,
      interpretation: {
        ...card.interpretation,
        lifetime_curve: [
          ...curve,
          { inferences: 2e3, co2e_g_per_fu: 500, label: 'breakeven' as const },
          { inferences: 5e11, co2e_g_per_fu: 1, label: 'scenario' as const },
        ].sort((a, b) => a.inferences - b.inferences),
      },
    };
    const points = lifetimePoints(wide);
    expect(points.length).toBeLessThanOrEqual(7);
    expect(points.filter((p) => p.label).map((p) => p.label)).toEqual(['breakeven', 'scenario']);
  });

  it('tornado: horizontal bars of swings in words, largest first, zero swings left out', async () => {
    const chart = tornadoChart(card)!;
    expect(await parseMermaid(chart)).toBe('xychart');
    // grid: 7.307272 − 2.467272 = 4.84 g
    expect(chart).toContain('x-axis ["grid intensity", "lifetime inferences", "PUE", "embodied per device", "hardware lifespan"]');
    expect(chart).toMatch(/bar \[4\.84, 4\.36, 1\.98, /);
  });

  it('head vs base: head as bars, base as a grey line, per stage', async () => {
    const chart = headVsBaseChart(stageComparison)!;
    expect(await parseMermaid(chart)).toBe('xychart');
    expect(chart).toContain('x-axis ["training", "inference"]');
    expect(chart).toContain('bar [440.5, 0.4447]');
    expect(chart).toContain('line [450.5, 0.4]');
    expect(headVsBaseChart({ ...stageComparison, comparable: false })).toBeNull();
  });

  it('survives a hostile scenario name', async () => {
    const hostile = cardOf(scenarioA({ name: 'x"\n  "injected" : 99\n#;{}<script>' }), inventoriesA());
    const pie = stagePie(hostile)!;
    expect(await parseMermaid(pie)).toBe('pie');
    expect(pie.split('\n')).toHaveLength(5);
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

  it('marks the breakeven and the scenario on the lifetime chart, with ticks in real units', () => {
    const svg = lifetimeSvg(card)!;
    expect(svg).toContain('breakeven 99M: 8.89 g CO2e');
    expect(svg).toContain('scenario 1B: 4.89 g CO2e');
    expect(svg).toContain('per-inference floor (marginal + embodied) 4.45 g CO2e');
    for (const tick of ['>1 g<', '>10 g<', '>100 g<', '>1M<', '>1B<']) expect(svg).toContain(tick);
    // Follows the reader's colour scheme.
    expect(svg).toContain('@media (prefers-color-scheme: dark)');
  });

  it('places marker labels on separate rows when they would overlap (estimated boxes)', () => {
    // breakeven and scenario a factor 1.5 apart: their labels collide on one row
    const near = {
      ...card,
      interpretation: {
        ...card.interpretation,
        lifetime_curve: [
          { inferences: 1e6, co2e_g_per_fu: 100 },
          { inferences: 2e8, co2e_g_per_fu: 6, label: 'breakeven' as const },
          { inferences: 3e8, co2e_g_per_fu: 5, label: 'scenario' as const },
          { inferences: 1e12, co2e_g_per_fu: 4.45 },
        ],
      },
    };
    const svg = lifetimeSvg(near)!;
    const labels = [...svg.matchAll(/<text class="(?:breakeven|scenario) halo" x="([\d.]+)" y="([\d.]+)" text-anchor="middle"[^>]*>([^<]+)</g)].map((m) =>
      textBox(m[3]!, Number(m[1]), Number(m[2]), 'middle'),
    );
    expect(labels).toHaveLength(2);
    expect(overlaps(labels[0]!, labels[1]!)).toBe(false);
    expect(labels[0]!.y).not.toBe(labels[1]!.y);
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
    expect(blocks[1]).toContain('"2.5M breakeven"');
  });
});
