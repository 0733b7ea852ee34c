// The fast lane's WebAssembly: the committed module (src/ingest/fast-rows-wasm.ts) is what
// `npm run wasm` compiles from assembly/fast-rows.ts today, and where WebAssembly is missing
// (node --jitless) the built CLI still reads every log, through the general path, to the same
// result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGET, compileWasm, moduleText } from '../../scripts/build-wasm.mjs';

const root = path.resolve(import.meta.dirname, '../..');

describe('fast lane WebAssembly', () => {
  it('the committed module is up to date (run `npm run wasm`)', async () => {
    const fresh = moduleText(await compileWasm());
    expect(readFileSync(path.join(root, TARGET), 'utf8')).toBe(fresh);
  }, 60_000);

  it('node --jitless (no WebAssembly) gives the same SOURCE through the general path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-lca-jitless-'));
    const lines = ['timestamp, index, name, power.draw [W], utilization.gpu [%]'];
    for (let s = 0; s < 300; s++)
      for (let g = 0; g < 4; g++)
        lines.push(
          `2024/10/13 00:0${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.125, ${g}, NVIDIA A100-SXM4-80GB, ${(200 + 10 * g + (s % 13)).toFixed(2)} W, 50 %`,
        );
    lines.splice(500, 0, '2024/10/13 00:02:04.125, 1, NVIDIA A100-SXM4-80GB, [N/A], 50 %');
    const log = path.join(dir, 'gpu.csv');
    writeFileSync(log, `${lines.join('\n')}\n`);
    const cli = path.join(root, 'dist/cli.js');
    const run = (flags: string[]) => spawnSync(process.execPath, [...flags, cli, 'ingest', log, '--json'], { encoding: 'utf8', timeout: 30_000 });
    const jit = run([]);
    const jitless = run(['--jitless']);
    expect(jit.status, jit.stderr).toBe(0);
    expect(jitless.status, jitless.stderr).toBe(0);
    const check = spawnSync(process.execPath, ['--jitless', '-e', 'process.stdout.write(typeof WebAssembly)'], { encoding: 'utf8' });
    expect(check.stdout).toBe('undefined');
    expect(JSON.parse(jitless.stdout)).toEqual(JSON.parse(jit.stdout));
    expect((JSON.parse(jit.stdout) as { sources: Array<{ rows: number }> }).sources[0]?.rows).toBe(1201);
  }, 60_000);
});
