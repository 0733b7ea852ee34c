// The WebAssembly fast lane (src/ingest/fast-lane.ts, assembly/fast-rows.ts) must give exactly
// what the general path gives: same SOURCE object, field for field, warnings and line numbers
// included. Random power CSVs mixing the common row with every quirk the lane must hand back
// (and some it must take), cut into random chunks, are ingested with the lane on and off.
import { afterEach, describe, expect, it } from 'vitest';
import { fastLane, setFastLane } from '../../src/ingest/fast-lane.js';
import { ingestFile } from '../../src/ingest/index.js';
import type { Source } from '../../src/ingest/source.js';
import { chunkedIo } from './helpers.js';

/** Deterministic PRNG (LCG), so a failure names a seed that reproduces it. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

interface Layout {
  header: string | null;
  /** A generic power CSV (power_w; its writer may quote cells) rather than nvidia-smi. */
  generic: boolean;
  cols: Array<'ts' | 'key' | 'name' | 'power' | 'util'>;
  keyKind: 'index' | 'uuid';
  unitsInCells: boolean;
}

function layout(r: () => number): Layout {
  const orders: Layout['cols'][] = [
    ['ts', 'key', 'name', 'power', 'util'],
    ['ts', 'key', 'name', 'power'],
    ['key', 'ts', 'power', 'util'],
    ['ts', 'name', 'power', 'util'],
    ['ts', 'power'],
    ['name', 'key', 'ts', 'util', 'power'],
  ];
  const cols = orders[Math.floor(r() * orders.length)] as Layout['cols'];
  const keyKind = r() < 0.7 ? 'index' : 'uuid';
  const generic = r() < 0.3;
  const unitsInCells = !generic && r() < 0.7;
  // Generic power headers: `_w` (the lane reads it), no unit or an ambiguous `_mw` (values decide the
  // unit, so the general path reads every row).
  const genericPower = ['power_w', 'power_w', 'power', 'power_mw'][Math.floor(r() * 4)] as string;
  const names: Record<string, string> = generic
    ? { ts: 'timestamp', key: keyKind === 'index' ? 'device' : 'gpu_uuid', name: 'gpu_name', power: genericPower, util: 'util_pct' }
    : {
        ts: 'timestamp',
        key: keyKind === 'index' ? 'index' : 'uuid',
        name: 'name',
        power: unitsInCells ? 'power.draw [W]' : r() < 0.5 ? 'power.draw' : 'power.draw [W]',
        util: 'utilization.gpu [%]',
      };
  const header = !generic && r() < 0.1 && cols[0] === 'ts' && cols.includes('key') ? null : cols.map((c) => names[c]).join(r() < 0.8 ? ', ' : ',');
  return { header, generic, cols, keyKind, unitsInCells };
}

function timestamp(r: () => number, t: number): string {
  const d = new Date(t * 1000);
  const base = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ms = pad(Math.round((t % 1) * 1000) % 1000, 3);
  const x = r();
  if (x < 0.8) return `${base}.${ms}`;
  if (x < 0.83) return base;
  if (x < 0.86) return `${base.replace(/\//g, '-').replace(' ', 'T')}.${ms}`;
  if (x < 0.88) return `${base.replace(/\//g, '-')}.${ms}Z`;
  if (x < 0.9) return `${base.replace(/\//g, '-')}.${ms}+02:00`;
  if (x < 0.92) return `${base}.${ms}123456789012345678`; // more fraction digits than kept
  if (x < 0.93) return String(Math.round(t * 1e9)); // epoch ns
  if (x < 0.94) return `00${base.slice(2)}.${ms}`; // year 00xx: Date.UTC's 1900s
  if (x < 0.95) return `${base.slice(0, 5)}13${base.slice(7)}`; // month 13
  if (x < 0.96) return `${base.slice(0, 8)}31${base.slice(10)}`; // day 31 (rolls over in short months)
  if (x < 0.97) return `${base}.${ms}`.slice(0, 21); // shorter fraction: width hint differs
  if (x < 0.98) return `  ${base}.${ms}`;
  if (x < 0.985) return `${base}.${ms} `;
  if (x < 0.99) return `${base.slice(0, 16)}.${base.slice(17)}.${ms}`; // the minute's colon replaced
  if (x < 0.995) return `${base}x`;
  // A small plain number: relative seconds (when it is the first time read, the whole file is).
  return (t % 1000).toFixed(3);
}

function power(r: () => number, unitsInCells: boolean): string {
  const w = Math.round(r() * 70000) / 100;
  const x = r();
  const num =
    x < 0.6
      ? w.toFixed(2)
      : x < 0.7
        ? String(Math.round(w))
        : x < 0.72
          ? `${w.toFixed(2)}000000000000000000000001`
          : x < 0.73
            ? `${w.toFixed(2)}${String(Math.floor(r() * 1e15)).padStart(15, '7')}`
            : x < 0.74
              ? `${Math.floor(r() * 1e6)}${String(Math.floor(r() * 1e12)).padStart(12, '9')}.5`
              : x < 0.75
                ? `${w.toFixed(2)}${String(Math.floor(r() * 1e13)).padStart(13, '3')}`
                : x < 0.8
                  ? `${w}.`
                  : x < 0.83
                    ? `${(w / 100).toFixed(3)}e2`
                    : x < 0.86
                      ? `-${w}`
                      : x < 0.89
                        ? '[N/A]'
                        : x < 0.91
                          ? ''
                          : x < 0.93
                            ? `${w}  `
                            : x < 0.94
                              ? `${Math.round(w * 1000)} mW`
                              : x < 0.95
                                ? `${Math.round(w * 1000)} mw` // ambiguous: read as mW, said once
                                : x < 0.97
                                  ? `${w}W`
                                  : `+${w}`;
  if (!unitsInCells || num === '[N/A]' || num === '' || /m[wW]$/.test(num) || num.endsWith('W')) return num;
  return r() < 0.95 ? `${num} W` : `${num} kW`;
}

function row(r: () => number, L: Layout, t: number, dev: number): string {
  const cells = L.cols.map((c) => {
    if (c === 'ts') return timestamp(r, t);
    if (c === 'key') {
      const k = L.keyKind === 'index' ? String(dev) : `GPU-${pad(dev, 8)}-aaaa-bbbb-cccc-${pad(dev, 12)}`;
      const y = r();
      return y < 0.03 ? `${k}  ` : y < 0.04 ? `"${k}"` : y < 0.05 ? `${k} x` : k;
    }
    if (c === 'name') {
      const y = r();
      // A quoted name whose commas would split it into plausible fields when quotes were ignored.
      return y < 0.03 ? '"NVIDIA H100, SXM"' : y < 0.06 ? '"NVIDIA, 123, 7"' : y < 0.08 ? 'NVIDIA H100 80GB HBM3\rX' : 'NVIDIA H100 80GB HBM3';
    }
    if (c === 'power') return power(r, L.unitsInCells) + (r() < 0.02 ? '\rX' : '');
    return `${Math.floor(r() * 100)} %`;
  });
  const sep = r() < 0.9 ? ', ' : ',';
  let line = cells.join(sep);
  const x = r();
  if (x < 0.02)
    line = line.slice(0, Math.floor(r() * line.length)); // short row
  else if (x < 0.03) line += ', extra';
  else if (x < 0.04) line = `# comment ${line}`;
  else if (x < 0.05) line = '';
  else if (x < 0.06) line = `\t${line}`;
  return line + (r() < 0.1 ? '\r' : '');
}

function log(seed: number): string {
  const r = rng(seed);
  const L = layout(r);
  const devices = 1 + Math.floor(r() * 6);
  const lines: string[] = [];
  if (L.header !== null) lines.push(L.header);
  let t = 1728777600 + r() * 1000;
  const n = 50 + Math.floor(r() * 400);
  for (let i = 0; i < n; i++) {
    const step = r() < 0.02 ? -5 : r() < 0.02 ? 0 : r() < 0.02 ? 200 : 1;
    t += step;
    const late = i > n / 2 ? 1 : 0; // one more device appears half-way
    for (let d = 0; d < devices + late; d++) lines.push(row(r, L, t + d * 0.001, d));
    if (L.header !== null && r() < 0.02) lines.push(L.header);
    if (r() < 0.005) lines.push('timestamp, index, power.draw [W]'); // header changes
  }
  let text = lines.join('\n');
  if (r() < 0.7) text += '\n';
  return text;
}

async function ingestBoth(text: string, chunk: number): Promise<[Source | string, Source | string]> {
  const file = '/logs/fuzz.csv';
  const run = async (lane: boolean) => {
    setFastLane(lane);
    try {
      return await ingestFile(file, {}, chunkedIo({ [file]: text }, chunk));
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  };
  return [await run(true), await run(false)];
}

afterEach(() => setFastLane(true));

describe('fast lane equals the general path', () => {
  it('on 300 random power CSVs cut into random chunks', async () => {
    let taken = 0;
    const lane = fastLane();
    const before = lane?.taken ?? 0;
    for (let seed = 1; seed <= 300; seed++) {
      const text = log(seed);
      const chunk = [1 << 20, 64, 4096, 997][seed % 4] as number;
      const [withLane, general] = await ingestBoth(text, chunk);
      expect(withLane, `seed ${seed}`).toEqual(general);
      if (typeof withLane !== 'string') taken++;
    }
    // Most files parse (the quirks are per row); a generator that only made errors would prove nothing.
    expect(taken).toBeGreaterThan(250);
    // And the lane took a good share of the rows itself (about a third: the quirks are dense), else
    // this would compare the general path with itself.
    expect((lane?.taken ?? 0) - before).toBeGreaterThan(20_000);
  });

  it('takes the common rows itself (a clean log is read by the lane, not the general path)', async () => {
    const lines = ['timestamp, index, name, power.draw [W], utilization.gpu [%]'];
    for (let s = 0; s < 500; s++)
      for (let g = 0; g < 8; g++)
        lines.push(`2024/10/13 00:${pad(Math.floor(s / 60))}:${pad(s % 60)}.250, ${g}, NVIDIA H100 80GB HBM3, ${(300 + g + (s % 7)).toFixed(2)} W, 5 %`);
    const lane = fastLane();
    expect(lane).not.toBeNull();
    const before = lane?.taken ?? 0;
    const [withLane, general] = await ingestBoth(`${lines.join('\n')}\n`, 1 << 20);
    expect(withLane).toEqual(general);
    expect((withLane as Source).rows).toBe(4000);
    // The first row of each device goes the general way (it registers the device).
    expect((lane?.taken ?? 0) - before).toBe(4000 - 8);
  });

  it('with more devices than the lane registers (1,100 keys) and a line longer than its window', async () => {
    const lines = ['timestamp, uuid, power.draw [W]'];
    for (let s = 0; s < 3; s++) for (let g = 0; g < 1100; g++) lines.push(`2024/10/13 00:00:0${s}.000, GPU-${pad(g, 36)}, ${100 + (g % 50)}.5 W`);
    lines.push(`2024/10/13 00:00:04.000, GPU-${pad(1, 36)}, 100 W${' '.repeat(1_100_000)}`);
    const [lane, general] = await ingestBoth(`${lines.join('\n')}\n`, 1 << 20);
    expect(lane).toEqual(general);
    expect((lane as Source).devices).toHaveLength(1100);
  });
});
