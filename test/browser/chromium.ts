// Real headless Chromium for the tests that look at what a person sees (the PR comment as GitHub
// renders it, the SVG charts, the dashboard). Debian's `chromium` (scripts/setup-chromium.sh,
// run by .ci/run) driven by playwright-core with executablePath: playwright's own browser
// download does not work here. Where no Chromium can be found, `chromiumPath()` is null and the
// tests skip with `CHROMIUM_MISSING` as their message.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_MISSING = 'no Chromium found (run scripts/setup-chromium.sh, or set ML_LCA_CHROMIUM): browser test skipped';

/** The Chromium binary to drive, or null when none is installed. */
export function chromiumPath(): string | null {
  for (const c of [process.env.ML_LCA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (c && existsSync(c)) return c;
  }
  return null;
}

/** Folder for screenshots a human looks at (git-ignored). */
export const TEST_OUTPUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-output');

export function screenshotPath(name: string): string {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  return path.join(TEST_OUTPUT, name);
}

/**
 * Launch headless Chromium with no network beyond loopback: the flags stop its background
 * connections (component updates, sync, field trials), which this machine's closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-features=Translate,MediaRouter,OptimizationHints',
    ],
  });
}

/** Collects console errors and failed requests of a page, for tests that assert there are none. */
export function watchPage(page: Page): { errors: string[]; failedRequests: string[] } {
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
  return { errors, failedRequests };
}
