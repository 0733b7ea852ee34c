// Issue 13, items 5 and 7-10, through the CLI: credentials in a URL, values that overflow,
// out-of-range timestamps, stage names that are Object.prototype members, duplicate JSON keys,
// paths that leave the project, files that are not what they were named as (never quoted), and
// a report that cannot be written (nothing left behind). The secret case runs the BUILT CLI
// against a local Prometheus stand-in; the rest run in process (src/, fast).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from './helpers.js';

const dir = tempDir('ml-lca-hard-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = `name: h
functional_unit: { description: "one request", inferences: 1 }
deployment: { lifetime_inferences: 1000 }
grid: { intensity_g_per_kwh: 400 }
pue: 1.0
hardware: { model: H100-SXM, count: 1, power_w: 500, embodied_kg: 100, host_embodied_kg: 0, lifespan_years: 4 }
`;

function write(name: string, text: string): string {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

const run = (argv: string[]) => runInProcess(argv, dir);

function expectExit2(r: { code: number; stderr: string }, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error|Invalid time value|\n\s+at /);
}

describe('credentials in prometheus.url (built CLI)', () => {
  const SECRET = 's3cret-Pa55word';

  function runDist(argv: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...argv], { cwd, env: { ...process.env, ML_LCA_PROMETHEUS_TOKEN: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c));
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it('are used to authenticate and appear nowhere: card, report, stdout, stderr', async () => {
    const auth: string[] = [];
    // 2 GPUs' energy counters (mJ), one reading a minute for an hour, 60 kJ a minute: 3.6 MJ = 1 kWh each.
    const series = (gpu: string) => ({
      metric: { __name__: 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', gpu, Hostname: 'n1' },
      values: Array.from({ length: 61 }, (_, i) => [1_704_067_200 + i * 60, String(i * 60_000_000)]),
    });
    const server = http.createServer((req, res) => {
      auth.push(req.headers.authorization ?? '');
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        const counter = new URLSearchParams(body).get('query')?.startsWith('DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: counter ? [series('0'), series('1')] : [] } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const proj = path.join(dir, 'prom');
      mkdirSync(proj, { recursive: true });
      const stage = (url: string) =>
        `${HEAD}stages:\n  training:\n    prometheus: { url: "${url}", job_window: { start: "2024-01-01T00:00:00Z", end: "2024-01-01T01:00:00Z" }, step_s: 60 }\n`;
      writeFileSync(path.join(proj, 'lca.yml'), stage(`http://alice:${SECRET}@127.0.0.1:${port}/`));
      const r = await runDist(['report', '--scenario', 'lca.yml', '--out', 'out'], proj);
      expect(r.code, r.stderr).toBe(0);
      expect(auth[0]).toBe(`Basic ${Buffer.from(`alice:${SECRET}`).toString('base64')}`);
      const card = readFileSync(path.join(proj, 'out/model-card.json'), 'utf8');
      // 2 kWh device energy measured through the credentials.
      expect(JSON.parse(card).stages.training.it_energy_kwh).toBeCloseTo(2, 9);
      expect(JSON.parse(card).scenario.stages.training.prometheus.url).toBe(`http://127.0.0.1:${port}/`);
      for (const f of readdirSync(path.join(proj, 'out'))) expect(readFileSync(path.join(proj, 'out', f), 'utf8'), f).not.toMatch(/s3cret|alice/);
      expect(r.stdout + r.stderr).not.toMatch(/s3cret|alice/);

      // Unreachable (closed port) and invalid URLs: the errors name the URL without its user-info.
      writeFileSync(path.join(proj, 'lca.yml'), stage(`http://alice:${SECRET}@127.0.0.1:1/`));
      const down = await runDist(['report', '--scenario', 'lca.yml', '--out', 'out2'], proj);
      expect(down.code).toBe(2);
      expect(down.stderr).toContain('http://127.0.0.1:1/');
      writeFileSync(path.join(proj, 'lca.yml'), stage(`http://alice:${SECRET}@bad host/`));
      const invalid = await runDist(['report', '--scenario', 'lca.yml', '--out', 'out3'], proj);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toMatch(/stages\.training\.prometheus\.url: expected .*got "http:\/\/bad host\/"/);
      for (const x of [down, invalid]) expect(x.stdout + x.stderr).not.toMatch(/s3cret|alice/);
      expect(existsSync(path.join(proj, 'out2')) || existsSync(path.join(proj, 'out3'))).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe('values and times at the edge of a double: exit 2 naming file and field, or handled', () => {
  it('energy_kwh: 1e308 overflows: exit 2 naming the scenario file, line and field', async () => {
    const s = write('big/lca.yml', `${HEAD}stages:\n  training: { energy_kwh: 1e308, hours: 1 }\n`);
    expectExit2(
      await run(['report', '--scenario', s, '--out', path.join(dir, 'big/out')]),
      /big\/lca\.yml: line 8: stages\.training\.energy_kwh: expected a number small enough to compute with .*got 1e\+308$/,
    );
    expect(existsSync(path.join(dir, 'big/out'))).toBe(false);
  });

  it('a log with timestamps of 1e308 and 1e17 (out of any date): those rows rejected, the rest counted', async () => {
    const log = write(
      'times.csv',
      'timestamp, power.draw [W]\n2024/01/01 00:00:00.000, 100 W\n1e308, 100 W\n2024/01/01 00:00:10.000, 100 W\n99999999999999999999999, 100 W\n',
    );
    const r = await run(['ingest', log, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).sources[0];
    // 100 W for 10 s = 1,000 J = 1000 / 3.6e6 kWh; start/end are the two good rows.
    expect(s.energy_kwh).toBeCloseTo(1000 / 3.6e6, 15);
    expect([s.start, s.end, s.rows_rejected]).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:10.000Z', 2]);
  });

  it('DCGM samples stamped beyond any date: rejected with the reason and their lines', async () => {
    const log = write(
      'times-bad.prom',
      'DCGM_FI_DEV_POWER_USAGE{gpu="0"} 100 1704067200000\nDCGM_FI_DEV_POWER_USAGE{gpu="0"} 100 99999999999999999999999\nDCGM_FI_DEV_POWER_USAGE{gpu="0"} 100 1704067210000\nDCGM_FI_DEV_POWER_USAGE{gpu="0"} 100 999999999999999999999999\n',
    );
    const r = await run(['ingest', log, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).sources[0];
    expect(s.warnings).toContain('2 row(s) rejected: timestamp out of range (line 2, 4)');
    expect(s.energy_kwh).toBeCloseTo(1000 / 3.6e6, 15);
  });

  it('a power value of 1e308 W: the sum overflows, exit 2 naming the log', async () => {
    write('huge/huge.csv', 'timestamp, power.draw [W]\n2024/01/01 00:00:00.000, 1e308 W\n2024/01/01 00:00:10.000, 1e308 W\n');
    const s = write('huge/lca.yml', `${HEAD}stages:\n  training: { logs: [huge.csv] }\n`);
    const r = await runInProcess(['report', '--scenario', s, '--out', path.join(dir, 'huge/out')], path.join(dir, 'huge'));
    expectExit2(r, /huge\.csv: expected energy values that add up to a finite number, got values so large that their total overflows to infinity$/);
  });

  it('a job window start far beyond any date: exit 2 naming the field', async () => {
    const s = write(
      'window.yml',
      `${HEAD}stages:\n  training:\n    prometheus: { url: "http://127.0.0.1:1/", job_window: { start: "99999999999999999999", end: "2024-01-01T01:00:00Z" } }\n`,
    );
    expectExit2(
      await run(['report', '--scenario', s, '--out', path.join(dir, 'wout')]),
      /window\.yml: stages\.training\.prometheus\.job_window\.start: expected an ISO 8601 time/,
    );
  });
});

describe('keys: duplicates, __proto__ and Object.prototype names', () => {
  it('a duplicate key in a JSON scenario is an error with its line, as in YAML', async () => {
    const s = write('dup.json', '{\n  "name": "a",\n  "name": "b"\n}\n');
    expectExit2(await run(['report', '--scenario', s]), /dup\.json: line 3: expected valid JSON, got a duplicate key \(map keys must be unique\)/);
  });

  it('__proto__ as a stage is refused (a JavaScript object cannot hold it as data)', async () => {
    const s = write('proto.yml', `${HEAD}stages:\n  __proto__: { energy_kwh: 1 }\n  training: { energy_kwh: 1 }\n`);
    expectExit2(await run(['report', '--scenario', s]), /proto\.yml: line 8: expected keys other than __proto__, got the key "__proto__"/);
  });

  it('stages named constructor, toString, hasOwnProperty, valueOf are ordinary stages', async () => {
    write('names/power.csv', 'timestamp, power.draw [W]\n2024/01/01 00:00:00.000, 360 W\n2024/01/01 01:00:00.000, 360 W\n');
    const s = write(
      'names/lca.yml',
      `${HEAD}stages:\n  constructor: { energy_kwh: 10, hours: 2 }\n  toString: { logs: [power.csv], inferences: 100 }\n  hasOwnProperty: { hours: 3 }\n  valueOf: { energy_kwh: 1, hours: 1 }\nbudgets:\n  - { metric: stages.constructor.co2e_kg, max: 1000 }\n`,
    );
    const out = path.join(dir, 'names/out');
    const r = await run(['report', '--scenario', s, '--out', out, '--log', 'toString=names/power.csv']);
    expect(r.code, r.stderr).toBe(0);
    const card = JSON.parse(readFileSync(path.join(out, 'model-card.json'), 'utf8'));
    expect(Object.keys(card.stages)).toEqual(['constructor', 'toString', 'hasOwnProperty', 'valueOf']);
    // energy_kwh as given; 360 W for 1 h = 0.36 kWh (the log, counted once though named twice); 3 h × 500 W = 1.5 kWh.
    expect(card.stages.constructor.it_energy_kwh).toBe(10);
    expect(card.stages.toString.it_energy_kwh).toBeCloseTo(0.36, 12);
    expect(card.stages.toString.sources).toEqual(['names/power.csv']);
    expect(card.stages.hasOwnProperty.it_energy_kwh).toBeCloseTo(1.5, 12);
    expect(card.stages.valueOf.it_energy_kwh).toBe(1);
    // 10 kWh × 0.4 kg + 100 kg × 2 h / 35,040 h
    expect(card.budgets[0].actual).toBeCloseTo(4 + 200 / 35_040, 9);
  });
});

describe('paths and files that are not what they were named as: refused, never quoted', () => {
  it('ledger: file:../../etc/passwd is refused before it is read', async () => {
    const s = write(
      'ledger/lca.yml',
      `${HEAD}team: ml\nstages:\n  t: { energy_kwh: 1 }\nledger: file:../../../../../../../etc/passwd\nbudgets:\n  - { scope: team, period: month, max: 10 }\n`,
    );
    const r = await runInProcess(['report', '--scenario', s, '--out', path.join(dir, 'ledger/out')], path.join(dir, 'ledger'));
    expectExit2(r, /lca\.yml: ledger: expected a path inside .*, got ".*etc\/passwd"/);
    expect(r.stderr).not.toMatch(/root:/);
  });

  it.runIf(existsSync('/etc/passwd'))('/etc/passwd as scenario, baseline or log: exit 2 without a word of it', async () => {
    const s = write('ok.yml', `${HEAD}stages:\n  t: { energy_kwh: 1 }\n`);
    for (const argv of [
      ['report', '--scenario', '/etc/passwd'],
      ['report', '--scenario', s, '--baseline', '/etc/passwd', '--out', path.join(dir, 'pout')],
      ['compare', '/etc/passwd', '/etc/passwd'],
      ['ingest', '/etc/passwd'],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).not.toMatch(/root|daemon|nologin|bin\/(ba)?sh/);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });

  it('a YAML file that is one string (a .env, a key): "a single string value", not its text', async () => {
    const s = write('secret.yml', 'API_TOKEN=ghp_notForYourEyes\n');
    expectExit2(await run(['report', '--scenario', s]), /secret\.yml: expected a mapping of scenario keys .*, got a single string value$/);
  });

  it('--interval -1 says what is wrong with -1', async () => {
    expectExit2(
      await run(['ingest', path.join(ROOT, 'examples/logs/inference/gpu_power.csv'), '--interval', '-1']),
      /ingest --interval: expected a number of seconds > 0, got "-1"$/,
    );
  });
});

describe('a failed run leaves no partial outputs', () => {
  it('report.md cannot be written (a directory is in its place): no model-card.json beside it', async () => {
    const s = write('atomic/lca.yml', `${HEAD}stages:\n  t: { energy_kwh: 1, hours: 1 }\n`);
    const out = path.join(dir, 'atomic/out');
    mkdirSync(path.join(out, 'report.md'), { recursive: true });
    writeFileSync(path.join(out, 'model-card.json'), 'the previous card');
    const r = await run(['report', '--scenario', s, '--out', out]);
    expectExit2(r, /--out: expected a directory where report\.md can be written, got \S+ \(\S+\/report\.md is a directory\)$/);
    expect(readdirSync(out).sort()).toEqual(['model-card.json', 'report.md']);
    // The file that was there is put back as it was; no temp or backup files are left.
    expect(readFileSync(path.join(out, 'model-card.json'), 'utf8')).toBe('the previous card');
  });

  it('a new --out directory is removed again when the write fails', async () => {
    const s = write('atomic2/lca.yml', `${HEAD}stages:\n  t: { energy_kwh: 1, hours: 1 }\n`);
    writeFileSync(path.join(dir, 'atomic2/blocker'), 'a file where a directory should go');
    const r = await run(['report', '--scenario', s, '--out', path.join(dir, 'atomic2/new/deeper')]);
    expect(r.code).toBe(0);
    const r2 = await run(['report', '--scenario', s, '--out', path.join(dir, 'atomic2/blocker/out')]);
    expectExit2(r2, /--out: expected a directory ml-lca can create or write, got \S+ \(\S+: ENOTDIR\)$/);
    expect(readdirSync(path.join(dir, 'atomic2')).sort()).toEqual(['blocker', 'lca.yml', 'new']);
  });
});
