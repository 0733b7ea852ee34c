// lifetime.svg and stages.svg in headless Chromium, 800 px wide, in light and dark colour schemes:
// no two text boxes overlap (as measured in the browser, not estimated), every label is inside the
// picture, the background follows the scheme, and the main series keeps 3:1 contrast on it.
// Screenshots in test-output/svg-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_MISSING, chromiumPath, launchChromium, screenshotPath } from './chromium.js';
import { contrastRatio, type Scheme } from './comment-page.js';
import { svgCharts } from '../../src/report/svg.js';
import type { ModelCard } from '../../src/report/card-schema.js';
import { comparisonCard, demoCard, forkCard } from '../report/review-cards.js';

const chromium = chromiumPath();
if (!chromium) console.warn(CHROMIUM_MISSING);

/** Overlapping text pairs, text outside the SVG, the background fill and the main series colour. */
async function inspect(page: Page, svg: string, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  return page.evaluate(() => {
    const root = document.querySelector('svg') as SVGSVGElement;
    const frame = root.getBoundingClientRect();
    const texts = [...root.querySelectorAll('text')].map((t) => ({ s: t.textContent ?? '', r: t.getBoundingClientRect() }));
    const overlaps: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!.r;
        const b = texts[j]!.r;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`${texts[i]!.s} / ${texts[j]!.s}`);
      }
    }
    const outside = texts.filter((t) => t.r.left < frame.left || t.r.right > frame.right || t.r.top < frame.top || t.r.bottom > frame.bottom).map((t) => t.s);
    const bg = getComputedStyle(root.querySelector('rect.bg') as Element).fill;
    const mainEl = root.querySelector('.main, .main-fill') as Element;
    const main = mainEl.classList.contains('main') ? getComputedStyle(mainEl).stroke : getComputedStyle(mainEl).fill;
    return { overlaps, outside, bg, main, width: frame.width };
  });
}

describe.skipIf(!chromium)('SVG charts in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const cards = new Map<string, ModelCard>();

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 700 } });
    cards.set('demo', await demoCard());
    cards.set('comparison', await comparisonCard());
    cards.set('fork', await forkCard());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const name of ['demo', 'comparison', 'fork']) {
    for (const scheme of ['light', 'dark'] as Scheme[]) {
      it(`${name}, ${scheme}: labels apart and inside, background and main series follow the scheme`, async () => {
        const files = svgCharts(cards.get(name)!);
        expect(Object.keys(files).sort()).toEqual(['lifetime.svg', 'stages.svg']);
        for (const [file, svg] of Object.entries(files)) {
          const r = await inspect(page, svg, scheme);
          expect(r.overlaps, file).toEqual([]);
          expect(r.outside, file).toEqual([]);
          expect(r.width).toBeLessThanOrEqual(800);
          expect(r.bg).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
          expect(contrastRatio(r.main, r.bg), `${file} main series ${r.main} on ${r.bg}`).toBeGreaterThanOrEqual(3);
          await page.locator('svg').screenshot({ path: screenshotPath(`svg-${name}-${file.replace('.svg', '')}-${scheme}.png`) });
        }
      });
    }
  }

  it('the overlap check can fail', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect class="bg" width="200" height="60" fill="#fff"/>' +
      '<text x="10" y="30">breakeven 2.5M</text><text x="40" y="32">scenario 50M</text><text x="190" y="50">outside</text>' +
      '<line class="main" x1="0" y1="0" x2="10" y2="10" stroke="#eee"/></svg>';
    const r = await inspect(page, svg, 'light');
    expect(r.overlaps).toEqual(['breakeven 2.5M / scenario 50M']);
    expect(r.outside).toEqual(['outside']);
    expect(contrastRatio(r.main, r.bg)).toBeLessThan(3);
  });
});
