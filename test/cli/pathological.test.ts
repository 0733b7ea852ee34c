// Issue 13, item 6: pathological inputs, on the BUILT CLI (`node dist/cli.js`, a child process,
// as users run it). Each must end in exit 2 with one line naming the file (and line or field)
// within 5 s and under 200 MB of memory: before the fixes a first line that never ends was
// quadratic (64 MB: 8 s, 754 MB), a FIFO blocked forever, /dev/zero read 610 MB, 80,000 keys
// took 33 s and a 100 MB string 4 GB. The time bound is spawnSync's own kill timer (no clock is
// read); the memory is the child's peak RSS as it reports it itself (rss-hook.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const LIMIT_MS = 5_000;
const LIMIT_RSS_KIB = 200 * 1024;
const HOOK = pathToFileURL(path.join(import.meta.dirname, 'rss-hook.mjs')).href;
const dir = tempDir('ml-lca-patho-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO_HEAD = `name: p
functional_unit: { description: "one request", inferences: 1 }
deployment: { lifetime_inferences: 1000 }
grid: { intensity_g_per_kwh: 400 }
hardware: { model: H100-SXM }
`;

function runBuilt(args: string[]): { code: number | null; stderr: string; stdout: string; rssKiB: number } {
  const rssFile = path.join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, ['--import', HOOK, path.join(ROOT, 'dist/cli.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: LIMIT_MS,
    env: { ...process.env, ML_LCA_RSS_FILE: rssFile },
  });
  const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, rssKiB };
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** `head` then `fill` repeated to `bytes`, no line break after the head's own. */
function longLine(head: string, bytes: number, fill = 'x'): Buffer {
  const b = Buffer.alloc(bytes, fill);
  b.write(head, 0);
  return b;
}

function expectBadInput(r: ReturnType<typeof runBuilt>, message: RegExp): void {
  expect(r.code, `exit code (null: killed after ${LIMIT_MS} ms)\n${r.stderr}`).toBe(2);
  expect(r.stderr.trimEnd()).toMatch(message);
  expect(r.stderr.trim().split('\n'), 'one line').toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.rssKiB, 'peak RSS (KiB)').toBeLessThan(LIMIT_RSS_KIB);
}

const LINE_CAP = /: line (\d+): expected lines of at most 2 MiB, got a longer line \(no line break within 2 MiB\)$/m;

describe('a line that never ends: every line-based parser stops at 2 MiB, naming file and line', () => {
  it.each([
    ['nvidia-smi, 64 MB first line', 'smi.csv', () => longLine('timestamp, index, power.draw [W], ', 64 << 20, ' '), 1],
    ['DCGM exposition', 'dcgm.prom', () => longLine('DCGM_FI_DEV_POWER_USAGE{gpu="0"} ', 8 << 20, '1'), 1],
    ['JSON lines, second line', 'power.jsonl', () => longLine('{"timestamp":"2024-01-01T00:00:00Z","power_w":1}\n{"power_w":"', 8 << 20), 2],
    ['nvidia-smi dmon', 'dmon.txt', () => longLine('# gpu   pwr\n# Idx     W\n    0  ', 8 << 20, '1'), 3],
    [
      'CodeCarbon (csv-parse)',
      'emissions.csv',
      () => longLine('timestamp,project_name,run_id,duration,emissions,energy_consumed\n2024-01-01T00:00:00,p,r,1,', 8 << 20, '9'),
      2,
    ],
    ['Zeus JSON lines', 'zeus.jsonl', () => longLine('{"window":"a","time":1,"gpu_energy":{"0":1}}\n{"window":"', 8 << 20), 2],
  ])('%s', (_what, name, content, line) => {
    const log = file(name, content());
    const r = runBuilt(['ingest', log]);
    expectBadInput(r, LINE_CAP);
    expect(r.stderr).toContain(`ml-lca: ${log}: line ${line}:`);
  });
});

describe('scenarios: size, keys, nesting and aliases are bounded', () => {
  it('80,000 keys in 950 KB: refused by size before parsing (was 33 s)', () => {
    let text = `${SCENARIO_HEAD}stages:\n`;
    for (let i = 0; text.length < 950_000; i++) text += `  s${i}: { hours: 1 }\n`;
    const r = runBuilt(['report', '--scenario', file('keys.yml', text)]);
    expectBadInput(r, /keys\.yml: expected a file of at most 64 KiB, got 928 KiB$/);
  });

  it('3,000 keys under the size cap: refused by the key count, naming the line', () => {
    let text = `${SCENARIO_HEAD}stages:\n`;
    for (let i = 0; text.length < 64_000; i++) text += `  s${i}: { hours: 1 }\n`;
    const r = runBuilt(['report', '--scenario', file('keys-small.yml', text)]);
    expectBadInput(r, /keys-small\.yml: line 7: expected at most 256 keys in one mapping, got \d{4} keys$/);
  });

  it('a 100 MB string: refused by size, nothing read (was 4 GB and "internal error")', () => {
    const big = longLine(`${SCENARIO_HEAD}stages: { t: { hours: 1 } }\nteam: "`, 100 << 20, 'a');
    const r = runBuilt(['report', '--scenario', file('big.yml', big)]);
    rmSync(path.join(dir, 'big.yml'));
    expectBadInput(r, /big\.yml: expected a file of at most 64 KiB, got 100 MiB$/);
  });

  it('flow nesting 30,000 deep: refused before the YAML parser recurses', () => {
    const r = runBuilt(['report', '--scenario', file('deep.yml', `${SCENARIO_HEAD}x: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n`)]);
    expectBadInput(r, /deep\.yml: line 6: expected nesting at most 64 levels deep, got deeper nesting of \[ or \{$/);
  });

  it('a YAML alias bomb: refused, not expanded', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    const r = runBuilt(['report', '--scenario', file('bomb.yml', `${SCENARIO_HEAD}stages: { t: { hours: 1 } }\n${levels.join('\n')}\n`)]);
    expectBadInput(r, /bomb\.yml: expected YAML whose aliases \(\*name\) expand to a bounded document, got aliases that expand without bound/);
  });
});

describe('only regular files', () => {
  const fifo = path.join(dir, 'fifo.yml');
  const made = spawnSync('mkfifo', [fifo]).status === 0;

  it.runIf(made)('a FIFO as the scenario or a log: exit 2 "not a regular file", never blocked', () => {
    expectBadInput(runBuilt(['report', '--scenario', fifo]), /fifo\.yml: expected a regular file, got not a regular file \(a FIFO \(named pipe\)\)$/);
    expectBadInput(runBuilt(['ingest', fifo]), /fifo\.yml: expected a regular file, got not a regular file/);
  });

  it.runIf(existsSync('/dev/zero'))('/dev/zero as the scenario or a log: exit 2 "not a regular file", nothing read', () => {
    expectBadInput(runBuilt(['report', '--scenario', '/dev/zero']), /\/dev\/zero: expected a regular file, got not a regular file \(a character device\)$/);
    expectBadInput(runBuilt(['ingest', '/dev/zero']), /\/dev\/zero: expected a regular file, got not a regular file/);
  });

  it('a log glob that matches a symlink to a file outside the directory: refused, not read', () => {
    mkdirSync(path.join(dir, 'proj/logs'), { recursive: true });
    const elsewhere = tempDir('ml-lca-elsewhere-');
    const outside = path.join(elsewhere, 'outside.csv');
    writeFileSync(outside, 'timestamp, power.draw [W]\n2024/01/01 00:00:00.000, 100 W\n2024/01/01 00:00:01.000, 100 W\n');
    symlinkSync(outside, path.join(dir, 'proj/logs/power.csv'));
    writeFileSync(path.join(dir, 'proj/lca.yml'), `${SCENARIO_HEAD}stages: { t: { logs: ["logs/*.csv"] } }\n`);
    const r = runBuilt(['report', '--scenario', 'proj/lca.yml', '--out', path.join(dir, 'proj/out')]);
    expectBadInput(
      r,
      /proj\/lca\.yml: line 6: stages\.t\.logs\[0\]: expected a log path inside \S+proj, got "logs\/\*\.csv", which leaves it \(a symlink to a file outside\)$/,
    );
    expect(existsSync(path.join(dir, 'proj/out'))).toBe(false);
    rmSync(elsewhere, { recursive: true, force: true });
  });
});
