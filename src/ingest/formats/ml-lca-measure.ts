// The log `ml-lca measure` writes (src/measure/log.ts): JSON lines with a header, one record per
// channel, then power samples (`w`, integrated by the trapezoid rule) and cumulative energy
// readings (`j`, differenced). Scope: a log with CPU/memory channels is host-inclusive energy
// (GPU + CPU + memory, like CodeCarbon's: no it_overhead_factor); GPU channels alone are
// device-only. Estimated channels (CPU from utilisation × TDP, memory from its size) are named in
// the warnings with their share of the energy, and their range goes to `estimated` (SOURCE).
// Several sessions appended to one file are read one after another. A session without an end
// record was cut short (killed sampler, crashed job): what was written counts, with a warning.
import { InputError } from '../../errors.js';
import { MEASURE_FORMAT_ID, MeasureChannel, MeasureEnd, MeasureHeader } from '../../measure/log.js';
import { readLines } from '../lines.js';
import { firstLines } from '../sniff.js';
import type { LogFormat } from '../types.js';
import { isoOf, validEpoch } from '../time.js';
import { jToKwh } from '../units.js';

interface ChannelState {
  ch: MeasureChannel;
  key: string;
  firstJ: number | null;
  lastJ: number | null;
  firstLow: number | null;
  lastLow: number | null;
  firstHigh: number | null;
  lastHigh: number | null;
}

const MAX_NOTE = 300;
const KIND_NAME: Record<MeasureChannel['kind'], string> = { gpu: 'GPU', cpu: 'CPU', dram: 'DRAM', ram: 'memory' };

export const mlLcaMeasure: LogFormat = {
  id: MEASURE_FORMAT_ID,
  description: 'the log `ml-lca measure` writes (GPU power, RAPL counters, CPU/memory estimates; JSON lines)',
  sniff(head) {
    const first = firstLines(head, 1)[0] ?? '';
    return /^\{"ml_lca_measure":\s*\d+/.test(first) ? 0.99 : 0;
  },
  async parse(stream, ctx) {
    const out = ctx.out;
    let session = 0;
    let host: string | null = null;
    let channels = new Map<string, ChannelState>();
    const all: ChannelState[] = [];
    let ended = true;
    let lastT: number | null = null;
    const cutShort: string[] = [];
    const exits: string[] = [];
    const closeSession = () => {
      if (session > 0 && !ended) cutShort.push(lastT !== null ? isoOf(lastT) : 'its start');
    };
    for await (const ln of readLines(stream, ctx.path)) {
      const text = ln.text.trim();
      if (text === '') continue;
      let v: unknown;
      try {
        v = JSON.parse(text);
      } catch {
        out.rows++;
        // The last line of a killed sampler may be cut: expected, not corruption.
        out.reject(ln.n, ln.terminated ? 'not valid JSON' : 'truncated last line');
        continue;
      }
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        out.rows++;
        out.reject(ln.n, 'not a JSON object');
        continue;
      }
      const r = v as Record<string, unknown>;
      if (typeof r.ch === 'string') {
        out.rows++;
        const st = channels.get(r.ch);
        // A time a Date can hold (1e308 would end as "Invalid time value" in a warning).
        const t = typeof r.t === 'number' && validEpoch(r.t) ? r.t : null;
        if (!st) {
          out.reject(ln.n, 'sample of a channel not declared before it');
          continue;
        }
        if (t === null) {
          out.reject(ln.n, 'sample without a time "t"');
          continue;
        }
        lastT = t;
        const dev = out.device(st.key, { name: st.ch.name, host });
        if ('w' in r) dev.addPower(t, typeof r.w === 'number' ? r.w : Number.NaN);
        else if (typeof r.j === 'number') {
          dev.addCounter(t, r.j);
          st.firstJ ??= r.j;
          st.lastJ = r.j;
          if (typeof r.j_low === 'number') {
            st.firstLow ??= r.j_low;
            st.lastLow = r.j_low;
          }
          if (typeof r.j_high === 'number') {
            st.firstHigh ??= r.j_high;
            st.lastHigh = r.j_high;
          }
        } else out.reject(ln.n, 'sample without "w" (W) or "j" (J)');
        continue;
      }
      if ('ml_lca_measure' in r) {
        const h = MeasureHeader.safeParse(r);
        if (!h.success) throw corrupt(ctx.path, ln.n, 'a header record {"ml_lca_measure":1, started, host, interval_s, tool}', text);
        closeSession();
        session++;
        ended = false;
        host = h.data.host || null;
        channels = new Map();
        continue;
      }
      if (session === 0) throw corrupt(ctx.path, ln.n, 'the header record first', text);
      if ('channel' in r) {
        const c = MeasureChannel.safeParse(r);
        if (!c.success) throw corrupt(ctx.path, ln.n, 'a channel record (channel, kind, scope, source, name, estimate)', text);
        const key = session > 1 ? `${c.data.channel}#${session}` : c.data.channel;
        const st: ChannelState = { ch: c.data, key, firstJ: null, lastJ: null, firstLow: null, lastLow: null, firstHigh: null, lastHigh: null };
        channels.set(c.data.channel, st);
        all.push(st);
        out.device(key, { name: c.data.name, host }).kind = c.data.kind;
        continue;
      }
      if (typeof r.note === 'string') {
        out.warn(`${host ? `${host}: ` : ''}${r.note.slice(0, MAX_NOTE)}`);
        continue;
      }
      if ('end' in r) {
        const e = MeasureEnd.safeParse(r);
        if (!e.success) throw corrupt(ctx.path, ln.n, 'an end record (t, end, reason)', text);
        ended = true;
        if (e.data.signal) exits.push(`the measured command was killed by ${e.data.signal}`);
        else if (e.data.exit_code) exits.push(`the measured command exited with code ${e.data.exit_code}`);
        continue;
      }
      out.rows++;
      out.reject(ln.n, 'not a header, channel, sample, note or end record');
    }
    if (session === 0) throw corrupt(ctx.path, 1, 'a header record {"ml_lca_measure":1, ...}', '');
    closeSession();
    for (const at of cutShort) out.warn(`the measurement has no end record (sampler killed or still running): energy counts up to its last sample at ${at}`);
    for (const e of exits) out.warn(`${e}: the energy covers the run up to that point`);
    // Host-inclusive when the CPU or memory was measured or estimated; GPU-only logs are device scope.
    out.scope = all.some((s) => s.ch.scope === 'host') ? 'host' : 'device';
    const est = estimateRange(all);
    if (est) {
      out.extra.estimated = est;
      const kinds = new Set(all.filter((s) => s.ch.estimate).map((s) => s.ch.kind));
      const how = [kinds.has('cpu') ? 'CPU from /proc/stat utilisation × TDP' : '', kinds.has('ram') ? 'memory from its size' : ''].filter(Boolean).join(', ');
      const names = [...kinds].map((k) => KIND_NAME[k]).join(' and ');
      out.warn(
        `${names} power ${kinds.size > 1 ? 'are ESTIMATES' : 'is an ESTIMATE'}, not measured (${how}, as CodeCarbon does without RAPL; sources[].estimated.method says how): ` +
          `${fmt(est.energy_kwh)} kWh, range ${fmt(est.low_kwh)}–${fmt(est.high_kwh)} kWh`,
      );
    }
  },
};

const fmt = (kwh: number) => Number(kwh.toPrecision(3)).toString();

function estimateRange(all: ChannelState[]): { energy_kwh: number; low_kwh: number; high_kwh: number; method: string } | undefined {
  const est = all.filter((s) => s.ch.estimate);
  if (est.length === 0) return undefined;
  let j = 0;
  let low = 0;
  let high = 0;
  for (const s of est) {
    const e = s.firstJ !== null && s.lastJ !== null ? Math.max(0, s.lastJ - s.firstJ) : 0;
    j += e;
    low += s.firstLow !== null && s.lastLow !== null ? Math.max(0, s.lastLow - s.firstLow) : e;
    high += s.firstHigh !== null && s.lastHigh !== null ? Math.max(0, s.lastHigh - s.firstHigh) : e;
  }
  const methods = [...new Set(est.map((s) => `${KIND_NAME[s.ch.kind]}: ${s.ch.method ?? 'estimate'}`))];
  return { energy_kwh: jToKwh(j), low_kwh: jToKwh(Math.min(low, j)), high_kwh: jToKwh(Math.max(high, j)), method: methods.join('; ') };
}

function corrupt(file: string, line: number, expected: string, got: string): InputError {
  return new InputError({ code: 'LOG_CORRUPT', file, line, expected, got: got ? JSON.stringify(got.slice(0, 80)) : 'nothing' });
}
