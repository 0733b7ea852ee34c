// The dashboard in a real headless Chromium, opened from file:// as a user would open the folder
// `ml-lca dashboard` wrote: no failed request and no console error on any page, charts holding
// one point per run, a click (and Enter) on a point going to that run's commit, the team budget
// view showing the spend worked out by hand (test/dashboard/history.ts), light and dark mode,
// and hostile card text shown as text. Screenshots go to test-output/.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slug } from '../../src/dashboard/model.js';
import { runInProcess } from '../cli/helpers.js';
import { AS_OF, fakeShaOf, HOSTILE_NAME, REPO, REPO_URL, writeFixture } from '../dashboard/history.js';
import { CHROMIUM_MISSING, chromiumPath, launchChromium, screenshotPath, watchPage } from './chromium.js';

/**
 * The page's globals as the callbacks passed to page.evaluate see them: this file compiles without
 * the DOM library (the Node code must not see DOM types), so the few used are declared here.
 */
interface Plot {
  series: unknown[];
  data: number[][];
  over: { getBoundingClientRect(): { left: number; top: number } };
  valToPos(v: number, scale: string): number;
}
interface Page$ {
  mlLcaCharts?: Record<string, Plot>;
  pwned?: number;
  document: { activeElement: { id: string } | null; documentElement: unknown };
  getComputedStyle(e: unknown): { getPropertyValue(name: string): string };
}

const chromium = chromiumPath();
if (!chromium) console.warn(CHROMIUM_MISSING);

describe.skipIf(!chromium)('dashboard in headless Chromium', () => {
  let browser: Browser;
  let site: string;
  const url = (rel: string) => pathToFileURL(path.join(site, rel)).href;
  const RANKER = `scenario/${slug('ranker')}.html`;
  const SEARCH = `team/${slug('search')}.html`;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-lca-dash-'));
    const history = writeFixture(path.join(dir, 'history'));
    site = path.join(dir, 'site');
    const r = await runInProcess(['dashboard', '--history', history, '--out', site, '--repo', REPO, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Open a page of the site and wait until its script has drawn (pages with charts). */
  async function open(rel: string, opts: { dark?: boolean } = {}): Promise<{ page: Page; seen: ReturnType<typeof watchPage> }> {
    const context = await browser.newContext({
      viewport: { width: 1100, height: 900 },
      colorScheme: opts.dark ? 'dark' : 'light',
      locale: 'de-DE',
      timezoneId: 'Pacific/Auckland',
    });
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(url(rel));
    if (rel !== 'index.html') await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
    return { page, seen };
  }

  it('every page opens from file:// with no failed request, no console error and no script from a card', async () => {
    const pages = [
      'index.html',
      ...readdirSync(path.join(site, 'scenario')).map((f) => `scenario/${f}`),
      ...readdirSync(path.join(site, 'team')).map((f) => `team/${f}`),
    ];
    expect(pages).toHaveLength(6);
    for (const rel of pages) {
      const { page, seen } = await open(rel);
      expect({ rel, errors: seen.errors, failed: seen.failedRequests }).toEqual({ rel, errors: [], failed: [] });
      expect(await page.evaluate(() => (globalThis as unknown as Page$).pwned)).toBeUndefined();
      await page.screenshot({
        path: screenshotPath(`dashboard-${rel === 'index.html' ? 'index' : rel.split('/')[0]}-${path.basename(rel, '.html').slice(0, 24)}.png`),
        fullPage: true,
      });
      await page.context().close();
    }
  }, 60_000);

  it('shows hostile card text as text', async () => {
    const { page } = await open(`scenario/${slug(HOSTILE_NAME)}.html`);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('img').count()).toBe(0);
    await page.locator('details[data-table="stage-energy"] > summary').click();
    await page.locator('details[data-table="stage-energy"] th').first().waitFor();
    expect(await page.locator('details[data-table="stage-energy"] th').nth(3).textContent()).toBe('<i>stage</i>');
    await page.context().close();
  });

  it('charts hold one point per run (and the budget chart one per day so far)', async () => {
    const { page } = await open(RANKER);
    const shape = await page.evaluate(() => {
      const charts = (globalThis as unknown as Page$).mlLcaCharts ?? {};
      return Object.fromEntries(
        Object.entries(charts).map(([id, u]) => [id, { series: u.series.length, x: u.data[0]?.length, y: Array.from(u.data[1] ?? []) }]),
      );
    });
    expect(shape['per-fu']).toEqual({ series: 6, x: 4, y: [10, 11, 13.2, 9.9] }); // value, range low/high, budget, warn
    expect(shape['stage-energy']?.x).toBe(4);
    expect(shape['stage-energy']?.series).toBe(4); // x + 3 stages
    expect(shape['stage-energy']?.y).toEqual([100, 25, 50, 37.5]); // top of the stack = the run's total (kg × 2.5)
    expect(shape['stage-co2e']?.x).toBe(4);
    expect(shape.lifetime).toEqual({ series: 2, x: 4, y: [35, 20, 12.5, 9.9] });
    await page.context().close();

    const team = await open(SEARCH);
    const budget = await team.page.evaluate(() => {
      const u = (globalThis as unknown as Page$).mlLcaCharts?.['budget-0-chart'];
      return u ? { x: u.data[0]?.length, spent: Array.from(u.data[1] ?? []) } : null;
    });
    // Period start + the end of each of the 16 days up to 2026-03-16 + the period end.
    expect(budget?.x).toBe(18);
    expect(budget?.spent.slice(0, 6)).toEqual([0, 0, 10, 15, 15, 35]);
    expect(budget?.spent.at(-2)).toBe(60);
    await team.page.context().close();
  });

  it('clicking a point opens that run’s commit', async () => {
    const { page } = await open(RANKER);
    await page.route('https://github.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'commit page' }));
    const at = await page.evaluate(() => {
      const u = (globalThis as unknown as Page$).mlLcaCharts!['per-fu']!;
      const r = u.over.getBoundingClientRect();
      return { x: r.left + u.valToPos(2, 'x'), y: r.top + u.valToPos(13.2, 'y') };
    });
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(`${REPO_URL}/commit/${fakeShaOf(3)}`, { timeout: 5_000 });
    expect(page.url()).toBe(`${REPO_URL}/commit/${fakeShaOf(3)}`);
    await page.context().close();
  });

  it('the keyboard reaches a chart, steps between points with a spoken status, and Enter opens the commit', async () => {
    const { page } = await open(RANKER);
    await page.route('https://github.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'commit page' }));
    // Each chart is a named group for assistive technology (its data table follows in <details>).
    expect(await page.getByRole('group', { name: 'g CO2e per functional unit over 4 runs; latest 9.9\u00a0g' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: /^Energy per stage, stacked, over 4 runs$/ }).count()).toBe(1);
    // Tab from the top of the page: skip link, breadcrumb, team link, latest commit + PR links, then the chart.
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (globalThis as unknown as Page$).document.activeElement?.id === 'chart-per-fu');
    }
    expect(reached).toBe(true);
    const status = page.locator('#status-per-fu');
    expect(await status.textContent()).toMatch(
      /^Run 4 of 4, 2026-03-10 · [0-9a-f]{7} \(#14\): 9\.9\u00a0g CO2e per functional unit \(range 7\.92\u00a0g–12\.4\u00a0g\), budget 15\u00a0g, verdict pass\.$/,
    );
    await page.keyboard.press('Home');
    expect(await status.textContent()).toMatch(/^Run 1 of 4, 2026-02-20/);
    await page.keyboard.press('ArrowRight');
    expect(await status.textContent()).toMatch(/^Run 2 of 4, 2026-03-02 · [0-9a-f]{7} \(#12\): 11\u00a0g/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${REPO_URL}/commit/${fakeShaOf(2)}`, { timeout: 5_000 });
    await page.context().close();
  });

  it('each chart’s data is a table in <details>, with commit links', async () => {
    const { page } = await open(RANKER);
    const details = page.locator('details[data-table="per-fu"]');
    expect(await details.locator('tbody tr').count()).toBe(0); // built when first opened
    await details.locator('summary').click();
    const rows = details.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(2).locator('td').allTextContents()).toEqual([
      '3',
      '2026-03-05',
      `${fakeShaOf(3).slice(0, 7)} (#13)`,
      '13.2\u00a0g',
      '10.6\u00a0g',
      '16.5\u00a0g',
      '15\u00a0g',
      '12\u00a0g',
      'warn',
    ]);
    expect(await rows.nth(2).locator('a').first().getAttribute('href')).toBe(`${REPO_URL}/commit/${fakeShaOf(3)}`);
    for (const id of ['stage-energy', 'stage-co2e', 'lifetime']) {
      const d = page.locator(`details[data-table="${id}"]`);
      await d.locator('summary').click();
      await d.locator('tbody tr').first().waitFor();
      expect(await d.locator('tbody tr').count()).toBe(4);
    }
    expect(await page.locator('details[data-table="stage-co2e"] thead th').allTextContents()).toEqual([
      '#',
      'Date (UTC)',
      'Commit',
      'experimentation',
      'training',
      'inference',
      'Total',
    ]);
    await page.screenshot({ path: screenshotPath('dashboard-scenario-tables-open.png'), fullPage: true });
    await page.context().close();
  });

  it('the team budget view shows the spend worked out by hand', async () => {
    const { page } = await open(SEARCH);
    const fact = (k: string) => page.locator(`#budget-0 [data-fact="${k}"]`);
    expect(await fact('spent').textContent()).toBe('60\u00a0kg');
    expect(await fact('spent').getAttribute('data-raw')).toBe('60');
    expect(await fact('budget').textContent()).toBe('100\u00a0kg');
    expect(await fact('used').textContent()).toBe('60.0\u00a0%');
    expect(await fact('used').getAttribute('data-raw')).toBe('60');
    expect(await fact('burn').textContent()).toBe('4\u00a0kg / day');
    expect(await fact('forecast').textContent()).toBe('124\u00a0kg');
    expect(await fact('run-out').textContent()).toBe('2026-03-26');
    expect(await fact('status').textContent()).toBe('✓\u00a0pass');
    expect(await page.locator('#budget-0 table.by-scenario tbody tr').allTextContents()).toEqual(['ranker345\u00a0kg', 'embedder215\u00a0kg']);
    await page.context().close();

    const index = await open('index.html');
    const row = index.page.locator('#team-budgets tbody tr', { hasText: 'search' });
    expect(await row.locator('td').allTextContents()).toEqual([
      'search',
      '2026-03',
      'CO2e',
      '60\u00a0kg',
      '100\u00a0kg',
      '60.0\u00a0%',
      '4\u00a0kg',
      '124\u00a0kg',
      '2026-03-26',
      '✓\u00a0pass',
    ]);
    await index.page.context().close();
  });

  it('follows the colour scheme: dark mode colours, with the main series at least 3:1 against the background', async () => {
    for (const dark of [false, true]) {
      const { page, seen } = await open(RANKER, { dark });
      const c = await page.evaluate(() => {
        const w = globalThis as unknown as Page$;
        const css = w.getComputedStyle(w.document.documentElement);
        return { bg: css.getPropertyValue('--bg').trim(), main: css.getPropertyValue('--c-main').trim(), budget: css.getPropertyValue('--c-budget').trim() };
      });
      expect(c.bg).toBe(dark ? '#0f1419' : '#ffffff');
      expect(contrast(c.main, c.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(c.budget, c.bg)).toBeGreaterThanOrEqual(3);
      expect(seen.errors).toEqual([]);
      await page.screenshot({ path: screenshotPath(`dashboard-scenario-${dark ? 'dark' : 'light'}.png`), fullPage: true });
      await page.context().close();
    }
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
