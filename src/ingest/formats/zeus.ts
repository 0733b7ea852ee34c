// Zeus (ml.energy) measurement windows. CSV from `ZeusMonitor(log_file=…)`:
//   start_time,window_name,elapsed_time,gpu0_energy,gpu1_energy,…     (epoch s, s, J per window)
// or JSON / JSON lines of `Measurement`s: {"window": "train", "time": 12.3, "gpu_energy": {"0": 4567.8}}.
// Windows may nest (an `epoch` window inside a `train` window): energy counts once, from the
// outermost windows only (a window fully inside another is left out and reported).
import { InputError } from '../../errors.js';
import { readCsv, readLines } from '../lines.js';
import { firstLines } from '../sniff.js';
import type { LogFormat, ParseContext } from '../types.js';
import { jToKwh } from '../units.js';

interface Window {
  name: string;
  start: number | null;
  elapsed: number | null;
  energy: Map<string, number>;
  line: number;
}

export const zeus: LogFormat = {
  id: 'zeus',
  description: 'Zeus measurement windows (CSV log_file or JSON lines), J per window',
  sniff(head) {
    const first = (firstLines(head, 1)[0] ?? '').toLowerCase();
    if (/^start_time,window_name,elapsed_time/.test(first)) return 0.95;
    if (first.startsWith('{') || first.startsWith('[')) return /"gpu_energy"\s*:\s*\{/.test(head) ? 0.9 : 0;
    return 0;
  },
  async parse(stream, ctx) {
    ctx.out.scope = 'device';
    // Zeus reads NVML's total-energy counter (Volta and newer) for each window.
    ctx.out.method = 'energy_counter';
    const windows: Window[] = [];
    // Re-read the first bytes to decide CSV vs JSON without buffering the file.
    const it = stream[Symbol.asyncIterator]();
    const firstChunk = await it.next();
    const head = firstChunk.done ? '' : Buffer.from(firstChunk.value).toString('utf8', 0, 64).trimStart();
    async function* replay(): AsyncGenerator<Uint8Array> {
      if (!firstChunk.done) yield firstChunk.value;
      for (;;) {
        const n = await it.next();
        if (n.done) return;
        yield n.value;
      }
    }
    if (head.startsWith('{') || head.startsWith('[')) await readJson(replay(), ctx, windows);
    else await readZeusCsv(replay(), ctx, windows);
    finish(ctx, windows);
  },
};

async function readZeusCsv(stream: AsyncIterable<Uint8Array>, ctx: ParseContext, windows: Window[]): Promise<void> {
  const out = ctx.out;
  let gpuCols: Array<[number, string]> | null = null;
  let ncols = 0;
  for await (const rec of readCsv(stream, ctx.path)) {
    const c = rec.cells;
    if (gpuCols === null || c[0] === 'start_time') {
      gpuCols = [];
      c.forEach((h, i) => {
        const m = /^gpu(\d+)_energy$/i.exec(h);
        if (m?.[1] !== undefined) gpuCols?.push([i, m[1]]);
      });
      ncols = c.length;
      continue;
    }
    out.rows++;
    if (c.length !== ncols) {
      out.reject(rec.line, `expected ${ncols} fields`);
      continue;
    }
    const energy = new Map<string, number>();
    let bad = false;
    for (const [i, gpu] of gpuCols) {
      const v = Number(c[i]);
      if ((c[i] ?? '') === '' || !Number.isFinite(v)) bad = true;
      else if (v < 0) ctx.out.device(gpu).negative++;
      else energy.set(gpu, v);
    }
    if (bad) {
      out.reject(rec.line, 'gpu energy is not a number');
      continue;
    }
    const start = Number(c[0]);
    const elapsed = Number(c[2]);
    windows.push({
      name: c[1] ?? '',
      start: Number.isFinite(start) ? start : null,
      elapsed: Number.isFinite(elapsed) ? elapsed : null,
      energy,
      line: rec.line,
    });
  }
}

function windowFrom(o: unknown, line: number): Window | null {
  if (o === null || typeof o !== 'object') return null;
  const r = o as Record<string, unknown>;
  const ge = r.gpu_energy;
  if (ge === null || typeof ge !== 'object') return null;
  const energy = new Map<string, number>();
  for (const [k, v] of Object.entries(ge as Record<string, unknown>)) if (typeof v === 'number' && v >= 0) energy.set(k, v);
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return {
    name: typeof r.window === 'string' ? r.window : typeof r.name === 'string' ? r.name : '',
    start: num(r.start_time),
    elapsed: num(r.time) ?? num(r.elapsed_time),
    energy,
    line,
  };
}

/** Largest JSON value (one measurement, or a whole pretty-printed array) read as one piece. */
const MAX_JSON_VALUE = 256 * 1024 * 1024;

/**
 * Bracket depth outside strings, carried from line to line, so a value spread over many lines
 * is parsed once, when it closes, not once per line (which is quadratic in its length).
 */
class JsonDepth {
  depth = 0;
  private inString = false;
  private escaped = false;
  feed(line: string): void {
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
      } else if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) this.depth++;
      else if (c === 125 || c === 93) this.depth--;
    }
  }
  reset(): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }
}

async function readJson(stream: AsyncIterable<Uint8Array>, ctx: ParseContext, windows: Window[]): Promise<void> {
  const out = ctx.out;
  let pending = '';
  let startLine = 0;
  const depth = new JsonDepth();
  for await (const ln of readLines(stream, ctx.path)) {
    if (pending === '' && ln.text.trim() === '') continue;
    if (pending === '') startLine = ln.n;
    pending += `${ln.text}\n`;
    depth.feed(ln.text);
    if (pending.length > MAX_JSON_VALUE)
      throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, line: startLine, expected: 'JSON values under 256 MiB', got: 'a larger one' });
    // Still inside a value: nothing to parse yet (a truncated last value is reported below).
    if (depth.depth > 0 && ln.terminated) continue;
    let v: unknown;
    try {
      v = JSON.parse(pending);
    } catch {
      if (!ln.terminated) {
        out.rows++;
        out.reject(startLine, 'truncated last line');
      } else if (depth.depth <= 0) {
        // Not JSON although its brackets closed: reject this piece and read on (re-parsing it
        // with every later line would be quadratic and reject the rest of the file too).
        out.rows++;
        out.reject(startLine, 'not valid JSON');
        pending = '';
        depth.reset();
      }
      continue;
    }
    pending = '';
    depth.reset();
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) {
      out.rows++;
      const w = windowFrom(item, startLine);
      if (w) windows.push(w);
      else out.reject(startLine, 'not a Zeus measurement (no gpu_energy mapping)');
    }
  }
  if (pending.trim() !== '')
    throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, line: startLine, expected: 'complete JSON', got: 'unterminated JSON' });
}

/**
 * Windows inside another window: w is inner when some other window o starts no later, ends no
 * earlier, and is longer (or, for the same window logged twice, comes later). Sorted by start,
 * then longest first, then latest line first, a window is inner exactly when a window before it
 * in that order ends no earlier: one sweep, O(n log n) rather than comparing every pair.
 */
function innerWindows(windows: readonly Window[]): Set<Window> {
  const timed = windows.filter((w) => w.start !== null && w.elapsed !== null) as Array<Window & { start: number; elapsed: number }>;
  timed.sort((a, b) => a.start - b.start || b.elapsed - a.elapsed || b.line - a.line);
  const inner = new Set<Window>();
  let maxEnd = Number.NEGATIVE_INFINITY;
  for (const w of timed) {
    const end = w.start + w.elapsed;
    if (maxEnd >= end) inner.add(w);
    if (end > maxEnd) maxEnd = end;
  }
  return inner;
}

function finish(ctx: ParseContext, windows: Window[]): void {
  const out = ctx.out;
  let nested = 0;
  const innerSet = innerWindows(windows);
  const runs: Array<{ id: string; energy_kwh: number }> = [];
  for (const w of windows) {
    const inner = innerSet.has(w);
    if (inner) {
      nested++;
      continue;
    }
    for (const [gpu, j] of w.energy) out.device(gpu).addEnergy(j);
    // A window with a start time is an identity: the same window in two files counts once.
    if (w.start !== null) runs.push({ id: `zeus:${w.name}@${w.start}`, energy_kwh: jToKwh([...w.energy.values()].reduce((a, b) => a + b, 0)) });
    if (w.start !== null) {
      out.seen(w.start);
      if (w.elapsed !== null) out.seen(w.start + w.elapsed);
    }
  }
  if (nested > 0) out.warn(`${nested} window(s) nested inside another window left out so energy counts once`);
  if (runs.length > 0) out.extra.runs = runs;
  // Every row rejected: energy_kwh null and the builder says why (the stage is incomplete).
}
