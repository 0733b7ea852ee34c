// The site model and pages: per-scenario columnar data, largest changes, sparkline downsampling,
// stage grouping, and HTML in which card text is always escaped and links are rebuilt.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../src/dashboard/history.js';
import { downsample, largestChanges, MAX_STAGE_SERIES, r6, slug } from '../../src/dashboard/model.js';
import { ScenarioPageData, TeamPageData } from '../../src/dashboard/page-data.js';
import type { DashboardRun } from '../../src/dashboard/record.js';
import { buildSite, writeSite } from '../../src/dashboard/site.js';
import { memoryIo } from '../../src/io.js';
import { AS_OF, fakeShaOf, fixtureFiles, HOSTILE_NAME, REPO, REPO_URL } from './history.js';

async function site() {
  const root = path.resolve('/hist');
  const io = memoryIo(Object.fromEntries(Object.entries(fixtureFiles()).map(([k, v]) => [path.join(root, k), v])));
  const read = await readHistory(root, io);
  return buildSite(read.records, read.warnings, {
    now: new Date(AS_OF),
    links: { server: 'https://github.com', repo: REPO },
    title: 'Carbon <dashboard>',
    version: '9.9.9',
  });
}

/** The JSON data block of a page, parsed. */
function dataOf(page: string): unknown {
  const m = /<script type="application\/json" id="ml-lca-data">([^<]*)<\/script>/.exec(page);
  if (!m?.[1]) throw new Error('no data block');
  return JSON.parse(m[1]);
}

describe('site files', () => {
  it('writes the index, one page per scenario and per team, and the bundled assets', async () => {
    const s = await site();
    expect(Object.keys(s.files).sort()).toEqual([
      '.nojekyll',
      'assets/LICENSES.txt',
      'assets/dashboard.css',
      'assets/dashboard.js',
      'assets/uPlot.iife.min.js',
      'assets/uPlot.min.css',
      'index.html',
      `scenario/${slug('embedder')}.html`,
      `scenario/${slug('ranker')}.html`,
      `scenario/${slug(HOSTILE_NAME)}.html`,
      `team/${slug('<b>team</b>')}.html`,
      `team/${slug('search')}.html`,
    ]);
    expect(s.files['assets/LICENSES.txt']).toContain('Copyright (c) 2022 Leon Sorokin');
  });

  it('references nothing outside the site: no http(s) script, style or font, and a CSP that forbids network', async () => {
    const s = await site();
    for (const [name, text] of Object.entries(s.files)) {
      if (!name.endsWith('.html')) continue;
      expect(text).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
      expect(text).toContain(`content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"`);
      expect(text).not.toMatch(/ style="/); // the CSP forbids inline styles
    }
  });

  it('never lets card text become markup: the hostile names appear only escaped', async () => {
    const s = await site();
    for (const [name, text] of Object.entries(s.files)) {
      if (!name.endsWith('.html')) continue;
      expect(text).not.toContain('<script>window.pwned');
      expect(text).not.toContain('<img src=x');
      expect(text).not.toContain('<b>team</b>');
      expect(text).not.toContain('<i>stage</i>');
      expect(text).not.toContain('javascript:');
      // Exactly the scripts we put there.
      for (const m of text.matchAll(/<script\b[^>]*>/g))
        expect(m[0]).toMatch(/^<script (type="application\/json" id="ml-lca-data"|src="\.\.\/assets\/(uPlot\.iife\.min|dashboard)\.js")>$/);
    }
    expect(s.files['index.html']).toContain('&lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;');
    const hostile = s.files[`scenario/${slug(HOSTILE_NAME)}.html`]!;
    expect((dataOf(hostile) as { name: string }).name).toBe(HOSTILE_NAME); // the data block keeps the text, escaped as JSON
    expect(s.files['index.html']).toContain('<title>Carbon &lt;dashboard&gt;</title>');
  });

  it('links commits from validated SHAs and the given repository only', async () => {
    const s = await site();
    const ranker = s.files[`scenario/${slug('ranker')}.html`]!;
    expect(ranker).toContain(
      `<a href="${REPO_URL}/commit/${fakeShaOf(4)}"><code>${fakeShaOf(4).slice(0, 7)}</code></a> (<a href="${REPO_URL}/pull/14">#14</a>)`,
    );
    const hrefs = Object.values(s.files).flatMap((t) => [...t.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!));
    for (const h of hrefs)
      expect(h).toMatch(
        /^(https:\/\/github\.com\/octo-org\/models\/(commit\/[0-9a-f]{40}|pull\/\d+)|(\.\.\/)?(assets|scenario|team)\/[A-Za-z0-9.-]+\.(css|html|txt)|(\.\.\/)?index\.html|#main)$/,
      );
  });

  it('the index lists every scenario with its latest value, change and verdict, and the team budget', async () => {
    const s = await site();
    const index = s.files['index.html']!;
    const row = /<tr>\s*<td class="name"><a href="scenario\/ranker-[0-9a-f]{8}\.html">ranker<\/a>[\s\S]*?<\/tr>/.exec(index)?.[0] ?? '';
    expect(row).toContain('<td class="num">4</td>'); // runs
    expect(row).toContain('data-raw="9.9">9.9\u00a0g'); // latest per FU
    expect(row).toContain('<td class="num">-25.0\u00a0%</td>'); // 13.2 -> 9.9: one decimal, ASCII minus, as in the PR comment
    expect(row).toContain('verdict-pass');
    const team = /<table id="team-budgets">[\s\S]*?<\/table>/.exec(index)?.[0] ?? '';
    expect(team).toContain('<td class="num" data-raw="60">60\u00a0kg</td>');
    expect(team).toContain('<td class="num">60.0\u00a0%</td>'); // used: 60 of 100 kg
    expect(team).toContain('<td>2026-03-26</td>');
  });
});

describe('scenario page data', () => {
  it('is columnar, one entry per run, oldest first, and validates against its schema', async () => {
    const s = await site();
    const d = ScenarioPageData.parse(dataOf(s.files[`scenario/${slug('ranker')}.html`]!));
    expect(d.runs.per_fu_g).toEqual([10, 11, 13.2, 9.9]);
    expect(d.runs.per_fu_g_low).toEqual([8, 8.8, 10.56, 7.92]);
    expect(d.runs.sha).toEqual([1, 2, 3, 4].map(fakeShaOf));
    expect(d.runs.pr).toEqual([11, 12, 13, 14]);
    expect(d.runs.budget_max_g).toEqual([15, 15, 15, 15]);
    expect(d.runs.verdict).toEqual(['pass', 'pass', 'warn', 'pass']);
    expect(d.stages.names).toEqual(['experimentation', 'training', 'inference']);
    expect(d.stages.co2e_kg[1]).toEqual([24, 6, 12, 9]); // training = 0.6 × co2e
    expect(d.lifetime).toMatchObject({ run: 3, breakeven_inferences: 2.5e6, inferences: [1e6, 2.5e6, 1e7, 1e9] });
    expect(d.repos).toEqual([REPO_URL]);
    expect(d.runs.repo).toEqual([0, 0, 0, 0]);
    expect(d.budgets).toEqual([]); // ranker's budget is the team's
  });

  it('team pages carry the cumulative series of each budget', async () => {
    const s = await site();
    const d = TeamPageData.parse(dataOf(s.files[`team/${slug('search')}.html`]!));
    expect(d.charts).toHaveLength(1);
    expect(d.charts[0]).toMatchObject({ id: 'budget-0', max: 100, warn: 80, forecast: 124, metric: 'totals.co2e_kg', start: '2026-03-01T00:00:00.000Z' });
    expect(d.charts[0]!.cumulative.at(-1)).toBe(60);
  });
});

describe('model helpers', () => {
  it('largest changes: Δ % between consecutive runs, largest magnitude first', () => {
    const runs = [10, 11, 13.2, 9.9, 9.9].map(
      (g, i) => ({ per_fu_co2e_g: g, sha: null, pr: null, run_id: i, created_at: `2026-01-0${i + 1}T00:00:00Z`, verdict: 'pass' }) as unknown as DashboardRun,
    );
    const got = largestChanges(runs);
    expect(got.map((c) => [c.index, Number(c.delta_pct.toFixed(6))])).toEqual([
      [3, -25],
      [2, 20],
      [1, 10],
    ]); // the unchanged last run is not a change
  });

  it('downsampling keeps the extremes of each bucket, in order', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 500 ? 99 : i % 7));
    const d = downsample(values, 64);
    expect(d).toHaveLength(64);
    expect(Math.max(...d)).toBe(99);
    expect(downsample([1, 2, 3], 64)).toEqual([1, 2, 3]);
  });

  it('slugs are file-name safe, readable and distinct for names that differ only in punctuation', () => {
    expect(slug('Chat model v2')).toMatch(/^chat-model-v2-[0-9a-f]{8}$/);
    expect(slug('a/b')).not.toBe(slug('a b'));
    expect(slug('../../etc')).toMatch(/^etc-[0-9a-f]{8}$/);
    expect(slug('日本')).toMatch(/^x-[0-9a-f]{8}$/);
  });

  it('more stages than colours: the smallest sum into "other"', async () => {
    const { dashCard } = await import('./cards.js');
    const { recordFromCard, DashboardCard } = await import('../../src/dashboard/record.js');
    const { buildModel } = await import('../../src/dashboard/model.js');
    const stages = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i}`, { energy_kwh: i + 1, co2e_kg: i + 1 }]));
    const card = DashboardCard.parse(dashCard({ scenario: 'x', created_at: '2026-01-01T00:00:00Z', co2e_kg: 45, per_fu_g: 1, stages }));
    const m = buildModel([recordFromCard(card, 'x.json')], [], { now: new Date(AS_OF), links: null, title: 't' });
    const names = m.scenarios[0]!.data.stages.names;
    expect(names).toHaveLength(MAX_STAGE_SERIES);
    expect(names.at(-1)).toBe('other');
    expect(m.scenarios[0]!.data.stages.co2e_kg.at(-1)).toEqual([1 + 2 + 3]); // s0..s2
  });

  it('rounds data to 6 significant figures', () => {
    expect(r6(10.678144162608401)).toBe(10.6781);
    expect(r6(0)).toBe(0);
  });
});

describe('writeSite', () => {
  it('writes folder by folder, the index last', async () => {
    const io = memoryIo({});
    await writeSite('/out', { 'index.html': 'i', 'assets/a.js': 'a', 'scenario/s.html': 's' }, io);
    expect(Object.keys(io.written)).toEqual([path.join('/out/assets/a.js'), path.join('/out/scenario/s.html'), path.join('/out/index.html')]);
  });
});
