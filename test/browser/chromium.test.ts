// The browser harness itself: Chromium starts, renders an inline SVG at the size asked, and a
// screenshot lands in test-output/. The other browser tests rely on exactly this.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { CHROMIUM_MISSING, chromiumPath, launchChromium, screenshotPath, watchPage } from './chromium.js';

const path = chromiumPath();
if (!path) console.warn(CHROMIUM_MISSING);

describe.skipIf(!path)('headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders a page with an SVG and measures it', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const seen = watchPage(page);
    await page.setContent('<svg id="c" width="320" height="120"><rect width="100" height="50" fill="#123"/></svg>');
    const box = await page.locator('#c').boundingBox();
    expect(box?.width).toBe(320);
    expect(box?.height).toBe(120);
    const file = screenshotPath('harness.png');
    await page.screenshot({ path: file });
    expect(existsSync(file)).toBe(true);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
