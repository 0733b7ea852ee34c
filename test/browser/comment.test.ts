// Issue 17 "Must show": the PR comment as GitHub renders it (GFM by marked, github-markdown-css,
// mermaid from node_modules) in headless Chromium, 800 px wide, light and dark, for the demo
// card, a change with a comparison and budgets (pass, warn, fail, a period budget), an INCOMPLETE
// card and a fork-sized long card:
// - the part before the first <details> fits 800 × 1000 px (about 20 lines);
// - no table is wider than the comment; every mermaid block renders; no x-axis labels collide;
// - each chart's main series has a contrast of at least 3:1 against the background.
// Screenshots land in test-output/comment-*.png for a human to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_MISSING, chromiumPath, launchChromium, screenshotPath, watchPage } from './chromium.js';
import {
  backgroundColor,
  contrastRatio,
  foldHeight,
  foldLines,
  mainSeriesColors,
  openAllDetails,
  overflowingTables,
  type Scheme,
  showComment,
  xLabelOverlaps,
} from './comment-page.js';
import { commentBody } from '../../src/github/comment.js';
import type { ModelCard } from '../../src/report/card-schema.js';
import { comparisonCard, demoCard, forkCard, incompleteCard } from '../report/review-cards.js';

const chromium = chromiumPath();
if (!chromium) console.warn(CHROMIUM_MISSING);

const CASES: Array<[string, () => Promise<ModelCard>, number]> = [
  // name, card, mermaid blocks at least
  ['demo', demoCard, 3],
  ['comparison', comparisonCard, 4],
  ['incomplete', incompleteCard, 2],
  ['fork', forkCard, 3],
];

describe.skipIf(!chromium)('the PR comment in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let seen: ReturnType<typeof watchPage>;
  const bodies = new Map<string, string>();

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    seen = watchPage(page);
    for (const [name, make] of CASES) bodies.set(name, commentBody(await make()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, , minCharts] of CASES) {
    for (const scheme of ['light', 'dark'] as Scheme[]) {
      it(`${name}, ${scheme}: one screen first, tables within 800 px, charts render and contrast`, async () => {
        const body = bodies.get(name)!;
        expect(body.length).toBeLessThan(65_536);
        const r = await showComment(page, body, scheme);
        expect(r.mermaidErrors).toEqual([]);
        expect(r.mermaidBlocks).toBeGreaterThanOrEqual(minCharts);
        // Above the fold: nothing to scroll at 800 × 1000, about 20 lines.
        expect(await foldHeight(page)).toBeLessThanOrEqual(1000);
        expect(await foldLines(page)).toBeLessThanOrEqual(22);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: screenshotPath(`comment-${name}-${scheme}-fold.png`), clip: { x: 0, y: 0, width: 800, height: 1000 } });
        // Every section open: no table wider than the comment, no colliding axis labels.
        await openAllDetails(page);
        expect(await overflowingTables(page)).toEqual([]);
        expect(await xLabelOverlaps(page)).toEqual([]);
        const bg = await backgroundColor(page);
        expect(bg).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
        const series = await mainSeriesColors(page);
        expect(series.length).toBeGreaterThanOrEqual(minCharts - 1); // the pie has no series line
        for (const s of series) expect(contrastRatio(s.color, bg), `chart ${s.chart} (${s.kind} ${s.color}) on ${bg}`).toBeGreaterThanOrEqual(3);
        await page.screenshot({ path: screenshotPath(`comment-${name}-${scheme}.png`), fullPage: true });
        expect(seen.failedRequests).toEqual([]);
      });
    }
  }

  it('the checks can fail: a wide table, a broken chart, mermaid default colours, a long top', async () => {
    const bad = [
      `## title\n\n${'line\\\n'.repeat(60)}`,
      '<details><summary>x</summary>\n',
      `| ${'`a/very/long/path/without/any/place/to/break/it/'.repeat(4)}x.csv\` | b |\n| - | - |\n| 1 | 2 |\n`,
      '```mermaid\nxychart-beta\n  x-axis ["a", "b"]\n  line [1, 1.5e-7]\n```\n',
      '```mermaid\nxychart-beta\n  x-axis ["a", "b"]\n  line [1, 2]\n```\n',
      '</details>\n',
    ].join('\n');
    const r = await showComment(page, bad, 'light');
    expect(r.mermaidErrors).toHaveLength(1);
    expect(await foldHeight(page)).toBeGreaterThan(1000);
    await openAllDetails(page);
    expect(await overflowingTables(page)).toHaveLength(1);
    // Mermaid's default palette draws the first line in #ECECFF: 1.2:1 on white.
    const [s] = await mainSeriesColors(page);
    expect(contrastRatio(s!.color, await backgroundColor(page))).toBeLessThan(3);
  });
});
