// `npm run bench:dashboard` (after `npm run build`): the dashboard with long history. Generates,
// deterministically, 10,000 runs across 20 scenarios and 5 teams (real model cards: the demo's
// card with each run's numbers, commit and date) into bench/out/dashboard/history (reused when
// present), times `node dist/cli.js dashboard` on it (whole process), then opens the site from
// file:// in headless Chromium and times the index (navigation start to the load event, and first
// contentful paint) and the largest scenario page (to its charts drawn), each in a fresh browser
// context, median of BENCH_RUNS (default 7). Also prints the site's size. Goal (issue 18): the
// index renders in under 1 s. Results also to bench/out/dashboard/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from '../src/lca/interpret/prng.js';
import { CHROMIUM_MISSING, chromiumPath, launchChromium } from '../test/browser/chromium.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out', 'dashboard');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TOTAL = Number(process.env.BENCH_DASHBOARD_RUNS ?? 10_000);
const SCENARIOS = Number(process.env.BENCH_DASHBOARD_SCENARIOS ?? 20);
const TEAMS = 5;
const AS_OF = '2026-06-15T00:00:00Z';
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[]): { ms: number; stdout: string; stderr: string; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 });
  return { ms: performance.now() - t0, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function history(): string {
  const dir = path.join(OUT, 'history');
  const metaFile = path.join(OUT, 'history.json');
  const meta = JSON.stringify({ TOTAL, SCENARIOS, TEAMS, v: 1 });
  if (existsSync(metaFile) && readFileSync(metaFile, 'utf8') === meta) return dir;
  rmSync(dir, { recursive: true, force: true });
  const demo = path.join(OUT, 'demo');
  const d = run([CLI, 'demo', '--out', demo]);
  if (d.status !== 0) throw new Error(`demo failed: ${d.stderr}`);
  const template = JSON.parse(readFileSync(path.join(demo, 'model-card.json'), 'utf8'));
  const rand = mulberry32(18); // seeded: every machine benchmarks the same history
  const perScenario = Math.ceil(TOTAL / SCENARIOS);
  const end = Date.parse(AS_OF);
  const step = (730 * 86_400_000) / perScenario; // two years of history
  let written = 0;
  process.stderr.write(`bench: writing ${TOTAL} model cards to ${path.relative(ROOT, dir)} ...\n`);
  for (let s = 0; s < SCENARIOS; s++) {
    const name = `model-${String(s + 1).padStart(2, '0')}`;
    const team = `team-${(s % TEAMS) + 1}`;
    mkdirSync(path.join(dir, name), { recursive: true });
    let g = 5 + rand() * 20;
    for (let i = 0; i < perScenario && written < TOTAL; i++, written++) {
      g = Math.max(0.5, g * (1 + (rand() - 0.5) * 0.08));
      const kg = 20 + rand() * 60;
      const card = structuredClone(template);
      card.created_at = new Date(end - (perScenario - i) * step + rand() * 3_600_000).toISOString();
      card.scenario.name = name;
      card.scenario.team = team;
      card.scenario.budgets = [
        { metric: 'per_functional_unit.co2e_g', max: 30, warn: 25 },
        { scope: 'team', period: 'month', metric: 'totals.co2e_kg', max: 6000, warn: 5000 },
        { scope: 'team', period: 'quarter', metric: 'totals.co2e_kg', max: 18000 },
      ];
      card.per_functional_unit.co2e_g = g;
      card.interpretation.uncertainty.per_fu_co2e_g_low = g * 0.85;
      card.interpretation.uncertainty.per_fu_co2e_g_high = g * 1.1;
      card.totals.co2e_kg = kg;
      const shares = [0.1, 0.6, 0.3];
      Object.keys(card.stages).forEach((k, j) => {
        card.stages[k].co2e_kg = kg * (shares[j] ?? 0);
        card.stages[k].energy_kwh = kg * (shares[j] ?? 0) * 2.3;
      });
      const n = s * perScenario + i + 1;
      card.extensions = {
        github: { sha: `${(Math.imul(n, 2654435761) >>> 0).toString(16).padStart(8, '0')}${n.toString(16).padStart(32, '0')}`, run_id: 9_000_000 + n },
      };
      card.verdict = g > 30 ? 'fail' : g > 25 ? 'warn' : 'pass';
      writeFileSync(path.join(dir, name, `${i}.json`), JSON.stringify(card));
    }
  }
  writeFileSync(metaFile, meta);
  return dir;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function siteSize(dir: string): { files: number; bytes: number; gzip: number } {
  let files = 0;
  let bytes = 0;
  let gzip = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        files++;
        bytes += statSync(p).size;
        gzip += gzipSync(readFileSync(p)).length;
      }
    }
  };
  walk(dir);
  return { files, bytes, gzip };
}

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
mkdirSync(OUT, { recursive: true });
const hist = history();
const site = path.join(OUT, 'site');
rmSync(site, { recursive: true, force: true });
const gen = run([CLI, 'dashboard', '--history', hist, '--out', site, '--repo', 'octo-org/models', '--as-of', AS_OF]);
if (gen.status !== 0) throw new Error(`dashboard failed: ${gen.stderr}`);
const size = siteSize(site);
const scenarioPages = readdirSync(path.join(site, 'scenario')).map((f) => path.join(site, 'scenario', f));
const biggest = scenarioPages.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
const indexBytes = statSync(path.join(site, 'index.html')).size;

const lines = [
  `ml-lca dashboard bench (${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}): ${TOTAL} runs, ${SCENARIOS} scenarios, ${TEAMS} teams`,
  `generate: node dist/cli.js dashboard: ${(gen.ms / 1000).toFixed(2)} s whole process (${gen.stdout.trim()})`,
  `site: ${size.files} files, ${(size.bytes / 1024).toFixed(0)} KiB (${(size.gzip / 1024).toFixed(0)} KiB gzipped); index.html ${(indexBytes / 1024).toFixed(1)} KiB; largest scenario page ${(statSync(biggest).size / 1024).toFixed(1)} KiB`,
];
const results: Record<string, unknown> = {
  node: process.version,
  runs: TOTAL,
  scenarios: SCENARIOS,
  generate_s: gen.ms / 1000,
  site: size,
  index_bytes: indexBytes,
};

if (!chromiumPath()) {
  lines.push(`browser: skipped (${CHROMIUM_MISSING})`);
} else {
  const browser = await launchChromium();
  try {
    const index: number[] = [];
    const fcp: number[] = [];
    const scenario: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(pathToFileURL(path.join(site, 'index.html')).href, { waitUntil: 'load' });
      const t = await page.evaluate(
        `(() => { const n = performance.getEntriesByType('navigation')[0]; const p = performance.getEntriesByName('first-contentful-paint')[0]; return { load: n.loadEventEnd, fcp: p ? p.startTime : null, rows: document.querySelectorAll('#scenarios tbody tr').length }; })()`,
      );
      const m = t as { load: number; fcp: number | null; rows: number };
      if (m.rows !== SCENARIOS) throw new Error(`index shows ${m.rows} scenarios, expected ${SCENARIOS}`);
      index.push(m.load);
      if (m.fcp !== null) fcp.push(m.fcp);
      await page.goto(pathToFileURL(biggest).href, { waitUntil: 'load' });
      await page.waitForSelector('body[data-ready="true"]');
      scenario.push((await page.evaluate(`performance.getEntriesByName('ml-lca-ready')[0].startTime`)) as number);
      await ctx.close();
    }
    lines.push(
      `browser (headless Chromium, file://, ${RUNS} fresh contexts, median [min–max]):`,
      `  index (${SCENARIOS} scenarios, ${TOTAL} runs): load event ${median(index).toFixed(0)} ms [${Math.min(...index).toFixed(0)}–${Math.max(...index).toFixed(0)}], first contentful paint ${fcp.length ? median(fcp).toFixed(0) : '—'} ms; goal < 1000 ms: ${median(index) < 1000 ? 'met' : 'NOT met'}`,
      `  largest scenario page (${Math.ceil(TOTAL / SCENARIOS)} runs, 4 charts): charts drawn ${median(scenario).toFixed(0)} ms [${Math.min(...scenario).toFixed(0)}–${Math.max(...scenario).toFixed(0)}] after navigation start`,
    );
    Object.assign(results, { index_load_ms: index, index_fcp_ms: fcp, scenario_ready_ms: scenario });
  } finally {
    await browser.close();
  }
}
writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(lines.join('\n'));
