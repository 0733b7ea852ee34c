// A bounded, seeded fuzz over what users hand ml-lca: scenarios (YAML and JSON) and energy logs
// of every format, mutated by a fixed-seed generator, run through the CLI's own dispatch
// (`runCli`, as `node dist/cli.js` runs it) against real files. The contract checked on every
// case: exit 0, 1 or 2 only; stderr without a stack trace and without "internal error"; each
// case done within its time bound (no hang). Same seed, same cases: a failure reproduces, and
// the case number and seed are in the message. A few seconds of CI time on 2 cores.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/args.js';
import { runCli } from '../../src/cli/main.js';
import { nodeIo } from '../../src/io.js';
import { mulberry32 } from '../../src/lca/interpret/prng.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// ML_LCA_FUZZ_SEED / ML_LCA_FUZZ_CASES: a longer local run (the suite keeps the defaults).
const SEED = Number(process.env.ML_LCA_FUZZ_SEED ?? 0x13c0ffee);
const CASES_PER_KIND = Number(process.env.ML_LCA_FUZZ_CASES ?? 60);
const CASE_MS = 5_000;

/** The project's seeded PRNG (mulberry32): a fixed seed makes every run pick the same mutations. */
const rng = mulberry32;

const EXTREME_NUMBERS = [
  '1e308',
  '-1e308',
  '1.7976931348623157e308',
  '1e-320',
  '0',
  '-0',
  '-1',
  '1e400',
  '.inf',
  '-.inf',
  '.nan',
  'NaN',
  '9'.repeat(40),
  '0x1F',
  '1_000',
];
const STAGE_NAMES = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];
const JUNK = [
  '\u0000',
  '\r',
  '\n',
  '\t',
  '"',
  "'",
  ',',
  ':',
  '{',
  '}',
  '[',
  ']',
  '&a',
  '*a',
  '!!binary',
  '%%',
  '\u2028',
  '\ufeff',
  '::error::x',
  '#',
  '- ',
  '<<: *a',
];
const TIMESTAMPS = ['1e308', '99999999999999999999999', '-62135596800', '2024-13-45T99:99:99Z', '0', '1e17', '275761-01-01T00:00:00Z'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** One random edit of a text: numbers made extreme, keys and stage names hostile, bytes inserted or removed. */
function mutate(r: () => number, text: string): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  const line = lines[i] ?? '';
  switch (Math.floor(r() * 9)) {
    case 0: // a number becomes extreme
      lines[i] = line.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/i, pick(r, EXTREME_NUMBERS));
      break;
    case 1: // a key (stage name) becomes an Object.prototype name
      lines[i] = line.replace(/^(\s*)[A-Za-z_]+:/, `$1${pick(r, STAGE_NAMES)}:`);
      break;
    case 2: // junk inserted
      lines[i] = `${line.slice(0, Math.floor(r() * (line.length + 1)))}${pick(r, JUNK)}${line.slice(Math.floor(r() * (line.length + 1)))}`;
      break;
    case 3: // a line duplicated (duplicate keys, repeated rows)
      lines.splice(i, 0, line);
      break;
    case 4: // a line removed
      lines.splice(i, 1);
      break;
    case 5: // truncated anywhere
      return text.slice(0, Math.floor(r() * text.length));
    case 6: // a timestamp-like or numeric field becomes out of range
      lines[i] = line.replace(/\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?Z?|\b\d{9,}(\.\d+)?\b/, pick(r, TIMESTAMPS));
      break;
    case 7: // line breaks removed around here (long lines)
      lines.splice(i, 2, `${line}${lines[i + 1] ?? ''}`);
      break;
    default: // a cell or value doubled in length
      lines[i] = line + line;
  }
  return lines.join('\n');
}

const work = mkdtempSync(path.join(tmpdir(), 'ml-lca-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function runCase(argv: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const io: CliIo = { ...nodeIo({ log: (m) => err.push(m), now: () => new Date('2026-06-01T00:00:00Z') }), stdout: () => {}, cwd };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(-1), CASE_MS);
  });
  try {
    const code = await Promise.race([runCli(argv, io), hang]);
    return { code, stderr: err.join('\n') };
  } finally {
    clearTimeout(timer);
  }
}

const tally: Record<string, number> = {};
afterAll(() => {
  if (process.env.ML_LCA_FUZZ_CASES) console.log('exit codes', tally);
});

function checkOutcome(what: string, r: { code: number; stderr: string }): void {
  tally[r.code] = (tally[r.code] ?? 0) + 1;
  expect([0, 1, 2], `${what}: exit code (-1 = no answer within ${CASE_MS} ms)\n${r.stderr}`).toContain(r.code);
  expect(r.stderr, what).not.toMatch(/internal error/);
  expect(r.stderr, what).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe(`fuzz (seed ${SEED.toString(16)})`, () => {
  it(`${CASES_PER_KIND} mutated scenarios (YAML and JSON) through ml-lca report`, { timeout: 60_000 + CASES_PER_KIND * 200 }, async () => {
    const r = rng(SEED);
    const dir = path.join(work, 'scenarios');
    mkdirSync(path.join(dir, 'logs'), { recursive: true });
    copyFileSync(path.join(ROOT, 'examples/logs/training/emissions.csv'), path.join(dir, 'logs/emissions.csv'));
    copyFileSync(path.join(ROOT, 'examples/logs/inference/gpu_power.csv'), path.join(dir, 'logs/gpu_power.csv'));
    const yaml = readFileSync(path.join(ROOT, 'examples/scenarios/chat-model.yml'), 'utf8').replaceAll('../logs/', 'logs/');
    const json = readFileSync(path.join(ROOT, 'test/fixtures/scenario/full.json'), 'utf8');
    for (let n = 0; n < CASES_PER_KIND; n++) {
      const asJson = n % 3 === 2;
      let text = asJson ? json : yaml;
      const edits = 1 + Math.floor(r() * 3);
      for (let k = 0; k < edits; k++) text = mutate(r, text);
      const file = path.join(dir, asJson ? `s${n}.json` : `s${n}.yml`);
      writeFileSync(file, text);
      const out = path.join(dir, `out${n}`);
      const res = await runCase(['report', '--scenario', file, '--out', out, '--budget-mode', pick(r, ['fail', 'warn', 'off'])], dir);
      checkOutcome(`scenario case ${n} (${path.basename(file)})`, res);
    }
  });

  it(`${CASES_PER_KIND} mutated logs of every format through ml-lca ingest`, { timeout: 60_000 + CASES_PER_KIND * 200 }, async () => {
    const r = rng(SEED ^ 0x5eed);
    const dir = path.join(work, 'logs');
    mkdirSync(dir, { recursive: true });
    const fixtures = [
      'nvidia-smi/multi-gpu-units.csv',
      'nvidia-smi/noheader-nounits.csv',
      'nvidia-smi/epoch-ns.csv',
      'nvidia-smi-dmon/date-time-o-DT.txt',
      'dcgm/scrapes.prom',
      'dcgm/range-query.json',
      'codecarbon/v2.3-pue-column.csv',
      'eco2ai/quoted-commas.csv',
      'generic/power.jsonl',
      'generic/wide-gpu.csv',
      'generic/energy-per-row.csv',
      'hf-card/README.md',
      'zeus/windows.csv',
      'zeus/measurements.jsonl',
      'ml-lca-measure/complete.jsonl',
      'ml-lca-measure/two-sessions.jsonl',
    ].filter((f) => {
      try {
        readFileSync(path.join(ROOT, 'test/fixtures', f));
        return true;
      } catch {
        return false;
      }
    });
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (let n = 0; n < CASES_PER_KIND; n++) {
      const src = fixtures[n % fixtures.length] as string;
      let text = readFileSync(path.join(ROOT, 'test/fixtures', src), 'utf8');
      const edits = 1 + Math.floor(r() * 4);
      for (let k = 0; k < edits; k++) text = mutate(r, text);
      const file = path.join(dir, `${n}-${path.basename(src)}`);
      writeFileSync(file, text);
      const args = ['ingest', file, '--json', ...(r() < 0.3 ? ['--interval', pick(r, ['1', '-1', '0', '1e308', 'x'])] : [])];
      checkOutcome(`log case ${n} (${src})`, await runCase(args, dir));
    }
  });
});
