// The committed src/dashboard/assets.generated.ts is what `npm run dashboard-assets` builds now:
// the client script bundled from src/dashboard/client/ and uPlot from node_modules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { moduleText, TARGET } from '../../scripts/build-dashboard-assets.mjs';
import { DASHBOARD_JS, UPLOT_JS, UPLOT_VERSION } from '../../src/dashboard/assets.generated.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('dashboard assets', () => {
  it('are fresh (run `npm run dashboard-assets` and commit when this fails)', async () => {
    const fresh = (await moduleText()) as string;
    expect(readFileSync(path.join(ROOT, TARGET as string), 'utf8') === fresh).toBe(true);
  }, 60_000);

  it('carry uPlot as published (with its banner) and our script without innerHTML', () => {
    expect(UPLOT_JS.startsWith(`/*! https://github.com/leeoniya/uPlot (v${UPLOT_VERSION}) */`)).toBe(true);
    expect(DASHBOARD_JS).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(|document\.write\(|\beval\(|new Function\(/);
    // No network from the page: no fetch, no URL literal (links are built from the repository URL in the data).
    expect(DASHBOARD_JS).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|['"`]https?:/);
  });

  it('take the shared number style in, and nothing Node-side with it (no zod, no metrics table)', () => {
    expect(DASHBOARD_JS).toContain("new Intl.NumberFormat('en-US', opts)"); // src/number-format.ts
    expect(DASHBOARD_JS).not.toMatch(/\bzod\b|ZodError|safeParse|IT energy incl\. overhead|node:/);
  });
});
